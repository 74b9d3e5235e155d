package dev.skillgraph.search;

import static dev.skillgraph.domain.Nodes.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.StageRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The pieces search is made of, each on its own: words, documents, term queries, spelling and highlights. */
class SearchPiecesTest {

    private static final List<IndexedNode> NODES = List.of(
            new IndexedNode(
                    node(
                            "transformer-architecture",
                            Kind.TOPIC,
                            "Transformer Architecture",
                            "Attention layers",
                            List.of("transformers")),
                    new StageRef("s1", "Stage", 1),
                    List.of("PyTorch"),
                    3),
            new IndexedNode(
                    node("pytorch", Kind.TOOL, "PyTorch", "A tensor library", List.of("torch")), null, List.of(), 1),
            new IndexedNode(
                    node("kubernetes", Kind.TOOL, "Kubernetes", "Runs containers", List.of("k8s")),
                    null,
                    List.of("Transformer Architecture"),
                    1));

    @Test
    void queryWordsKeepTheFirstSixteenDistinctWords() {
        QueryWords words = QueryWords.of(
                Analyzers.exact(),
                "Deep deep LEARNING, learning "
                        + String.join(
                                " ",
                                IntStream.range(0, 30).mapToObj(i -> "w" + i).toList()));
        assertThat(words.all()).startsWith("deep", "deep", "learning", "learning", "w0");
        assertThat(words.distinct()).hasSize(QueryWords.MAX_TERMS).startsWith("deep", "learning", "w0");
        // A whole name is typed with its stop words; the query's own may be left out (what is: no name has them).
        QueryWords question = QueryWords.of(Analyzers.exact(), "What is Model Serving");
        assertThat(question.keys(QueryWords.of(Analyzers.folded(), "What is Model Serving")
                        .all()))
                .containsExactly("what is model serving", "model serving");
        assertThat(QueryWords.of(Analyzers.exact(), " ,; ").isEmpty()).isTrue();
    }

    @Test
    void completionTermsAreTheValueStartEachWordsPrefixesAndTheWholeWordMarked() throws IOException {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream stream = Analyzers.edgeNGrams().tokenStream(Fields.SUGGEST, "ML Ops")) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(term.toString());
                positions.add(position);
            }
            stream.end();
        }
        String whole = WholeWordFilter.MARKER;
        assertThat(terms)
                .containsExactly(ValueStartFilter.MARKER, "m", "ml", "ml" + whole, "o", "op", "ops", "ops" + whole);
        assertThat(positions).containsExactly(0, 1, 1, 1, 2, 2, 2, 2);
    }

    @Test
    void aMarkOfAnotherScriptGluedToAWordIsDroppedAndAccentsAndMarksOfTheWordsOwnScriptStay() {
        // A Khmer vowel sign after Latin letters; a combining acute (NFC composes it); Devanagari with its vowel sign.
        assertThat(QueryWords.of(Analyzers.exact(), "python\u17B4 pandas").all())
                .containsExactly("python", "pandas");
        assertThat(QueryWords.withoutStrayMarks("cafe\u0301 \u0915\u093F")).isEqualTo("cafe\u0301 \u0915\u093F");
        assertThat(QueryWords.of(Analyzers.exact(), "\u17B4").isEmpty()).isTrue();
        // Compatibility forms fold (NFKC): mathematical bold letters, a ligature.
        assertThat(QueryWords.of(Analyzers.exact(), "\uD835\uDC29\uD835\uDC32thon \uFB01ne")
                        .all())
                .containsExactly("python", "fine");
    }

    @Test
    void aDocumentHoldsEveryFieldSearchReadsAndTheNameAsOneKeyword() {
        Document doc = new NodeDocuments(SearchParts.OWN, Analyzers.folded(), List.of()).document(NODES.get(0));
        assertThat(doc.get(Fields.ID)).isEqualTo("transformer-architecture");
        assertThat(values(doc, Fields.NAME_KEY)).containsExactly("transformer architecture");
        assertThat(values(doc, Fields.ALIAS_KEY)).containsExactly("transformers");
        assertThat(values(doc, Fields.STAGE)).containsExactly("s1");
        assertThat(values(doc, Fields.RELATED)).containsExactly("PyTorch");
        assertThat(doc.getField(Fields.PRIOR)).isNull();
        assertThat(new NodeDocuments(SearchParts.PLAIN, Analyzers.exact(), List.of())
                        .document(NODES.get(0))
                        .getField(Fields.PRIOR))
                .isNotNull();
        assertThat(NodeDocuments.prior(Kind.TOPIC)).isGreaterThan(NodeDocuments.prior(Kind.RESOURCE));
    }

    @Test
    void termQueriesAreBuiltOncePerIndexUnlessPlain() throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.forIndexing()))) {
                for (IndexedNode n : NODES) {
                    writer.addDocument(new NodeDocuments(SearchParts.OWN, Analyzers.folded(), List.of()).document(n));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Term present = new Term(Fields.SPELL, "pytorch");
                TermQueries own = new TermQueries(searcher, SearchParts.OWN);
                assertThat(own.of(present)).isSameAs(own.of(present)).isInstanceOf(FrozenTermQuery.class);
                assertThat(own.of(new Term(Fields.SPELL, "absent"))).isInstanceOf(TermQuery.class);
                assertThat(searcher.count(own.of(present))).isEqualTo(1);

                TermQueries plain = new TermQueries(searcher, SearchParts.PLAIN);
                assertThat(plain.of(present)).isNotSameAs(plain.of(present)).isEqualTo(new TermQuery(present));

                Spelling spelling = new Spelling(
                        Vocabulary.of(MultiTerms.getTerms(reader, Fields.SPELL)), reader, Analyzers.stemmed());
                Map<String, Map<String, Float>> variants = spelling.variants(List.of("pytroch", "k8s", "tensro"));
                assertThat(variants).containsOnlyKeys("pytroch", "tensro"); // under 5 letters: no typo allowed
                assertThat(variants.get("pytroch")).containsKey("pytorch");
                assertThat(spelling.didYouMean(List.of("pytroch", "library"), variants))
                        .isEqualTo("pytorch library");
                assertThat(spelling.didYouMean(List.of("pytorch"), spelling.variants(List.of("pytorch"))))
                        .isNull();
                assertThat(spelling.completions("tra", 10)).contains("transformer", "transformers");
            }
        }
    }

    @Test
    void typosAreAllowedByWordLength() {
        assertThat(List.of("k8s", "torch", "pytorches", "transformer"))
                .extracting(Spelling::edits)
                .containsExactly(0, 1, 2, 2);
    }

    @Test
    void aHitMatchedOnlyThroughARelatedNameSaysSo() {
        SearchIndex index = SearchIndex.build(NODES, empty());
        SearchResult result = index.search(
                new SearchQuery("transformer", java.util.Optional.empty(), java.util.Optional.empty(), 10, 0));
        assertThat(result.hits())
                .extracting(SearchResult.Hit::id)
                .containsExactly("transformer-architecture", "kubernetes");
        assertThat(result.hits().get(0).highlights()).containsKey(Fields.NAME);
        assertThat(result.hits().get(1).highlights())
                .containsOnlyKeys(Fields.RELATED)
                .containsEntry(Fields.RELATED, "<mark>Transformer</mark> Architecture");
        index.close();
    }

    private static SynonymMap empty() {
        try {
            return new SynonymMap.Builder(true).build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> values(Document doc, String field) {
        List<String> values = new ArrayList<>();
        for (IndexableField f : doc.getFields(field)) {
            values.add(f.stringValue());
        }
        return values;
    }
}
