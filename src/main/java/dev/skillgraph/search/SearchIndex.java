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
import java.util.HashSet;
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
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
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

    /**
     * Matches are counted exactly up to this many; beyond, the total is this many at least ({@code totalRelation:
     * gte}) and facet counts are estimates from a sample. Counting every match made a two-word search at 100,000
     * topics visit some 8,600 matches (BENCHMARKS.md); Lucene's own default threshold is 1,000 too.
     */
    public static final int EXACT_COUNT_UP_TO = 1_000;

    /**
     * How many of the best matches by BM25 the full ranking reorders (at least the page and the word-coverage window).
     * The full ranking lifts a node by at most its exact name or alias, kind prior and importance, and a node typed by
     * its exact name is among the best BM25 matches anyway (the name key is a clause of the match).
     */
    static final int RESCORED = 200;

    /**
     * Indexes up to this many documents are ranked in one pass over every match: there, scoring every match costs
     * less than a second and third pass (at the seed graph, two-phase ranking cut plain searches per second by a
     * third, BENCHMARKS.md); beyond, matches are many and two-phase ranking pays.
     */
    public static final int SCORED_WHOLE = 20_000;

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
    private final CompoundWords compounds;
    private final @Nullable SemanticMatches semantic;
    private final int vectors;

    private SearchIndex(
            Directory directory,
            Collection<IndexedNode> indexed,
            SynonymMap synonyms,
            SearchParts parts,
            @Nullable SentenceEncoder encoder)
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
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            byDoc[doc] = byId.get(stored.document(doc, Set.of(Fields.ID)).get(Fields.ID));
            priors[doc] = byDoc[doc] == null
                    ? 1
                    : NodeDocuments.prior(byDoc[doc].node().kind());
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
        this.vectors =
                (int) indexed.stream().filter(node -> node.vector() != null).count();
        this.semantic = encoder != null && vectors > 0 ? new SemanticMatches(searcher, encoder) : null;
    }

    /** Builds the index of {@code nodes} with SkillGraph's own Lucene parts; synonyms apply to queries. */
    public static SearchIndex build(Collection<IndexedNode> nodes, SynonymMap synonyms) {
        return build(nodes, synonyms, SearchParts.OWN, null);
    }

    /**
     * Builds the index of {@code nodes} with the given {@code parts} (the benchmark harness compares them).
     *
     * @param encoder encodes queries for semantic retrieval over the nodes' vectors; null (or no node with a vector):
     *     words only
     */
    public static SearchIndex build(
            Collection<IndexedNode> nodes, SynonymMap synonyms, SearchParts parts, @Nullable SentenceEncoder encoder) {
        try {
            // One buffer per file: cloning an input (every term lookup does) then copies one reference, not a list of
            // small blocks, which made search allocate megabytes per query.
            Directory directory = new ByteBuffersDirectory(
                    new SingleInstanceLockFactory(),
                    ByteBuffersDataOutput::new,
                    ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
            return new SearchIndex(directory, nodes, synonyms, parts, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    public int size() {
        return reader.numDocs();
    }

    /** How many nodes have a sentence embedding, so that semantic retrieval can find them. */
    public int vectors() {
        return vectors;
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
                return new SearchResult(
                        query.text(),
                        List.of(),
                        0,
                        new SearchResult.Facets(List.of(), List.of(), List.of()),
                        null,
                        "nothing to search for: the query has no words");
            }
            notice = semantic == null
                    ? "only common words (" + String.join(", ", common)
                            + "), which are not searched; name a topic, tool, career or roadmap"
                    : "only common words (" + String.join(", ", common) + "): searched by meaning";
            if (semantic == null) {
                return new SearchResult(
                        query.text(),
                        List.of(),
                        0,
                        new SearchResult.Facets(List.of(), List.of(), List.of()),
                        null,
                        notice);
            }
        }
        try {
            List<String> distinct = words.distinct();
            Map<String, Map<String, Float>> variants = spelling.variants(distinct);
            AnalyzedText analyzed = AnalyzedText.of(queryAnalyzer, String.join(" ", distinct));
            Query match = words.isEmpty() ? new MatchNoDocsQuery() : queries.match(words, variants, analyzed);
            Query ranked = words.isEmpty() ? match : queries.ranked(match, words);
            Query filter = filter(query);
            // The nearest nodes of the whole graph, not of the filtered part: facets count them before the filters,
            // and a filter then keeps those it allows, as it does with the words' matches.
            List<ScoreDoc> nearest = semantic == null ? List.of() : semantic.nearest(query.text());
            ScoredDocsQuery neighbours = SemanticMatches.asQuery(nearest);
            if (!nearest.isEmpty()) {
                // Semantic neighbours count as hits (totals, facets) but score nothing here: the lexical order
                // comes out of this pass untouched, and RankFusion merges the two orders below.
                match = either(match, neighbours);
                ranked = either(ranked, new BoostQuery(neighbours, 0f));
            }

            int window = query.offset() + query.limit() + WordCoverage.WINDOW;
            FacetCounter.Counts counts;
            TopDocs ranking;
            if (reader.maxDoc() <= SCORED_WHOLE) {
                // A small index: score every match with the full ranking, counting and faceting in the same pass.
                BooleanQuery.Builder scored = new BooleanQuery.Builder().add(ranked, Occur.MUST);
                if (filter != null) {
                    scored.add(filter, Occur.FILTER);
                }
                TopScoreDocCollectorManager topManager = new TopScoreDocCollectorManager(window, Integer.MAX_VALUE);
                if (filter == null) {
                    Object[] both = searcher.search(
                            ranked, new MultiCollectorManager(topManager, facetCounter.manager(Integer.MAX_VALUE)));
                    ranking = (TopDocs) both[0];
                    counts = (FacetCounter.Counts) both[1];
                } else {
                    counts = searcher.search(match, facetCounter.manager(Integer.MAX_VALUE));
                    ranking = searcher.search(scored.build(), topManager);
                }
            } else {
                // Two phases, as search engines rank at scale: the matches' BM25 alone picks the candidates (Lucene
                // then skips blocks of documents that cannot compete, instead of scoring every match), and the full
                // ranking (exact names and aliases, kind prior, importance) orders them. Matches are counted exactly
                // up to EXACT_COUNT_UP_TO; the facets of larger answers come from a sample.
                Query firstPass = filter == null
                        ? match
                        : new BooleanQuery.Builder()
                                .add(match, Occur.MUST)
                                .add(filter, Occur.FILTER)
                                .build();
                counts = searcher.search(match, facetCounter.manager(EXACT_COUNT_UP_TO));
                TopDocs top = searcher.search(
                        firstPass, new TopScoreDocCollectorManager(Math.max(RESCORED, window), EXACT_COUNT_UP_TO));
                ranking = new QueryRescorer(ranked) {
                    @Override
                    protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                        return secondPassMatches ? secondPassScore : 0f;
                    }
                }.rescore(searcher, top, top.scoreDocs.length);
            }
            ScoreDoc[] lexical = Arrays.stream(ranking.scoreDocs)
                    .filter(doc -> doc.score > 0) // the semantic neighbours that matched no word score 0
                    .toArray(ScoreDoc[]::new);
            WordCoverage.Ranked byWords = new WordCoverage(searcher, queries.perWord(words, variants)).rank(lexical);
            List<ScoreDoc> shown = filter == null || nearest.isEmpty() ? nearest : allowed(nearest, neighbours, filter);
            ScoreDoc[] ordered =
                    shown.isEmpty() ? byWords.hits() : RankFusion.fuse(byWords.hits(), shown, byWords.bestCoverage());
            Set<Integer> byTheirWords = new HashSet<>();
            for (ScoreDoc doc : lexical) {
                byTheirWords.add(doc.doc);
            }
            ScoreDoc[] page = Arrays.copyOfRange(
                    ordered,
                    Math.min(query.offset(), ordered.length),
                    Math.min(query.offset() + query.limit(), ordered.length));

            Highlighter.Marked marked = highlights.marked(distinct, variants, analyzed);
            List<SearchResult.Hit> hits = new ArrayList<>(page.length);
            for (ScoreDoc doc : page) {
                IndexedNode node = byDoc[doc.doc];
                GraphNode n = node.node();
                hits.add(new SearchResult.Hit(
                        n.id(),
                        n.kind().key(),
                        n.name(),
                        n.summary(),
                        node.stage(),
                        doc.score,
                        // A hit found by meaning alone has no word to show: marking its words would claim a match.
                        byTheirWords.contains(doc.doc) ? highlights.of(node, marked) : Map.of(),
                        neighbours.contains(doc.doc) ? neighbours.score(doc.doc) : null,
                        null,
                        null));
            }
            String didYouMean = spelling.didYouMean(distinct, variants);
            if (hits.isEmpty() && semantic != null && didYouMean == null) {
                notice = notice == null
                        ? "no node has these words or means something close enough"
                        : notice + ", and nothing means something close enough";
            }
            if (counts.complete()) {
                return new SearchResult(
                        query.text(),
                        hits,
                        ranking.totalHits.value,
                        facetCounter.facets(counts.counts()),
                        didYouMean,
                        notice);
            }
            // The sample covered the documents up to lastDoc: scale its counts to the whole index. The total is exact
            // when the page asked for lay beyond the threshold (every match was then collected), else a lower bound.
            boolean exact = ranking.totalHits.relation == TotalHits.Relation.EQUAL_TO;
            double scale = (double) reader.maxDoc() / (counts.lastDoc() + 1);
            return new SearchResult(
                    query.text(),
                    hits,
                    exact ? ranking.totalHits.value : EXACT_COUNT_UP_TO,
                    exact ? null : "gte",
                    facetCounter.facets(counts.counts(), scale, true),
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

    /** The semantic neighbours that {@code filter} allows, in their order. */
    private List<ScoreDoc> allowed(List<ScoreDoc> nearest, Query neighbours, Query filter) throws IOException {
        Query both = new BooleanQuery.Builder()
                .add(neighbours, Occur.FILTER)
                .add(filter, Occur.FILTER)
                .build();
        Set<Integer> allowed = new HashSet<>();
        for (ScoreDoc doc : searcher.search(both, nearest.size()).scoreDocs) {
            allowed.add(doc.doc);
        }
        return nearest.stream().filter(doc -> allowed.contains(doc.doc)).toList();
    }

    /** Documents matching either query, scored by the sum of both. */
    private static Query either(Query a, Query b) {
        return new BooleanQuery.Builder()
                .add(a, Occur.SHOULD)
                .add(b, Occur.SHOULD)
                .build();
    }

    private static Query idFilter(Set<String> ids) {
        return new TermInSetQuery(
                Fields.ID, ids.stream().sorted().map(BytesRef::new).toList());
    }
}
