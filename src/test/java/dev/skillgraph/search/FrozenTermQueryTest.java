package dev.skillgraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A frozen term query scores, matches and explains exactly as Lucene's term query does, alone and combined. */
class FrozenTermQueryTest {

    private static final String[] WORDS = {
        "model",
        "models",
        "serving",
        "data",
        "neural",
        "network",
        "gradient",
        "descent",
        "python",
        "deploy",
        "vector",
        "search",
        "learning",
        "deep",
        "tree"
    };

    private static Directory directory;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        Random random = new Random(3);
        // Two segments, texts of different lengths (norms) and repeated words (frequencies); a keyword field has none.
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int doc = 0; doc < 400; doc++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0, n = 1 + random.nextInt(30); w < n; w++) {
                    text.append(WORDS[random.nextInt(random.nextBoolean() ? 4 : WORDS.length)])
                            .append(' ');
                }
                Document document = new Document();
                document.add(new TextField("text", text.toString(), Field.Store.NO));
                document.add(new StringField("kind", doc % 3 == 0 ? "topic" : "tool", Field.Store.NO));
                writer.addDocument(document);
                if (doc == 250) {
                    writer.commit();
                }
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        assertThat(reader.leaves()).hasSize(2);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void scoresEveryTermExactlyAsTermQueryDoes() throws IOException {
        for (Term term : terms()) {
            for (float boost : new float[] {1f, 0.7f, 2.5f, 8f}) {
                assertSameHits(new BoostQuery(new TermQuery(term), boost), new BoostQuery(frozen(term), boost), 1000);
                // Top hits only, counted no further than needed: scorers are asked for their maximum scores.
                assertSameHits(new BoostQuery(new TermQuery(term), boost), new BoostQuery(frozen(term), boost), 5);
            }
        }
    }

    @Test
    void combinesInBooleanQueriesAsTermQueryDoes() throws IOException {
        Random random = new Random(5);
        List<Term> terms = terms();
        for (int round = 0; round < 200; round++) {
            BooleanQuery.Builder plain = new BooleanQuery.Builder();
            BooleanQuery.Builder frozen = new BooleanQuery.Builder();
            for (int clause = 0, n = 1 + random.nextInt(5); clause < n; clause++) {
                Term term = terms.get(random.nextInt(terms.size()));
                Occur occur = Occur.values()[random.nextInt(Occur.values().length)];
                float boost = 0.5f + random.nextInt(8);
                plain.add(new BoostQuery(new TermQuery(term), boost), occur);
                frozen.add(new BoostQuery(frozen(term), boost), occur);
            }
            assertSameHits(plain.build(), frozen.build(), 1000);
            assertSameHits(plain.build(), frozen.build(), 3);
        }
    }

    @Test
    void explainsTheScoreItGives() throws IOException {
        Query query = new BoostQuery(frozen(new Term("text", "model")), 3f);
        for (ScoreDoc hit : searcher.search(query, 20).scoreDocs) {
            assertThat(searcher.explain(query, hit.doc).getValue().floatValue()).isEqualTo(hit.score);
        }
    }

    @Test
    void equalsByTermSoThatBooleanQueriesDeduplicateIt() throws IOException {
        Term term = new Term("text", "data");
        assertThat(frozen(term)).isEqualTo(frozen(term)).hasSameHashCodeAs(frozen(term));
        assertThat(frozen(term)).isNotEqualTo(frozen(new Term("text", "tree")));
        assertThat(frozen(term).toString("text")).isEqualTo("data");
    }

    /** Same hits and scores; with {@code n} < 10 the search counts no more hits than it must and may skip. */
    private static void assertSameHits(Query expected, Query actual, int n) throws IOException {
        int totalHitsThreshold = n < 10 ? 1 : Integer.MAX_VALUE;
        TopDocs want = searcher.search(expected, new TopScoreDocCollectorManager(n, totalHitsThreshold));
        TopDocs got = searcher.search(actual, new TopScoreDocCollectorManager(n, totalHitsThreshold));
        if (totalHitsThreshold == Integer.MAX_VALUE) {
            assertThat(got.totalHits.value).as("%s", actual).isEqualTo(want.totalHits.value);
        }
        assertThat(got.scoreDocs).hasSameSizeAs(want.scoreDocs);
        for (int i = 0; i < want.scoreDocs.length; i++) {
            assertThat(got.scoreDocs[i].doc).as("%s #%d", actual, i).isEqualTo(want.scoreDocs[i].doc);
            assertThat(got.scoreDocs[i].score).as("%s #%d", actual, i).isEqualTo(want.scoreDocs[i].score);
        }
        assertThat(searcher.count(actual)).isEqualTo(searcher.count(expected));
    }

    private static Query frozen(Term term) throws IOException {
        return new FrozenTermQuery(searcher, term, TermStates.build(searcher, term, true));
    }

    private static List<Term> terms() throws IOException {
        List<Term> terms = new ArrayList<>();
        for (String field : new String[] {"text", "kind"}) {
            TermsEnum enumerator =
                    org.apache.lucene.index.MultiTerms.getTerms(reader, field).iterator();
            for (BytesRef term = enumerator.next(); term != null; term = enumerator.next()) {
                terms.add(new Term(field, BytesRef.deepCopyOf(term)));
            }
        }
        return terms;
    }
}
