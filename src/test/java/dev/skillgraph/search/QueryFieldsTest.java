package dev.skillgraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

/**
 * A query moved to another field is the one the query builder makes for that field, with the seed's synonyms (one word
 * for two, two for one, both ways), stemming, stop words and phrases: every query of the relevance suite and more.
 */
class QueryFieldsTest {

    /** Stands for "no query" (all stop words): QueryBuilder answers null. */
    private static final Query EMPTY = new TermQuery(new Term("none", "none"));

    @Test
    void aMovedQueryIsTheOneBuiltForTheField() throws IOException {
        QueryBuilder builder =
                new QueryBuilder(Analyzers.stemmedWithSynonyms(Synonyms.load(Path.of("graph-seed/synonyms.txt"))));
        List<String> texts = new ArrayList<>(List.of(
                "neural network",
                "nn backprop",
                "k8s deployment",
                "large language model fine tuning with lora",
                "gbm",
                "cv and nlp",
                "how do I deploy a model",
                "the",
                "rag llm"));
        for (String line : Files.readAllLines(Path.of("src/test/resources/relevance-queries.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                texts.add(line.split("\t")[1]);
            }
        }
        int moved = 0;
        for (String text : texts) {
            for (String field : new String[] {Fields.ALIASES, Fields.SUMMARY, Fields.RELATED}) {
                List<Query> built = List.of(
                        nullSafe(builder.createBooleanQuery(Fields.NAME, text, Occur.SHOULD)),
                        nullSafe(builder.createPhraseQuery(Fields.NAME, text, 2)),
                        nullSafe(builder.createMinShouldMatchQuery(Fields.NAME, text, 0.75f)));
                List<Query> expected = List.of(
                        nullSafe(builder.createBooleanQuery(field, text, Occur.SHOULD)),
                        nullSafe(builder.createPhraseQuery(field, text, 2)),
                        nullSafe(builder.createMinShouldMatchQuery(field, text, 0.75f)));
                for (int i = 0; i < built.size(); i++) {
                    if (built.get(i) == EMPTY) {
                        assertThat(expected.get(i)).isSameAs(EMPTY);
                        continue;
                    }
                    assertThat(QueryFields.onField(built.get(i), field, TermQuery::new))
                            .as("%s on %s", text, field)
                            .isEqualTo(expected.get(i));
                    moved++;
                }
            }
        }
        assertThat(moved).isGreaterThan(300);
    }

    private static Query nullSafe(Query query) {
        return query == null ? EMPTY : query;
    }
}
