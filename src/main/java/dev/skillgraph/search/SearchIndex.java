package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.error.SkillGraphException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99Codec;
import org.apache.lucene.codecs.memory.DirectPostingsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * An immutable Lucene index of one graph version, held in memory, and the one door to search it: full-text search with
 * facets and highlights, and as-you-type completions. A new one is built for every graph version and swapped in
 * together with the path view, which is what makes the swap atomic; readers are reference-counted so a request that
 * still holds the old index finishes on it.
 */
public final class SearchIndex implements Closeable {

    /** Longest query text searched; longer input is refused rather than truncated behind the user's back. */
    public static final int MAX_QUERY_LENGTH = 500;

    private static final int MAX_NODES_IN_ARRAYS = 20_000;

    /**
     * Terms and postings held as plain arrays once the index is open: a search opens some thirty terms and postings
     * enums, and over Lucene's compressed block format opening them cost more than scoring the documents. Arrays take
     * about 6 KB of heap per node (measured: +63 MB at 10,000 nodes, +500 MB at 100,000), so graphs larger than
     * {@link #MAX_NODES_IN_ARRAYS} keep Lucene's compressed format. What it buys (SearchPartsBenchmarks): p99 145 us
     * instead of 189 us on the seed graph, 835 us instead of 912 us at 10,000 topics.
     */
    private static final Codec IN_MEMORY_POSTINGS = new Lucene99Codec() {
        private final PostingsFormat direct = new DirectPostingsFormat();

        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            return direct;
        }
    };

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer exact;
    private final Analyzer queryAnalyzer;
    private final IndexedNode[] byDoc;
    private final TermQueries terms;
    private final Spelling spelling;
    private final MatchQueries queries;
    private final HitHighlights highlights;
    private final FacetCounter facetCounter;
    private final LexicalRanking lexicalRanking;
    private final CompoundWords compounds;
    private final @Nullable SemanticMatches semantic;

    private SearchIndex(
            Directory directory,
            Collection<IndexedNode> indexed,
            SynonymMap synonyms,
            SearchParts parts,
            @Nullable SentenceEncoder encoder,
            @Nullable VectorIndex vectors)
            throws IOException {
        ProtectedWords symbols =
                ProtectedWords.of(indexed.stream().map(IndexedNode::node).toList());
        this.exact = symbols.protect(Analyzers.exact());
        NodeDocuments documents = new NodeDocuments(parts, exact);
        Map<String, IndexedNode> byId = new HashMap<>();
        boolean arrays = parts.directPostings() && indexed.size() <= MAX_NODES_IN_ARRAYS;
        try (IndexWriter writer = new IndexWriter(
                directory,
                new IndexWriterConfig(symbols.protect(Analyzers.forIndexing()))
                        .setCodec(arrays ? IN_MEMORY_POSTINGS : Codec.getDefault()))) {
            for (IndexedNode node : indexed) {
                // updateDocument keyed by id: a duplicate id (possible through hand edits) replaces, never doubles.
                writer.updateDocument(new Term(Fields.ID, node.node().id()), documents.document(node));
                byId.put(node.node().id(), node);
            }
            writer.commit();
        }
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        // Every query here is scored and the index is tiny and immutable: the usage tracking of Lucene's filter
        // cache costs more per search than it could save.
        searcher.setQueryCache(null);
        // The index never changes, so doc ids are stable: map them to nodes once instead of reading stored fields
        // for every hit.
        this.byDoc = new IndexedNode[reader.maxDoc()];
        double[] priors = new double[reader.maxDoc()];
        Map<String, Integer> docs = new HashMap<>();
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            String id = stored.document(doc, Set.of(Fields.ID)).get(Fields.ID);
            byDoc[doc] = byId.get(id);
            priors[doc] = byDoc[doc] == null
                    ? 1
                    : NodeDocuments.prior(byDoc[doc].node().kind());
            docs.put(id, doc);
        }
        this.queryAnalyzer = symbols.protect(Analyzers.stemmedWithSynonyms(synonyms));
        this.terms = new TermQueries(searcher, parts);
        this.spelling = new Spelling(Vocabulary.of(MultiTerms.getTerms(reader, Fields.SPELL)), reader);
        this.queries = new MatchQueries(terms, spelling, queryAnalyzer, priors, parts);
        this.compounds = new CompoundWords(spelling.vocabulary());
        this.highlights = new HitHighlights(
                symbols.protect(Analyzers.exactWithSynonyms(synonyms)),
                new Highlighter(exact, symbols.protect(Analyzers.stemmed())),
                spelling);
        this.facetCounter = new FacetCounter(byDoc);
        this.lexicalRanking = new LexicalRanking(searcher, facetCounter);
        this.semantic =
                encoder == null || vectors == null ? null : new SemanticMatches(searcher, encoder, vectors, docs);
    }

    /** Builds the index of {@code nodes} with SkillGraph's own Lucene parts; synonyms apply to queries. */
    public static SearchIndex build(Collection<IndexedNode> nodes, SynonymMap synonyms) {
        return build(nodes, synonyms, SearchParts.OWN, null, null);
    }

    /**
     * Builds the index of {@code nodes} with the given {@code parts} (the benchmark harness compares them).
     *
     * @param encoder encodes queries for semantic retrieval; null: words only
     * @param vectors the nodes' sentence embeddings, searched with the encoder's query vectors; null: words only
     */
    public static SearchIndex build(
            Collection<IndexedNode> nodes,
            SynonymMap synonyms,
            SearchParts parts,
            @Nullable SentenceEncoder encoder,
            @Nullable VectorIndex vectors) {
        try {
            // One buffer per file: cloning an input (every term lookup does) then copies one reference, not a list of
            // small blocks, which made search allocate megabytes per query.
            Directory directory = new ByteBuffersDirectory(
                    new SingleInstanceLockFactory(),
                    ByteBuffersDataOutput::new,
                    ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
            return new SearchIndex(directory, nodes, synonyms, parts, encoder, vectors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    public int size() {
        return reader.numDocs();
    }

    /** How many nodes have a sentence embedding, so that semantic retrieval can find them; 0 when it is off. */
    public int vectors() {
        return semantic == null ? 0 : semantic.size();
    }

    /** Takes a reference for one request; false once the index was closed and released by everyone. */
    public boolean tryIncRef() {
        return reader.tryIncRef();
    }

    public void decRef() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int refCount() {
        return reader.getRefCount();
    }

    /**
     * Searches the plain text of {@code query}: no character of it is query syntax.
     *
     * @throws SkillGraphException invalid input when the text matches too many spellings to search
     */
    public SearchResult search(SearchQuery query) {
        QueryWords words = QueryWords.of(exact, query.text()).normalised(compounds, false);
        String notice = null;
        if (words.isEmpty()) {
            // Only common words (how, what, learn, ...), which the index leaves out: never answer that silently.
            List<String> common = Analyzers.words(Analyzers.folded(), query.text());
            if (common.isEmpty()) {
                return unsearched(query, "nothing to search for: the query has no words");
            }
            if (semantic == null || semantic.size() == 0) {
                return unsearched(
                        query,
                        "only common words (" + String.join(", ", common) + "), which are not searched"
                                + (semantic == null
                                        ? ""
                                        : " until searching by meaning is ready (the node texts are being encoded)")
                                + "; name a topic, tool, career or roadmap");
            }
            notice = "only common words (" + String.join(", ", common) + "): searched by meaning";
        }
        try {
            List<String> distinct = words.distinct();
            Map<String, Map<String, Float>> variants = spelling.variants(distinct);
            AnalyzedText analyzed = AnalyzedText.of(queryAnalyzer, String.join(" ", distinct));
            Query match = words.isEmpty() ? new MatchNoDocsQuery() : queries.match(words, variants, analyzed);
            Query ranked = words.isEmpty() ? match : queries.ranked(match, words);
            Query filter = filter(query);
            LexicalRanking.Answer lexical =
                    lexicalRanking.rank(match, ranked, filter, query.offset() + query.limit() + WordCoverage.WINDOW);
            WordCoverage coverage = new WordCoverage(searcher, queries.perWord(words, variants, Fields.OWN_TEXT));
            WordCoverage.Ranked byWords = coverage.rank(lexical.hits());
            SemanticMatches.Joined near =
                    semantic != null && meaningWanted(words, match, ranked, filter, lexical, byWords, coverage)
                            ? semantic.join(query.text(), match, filter)
                            : SemanticMatches.Joined.NONE;
            ScoreDoc[] ordered = near.shown().isEmpty()
                    ? byWords.hits()
                    : RankFusion.fuse(byWords.hits(), near.shown(), byWords.bestCoverage());
            ScoreDoc[] page = Arrays.copyOfRange(
                    ordered,
                    Math.min(query.offset(), ordered.length),
                    Math.min(query.offset() + query.limit(), ordered.length));

            Map<Integer, List<String>> missing = MissingWords.of(
                    searcher, distinct, page, byWords, () -> queries.perWord(words, variants, Fields.TEXT));
            Highlighter.Marked marked = highlights.marked(distinct, variants, analyzed);
            List<SearchResult.Hit> hits = new ArrayList<>(page.length);
            for (ScoreDoc doc : page) {
                IndexedNode node = byDoc[doc.doc];
                GraphNode n = node.node();
                boolean byMeaningAlone = near.unmatched().contains(doc.doc);
                hits.add(new SearchResult.Hit(
                        n.id(),
                        n.kind().key(),
                        n.name(),
                        n.summary(),
                        node.stage(),
                        doc.score,
                        // A hit found by meaning alone has no word to show: marking its words would claim a match.
                        byMeaningAlone ? Map.of() : highlights.of(node, marked),
                        near.similar().contains(doc.doc) ? near.similar().score(doc.doc) : null,
                        missing.get(doc.doc),
                        null,
                        null));
            }
            String didYouMean = spelling.didYouMean(distinct, variants);
            if (hits.isEmpty() && semantic != null && didYouMean == null) {
                notice = notice == null
                        ? "no node has these words or means something close enough"
                        : notice + ", and nothing means something close enough";
            } else if (notice == null && !hits.isEmpty() && byWords.bestCoverage() < 1) {
                notice = "no node has every word of the query: each hit says which it is missing";
            }
            FacetCounter.Counts counts = facetCounter.plus(lexical.counts(), near.unmatched());
            // Exact unless more than EXACT_COUNT_UP_TO matched in a graph ranked in two phases.
            boolean exactTotal = lexical.total().relation == TotalHits.Relation.EQUAL_TO;
            // A sample covered the documents up to lastDoc: its counts are scaled to the whole index.
            SearchResult.Facets facets = counts.complete()
                    ? facetCounter.facets(counts.counts())
                    : facetCounter.facets(counts.counts(), (double) reader.maxDoc() / (counts.lastDoc() + 1), true);
            return new SearchResult(
                    query.text(),
                    hits,
                    exactTotal ? lexical.total().value + near.unmatchedShown() : LexicalRanking.EXACT_COUNT_UP_TO,
                    exactTotal ? null : "gte",
                    facets,
                    didYouMean,
                    notice);
        } catch (IndexSearcher.TooManyClauses e) {
            throw SkillGraphException.invalidInput(
                    "the query matches too many spellings to search; use fewer or longer words");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether semantic neighbours join ({@link SemanticMatches#wanted}), decided on the query before its filters, as
     * the facets are counted: so a filter only narrows the hits of the same answer, and the facets of a query are the
     * same with and without one. With a filter, that takes a ranking of the unfiltered matches too.
     */
    private boolean meaningWanted(
            QueryWords words,
            Query match,
            Query ranked,
            @Nullable Query filter,
            LexicalRanking.Answer lexical,
            WordCoverage.Ranked byWords,
            WordCoverage coverage)
            throws IOException {
        if (filter == null) {
            return SemanticMatches.wanted(!words.isEmpty(), byWords.bestCoverage(), lexical.total().value);
        }
        LexicalRanking.Answer whole = lexicalRanking.rank(match, ranked, null, WordCoverage.WINDOW);
        return SemanticMatches.wanted(
                !words.isEmpty(), coverage.rank(whole.hits()).bestCoverage(), whole.total().value);
    }

    /** An answer that searched nothing, saying why. */
    private static SearchResult unsearched(SearchQuery query, String notice) {
        return new SearchResult(
                query.text(), List.of(), 0, new SearchResult.Facets(List.of(), List.of(), List.of()), null, notice);
    }

    /**
     * As-you-type completions: every word a prefix of a word of the name or an alias, best and most needed first; when
     * nothing starts so, the closest spellings.
     *
     * @throws SkillGraphException invalid input when the text matches too many words to complete
     */
    public List<Suggestion> suggest(String text, int limit) {
        QueryWords words = QueryWords.of(exact, text).normalised(compounds, true);
        if (words.isEmpty()) {
            return List.of();
        }
        try {
            TopDocs top = searcher.search(queries.completions(words.all()), limit);
            if (top.scoreDocs.length == 0) {
                Map<String, Map<String, Float>> variants = spelling.variants(words.distinct());
                top = searcher.search(queries.closestSpellings(words.distinct(), variants), limit);
            }
            List<Suggestion> suggestions = new ArrayList<>();
            for (ScoreDoc doc : top.scoreDocs) {
                GraphNode n = byDoc[doc.doc].node();
                suggestions.add(new Suggestion(n.id(), n.kind().key(), n.name()));
            }
            return suggestions;
        } catch (IndexSearcher.TooManyClauses e) {
            throw SkillGraphException.invalidInput("the text matches too many words to complete; type more letters");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        decRef();
    }

    /** The query's kind, stage, roadmap and id filters as one query; null when it has none. */
    private @Nullable Query filter(SearchQuery query) {
        if (!query.filtered()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        query.kind().ifPresent(kind -> all.add(terms.of(new Term(Fields.KIND, kind.key())), Occur.FILTER));
        query.stage().ifPresent(stage -> all.add(terms.of(new Term(Fields.STAGE, stage)), Occur.FILTER));
        query.roadmap().ifPresent(roadmap -> all.add(terms.of(new Term(Fields.ROADMAP, roadmap)), Occur.FILTER));
        query.onlyIds().ifPresent(ids -> all.add(idFilter(ids), Occur.FILTER));
        return all.build();
    }

    private static Query idFilter(Set<String> ids) {
        return new TermInSetQuery(
                Fields.ID, ids.stream().sorted().map(BytesRef::new).toList());
    }
}
