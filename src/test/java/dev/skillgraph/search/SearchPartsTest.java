package dev.skillgraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.graph.GraphData;
import dev.skillgraph.graph.GraphState;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.seed.SeedLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.junit.jupiter.api.Test;

/**
 * Each of SkillGraph's own Lucene parts answers as the plain Lucene way it replaces: on the seed graph, with every
 * part swapped alone and all at once, every query of the relevance suite (as typed, with a typo, cut short) gives the
 * same hits in the same order with the same scores, the same facets and the same completions.
 */
class SearchPartsTest {

    private static final List<SearchParts> VARIANTS = List.of(
            SearchParts.PLAIN,
            new SearchParts(false, true, true, true, true, true),
            new SearchParts(true, false, true, true, true, true),
            new SearchParts(true, true, false, true, true, true),
            new SearchParts(true, true, true, false, true, true),
            new SearchParts(true, true, true, true, false, true),
            new SearchParts(true, true, true, true, true, false));

    @Test
    void everyPartAnswersAsThePlainLuceneWay() throws Exception {
        SeedGraph seed = new SeedLoader().load(Path.of("graph-seed"));
        GraphData data =
                new GraphData(seed.nodes(), seed.edges(), new GraphState(Optional.empty(), Optional.empty(), 0, 0, ""));
        SynonymMap synonyms = Synonyms.load(Path.of("graph-seed/synonyms.txt"));
        List<String> queries = queries();
        Projection own = Projection.build(data, synonyms);
        for (SearchParts parts : VARIANTS) {
            Projection other = Projection.build(data, synonyms, parts, null);
            for (String q : queries) {
                for (Optional<Kind> kind : List.of(Optional.<Kind>empty(), Optional.of(Kind.TOOL))) {
                    SearchQuery query = new SearchQuery(q, kind, Optional.empty(), 20, 0);
                    SearchResult expected = own.index().search(query);
                    SearchResult actual = other.index().search(query);
                    String what = parts + " " + q + " " + kind;
                    assertThat(actual.hits())
                            .as(what)
                            .extracting(SearchResult.Hit::id)
                            .containsExactlyElementsOf(expected.hits().stream()
                                    .map(SearchResult.Hit::id)
                                    .toList());
                    for (int i = 0; i < expected.hits().size(); i++) {
                        assertThat(actual.hits().get(i).score())
                                .as(what)
                                .isCloseTo(
                                        expected.hits().get(i).score(),
                                        org.assertj.core.data.Percentage.withPercentage(0.01));
                        assertThat(actual.hits().get(i).highlights())
                                .as(what)
                                .isEqualTo(expected.hits().get(i).highlights());
                    }
                    assertThat(actual.total()).as(what).isEqualTo(expected.total());
                    assertThat(actual.facets()).as(what).isEqualTo(expected.facets());
                    assertThat(actual.didYouMean()).as(what).isEqualTo(expected.didYouMean());
                }
                assertThat(other.index().suggest(q, 8))
                        .as(parts + " suggest " + q)
                        .isEqualTo(own.index().suggest(q, 8));
            }
            other.index().close();
        }
        own.index().close();
    }

    /** The relevance suite's queries as typed, with two letters swapped, and cut to their first five letters. */
    private static List<String> queries() throws Exception {
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/relevance-queries.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String q = line.split("\t")[1];
            queries.add(q);
            if (q.length() > 5) {
                queries.add(q.substring(0, 2) + q.charAt(3) + q.charAt(2) + q.substring(4));
                queries.add(q.substring(0, 5));
            }
        }
        return queries;
    }
}
