package dev.skillgraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * {@link FirstPassRescorer} scores candidates as Lucene's {@code QueryRescorer} does with the whole ranking query
 * (importance lift, kind prior, exact names), and explains each score with the value it gave.
 */
class FirstPassRescorerTest {

    @Test
    void rescoresAndExplainsAsTheWholeRankingQuery() throws Exception {
        Random random = new Random(7);
        String[] words = {"vector", "search", "model", "serving", "graph"};
        try (Directory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < 300; i++) {
                String name = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
                Document doc = new Document();
                doc.add(new TextField("name", name, Field.Store.NO));
                doc.add(new StringField("key", name, Field.Store.NO));
                doc.add(new FeatureField(Fields.FEATURES, Fields.IMPORTANCE, 1 + random.nextInt(40)));
                writer.addDocument(doc);
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                double[] priors = new double[reader.maxDoc()];
                for (int doc = 0; doc < priors.length; doc++) {
                    priors[doc] = 0.8 + 0.2 * random.nextDouble();
                }
                Query lift = FeatureField.newSaturationQuery(Fields.FEATURES, Fields.IMPORTANCE, 1f, 8f);
                Query match = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("name", "vector")), Occur.SHOULD)
                        .add(new TermQuery(new Term("name", "search")), Occur.SHOULD)
                        .build();
                BooleanQuery exact = new BooleanQuery.Builder()
                        .add(
                                new BoostQuery(
                                        new ConstantScoreQuery(new TermQuery(new Term("key", "vector search"))), 150f),
                                Occur.SHOULD)
                        .add(
                                new BoostQuery(
                                        new ConstantScoreQuery(new TermQuery(new Term("key", "search vector"))), 60f),
                                Occur.SHOULD)
                        .build();
                BooleanQuery.Builder whole = new BooleanQuery.Builder()
                        .add(
                                new PriorQuery(
                                        new BooleanQuery.Builder()
                                                .add(match, Occur.MUST)
                                                .add(lift, Occur.SHOULD)
                                                .build(),
                                        priors),
                                Occur.MUST);
                exact.clauses().forEach(whole::add);

                // QueryRescorer rescores the first pass's hits in place, so each rescorer gets a first pass of its own.
                TopDocs expected = new QueryRescorer(whole.build()) {
                    @Override
                    protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                        return secondPassMatches ? secondPassScore : 0f;
                    }
                }.rescore(searcher, searcher.search(match, 100), 100);
                FirstPassRescorer rescorer =
                        new FirstPassRescorer(FirstPassRescorer.everyScore(searcher, lift), exact, priors);
                TopDocs actual = rescorer.rescore(searcher, searcher.search(match, 100), 100);

                assertThat(actual.scoreDocs).hasSize(expected.scoreDocs.length).hasSizeGreaterThan(20);
                for (int i = 0; i < expected.scoreDocs.length; i++) {
                    assertThat(actual.scoreDocs[i].doc).as("rank %d", i).isEqualTo(expected.scoreDocs[i].doc);
                    assertThat(actual.scoreDocs[i].score).as("rank %d", i).isEqualTo(expected.scoreDocs[i].score);
                    int doc = actual.scoreDocs[i].doc;
                    assertThat(rescorer.explain(searcher, searcher.explain(match, doc), doc)
                                    .getValue()
                                    .floatValue())
                            .as("explained score at rank %d", i)
                            .isEqualTo(actual.scoreDocs[i].score);
                }
                // Exact names took part: the best hit is the one named "vector search".
                assertThat(actual.scoreDocs[0].score).isGreaterThan(150f);
            }
        }
    }
}
