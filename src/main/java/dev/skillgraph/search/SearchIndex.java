package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.error.SkillGraphException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99Codec;
import org.apache.lucene.codecs.memory.DirectPostingsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * An immutable Lucene index of one graph version, held in memory. A new one is built for every graph version and
 * swapped in together with the path view, which is what makes the swap atomic; readers are reference-counted so a
 * request that still holds the old index finishes on it.
 */
public final class SearchIndex implements Closeable {

    /** Longest query text searched; longer input is refused rather than truncated behind the user's back. */
    public static final int MAX_QUERY_LENGTH = 500;

    private static final int MAX_TERMS = 16;
    private static final int MAX_EXPANSIONS = 10;
    private static final int MAX_HIGHLIGHT_TERMS = 16;
    private static final int MAX_MARKED_NAMES = 3;
    /** The highlight of a topic's line on the roadmap page, which is searched with its aliases. */
    private static final String ROADMAP_LINE = "roadmapLine";

    private static final int MAX_PREFIX_TERMS = 64;
    private static final int MAX_ABSENT_TERMS = 100_000;
    private static final int MAX_NODES_IN_ARRAYS = 20_000;
    private static final long MAX_FROZEN_POSTINGS = 4_000_000; // 16 bytes each: 64 MB at most

    /**
     * Terms and postings held as plain arrays once the index is open: a search opens some thirty terms and postings
     * enums, and over Lucene's compressed block format opening them cost more than scoring the documents. Arrays take
     * about 6 KB of heap per node (measured: +63 MB at 10,000 nodes, +500 MB at 100,000), so graphs larger than
     * {@link #MAX_NODES_IN_ARRAYS} keep Lucene's compressed format.
     */
    private static final Codec IN_MEMORY_POSTINGS = new Lucene99Codec() {
        private final PostingsFormat direct = new DirectPostingsFormat();

        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            return direct;
        }
    };

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /** Every word of names, aliases and summaries (the spell field): typo variants, completions, highlights. */
    private final Vocabulary spellWords;

    /**
     * The query of every term searched so far, with its statistics looked up and (see {@link FrozenTermQuery}) its
     * postings decoded once: the index never changes, and opening a terms enum and a postings enum per term, per
     * search, was most of what a search cost. Terms the index has are all kept (the map is bounded by the index's own
     * vocabulary, the decoded postings by {@link #MAX_FROZEN_POSTINGS}); absent ones, which any input can produce, up
     * to {@link #MAX_ABSENT_TERMS}.
     */
    private final Map<Term, Query> termQueries = new ConcurrentHashMap<>();

    private final AtomicInteger absentTerms = new AtomicInteger();
    private final AtomicLong frozenPostings = new AtomicLong();

    private final FacetCounter facetCounter;
    private final Analyzer queryAnalyzer;
    private final Analyzer highlightTerms;
    private final Analyzer exact = Analyzers.exact();
    private final Highlighter highlighter;
    private final Map<String, IndexedNode> nodes;
    private final IndexedNode[] byDoc;
    private final double[] priors;

    private SearchIndex(Directory directory, Collection<IndexedNode> indexed, SynonymMap synonyms) throws IOException {
        this.directory = directory;
        Map<String, IndexedNode> byId = new LinkedHashMap<>();
        try (IndexWriter writer = new IndexWriter(
                directory,
                new IndexWriterConfig(Analyzers.forIndexing())
                        .setCodec(indexed.size() <= MAX_NODES_IN_ARRAYS ? IN_MEMORY_POSTINGS : Codec.getDefault()))) {
            for (IndexedNode node : indexed) {
                // updateDocument keyed by id: a duplicate id (possible through hand edits) replaces, never doubles.
                writer.updateDocument(new Term(Fields.ID, node.node().id()), document(node));
                byId.put(node.node().id(), node);
            }
            writer.commit();
        }
        this.nodes = Collections.unmodifiableMap(byId); // a LinkedHashMap: see RoadmapGraph#frozen
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        // Every query here is scored and the index is tiny and immutable: the usage tracking of Lucene's filter
        // cache costs more per search than it could save.
        searcher.setQueryCache(null);
        this.spellWords = Vocabulary.of(MultiTerms.getTerms(reader, Fields.SPELL));
        // The index never changes, so doc ids are stable: map them to nodes once instead of reading stored fields
        // for every hit.
        this.byDoc = new IndexedNode[reader.maxDoc()];
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            byDoc[doc] = byId.get(stored.document(doc, Set.of(Fields.ID)).get(Fields.ID));
        }
        this.facetCounter = new FacetCounter(byDoc);
        this.priors = new double[byDoc.length];
        for (int doc = 0; doc < byDoc.length; doc++) {
            priors[doc] = byDoc[doc] == null ? 1 : prior(byDoc[doc].node().kind());
        }
        this.queryAnalyzer = Analyzers.stemmedWithSynonyms(synonyms);
        this.highlightTerms = Analyzers.exactWithSynonyms(synonyms);
        this.highlighter = new Highlighter(exact, Analyzers.stemmed());
    }

    /** Builds the index of {@code nodes}; synonyms apply to queries. */
    public static SearchIndex build(Collection<IndexedNode> nodes, SynonymMap synonyms) {
        try {
            // One buffer per file: cloning an input (every term lookup does) then copies one reference, not a list of
            // small blocks, which made search allocate megabytes per query.
            Directory directory = new ByteBuffersDirectory(
                    new SingleInstanceLockFactory(),
                    ByteBuffersDataOutput::new,
                    ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
            return new SearchIndex(directory, nodes, synonyms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    public int size() {
        return reader.numDocs();
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

    /** Searches the plain text of {@code query}: no character of it is query syntax. */
    public SearchResult search(SearchQuery query) {
        List<String> words = words(exact, query.text());
        if (words.isEmpty()) {
            return new SearchResult(query.text(), List.of(), 0, new SearchResult.Facets(List.of(), List.of()), null);
        }
        try {
            List<String> distinct = distinct(words);
            Map<String, Map<String, Float>> variants = variants(distinct);
            AnalyzedText analyzed = AnalyzedText.of(queryAnalyzer, String.join(" ", distinct));
            Query match = matchQuery(words, variants, analyzed);
            BooleanQuery.Builder rankedBuilder = new BooleanQuery.Builder().add(rankedByImportance(match), Occur.MUST);
            addExactName(rankedBuilder, words);
            Query ranked = rankedBuilder.build();

            BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(ranked, Occur.MUST);
            query.kind().ifPresent(kind -> filtered.add(termQuery(new Term(Fields.KIND, kind.key())), Occur.FILTER));
            query.stage().ifPresent(stage -> filtered.add(termQuery(new Term(Fields.STAGE, stage)), Occur.FILTER));
            query.onlyIds().ifPresent(ids -> filtered.add(idFilter(ids), Occur.FILTER));
            // Count every hit exactly; with no filter, facets and the top page come from one pass over the index.
            TopScoreDocCollectorManager topManager =
                    new TopScoreDocCollectorManager(query.offset() + query.limit(), Integer.MAX_VALUE);
            TopDocs top;
            int[][] counts;
            if (!query.filtered()) {
                Object[] both = searcher.search(ranked, new MultiCollectorManager(topManager, facetCounter.manager()));
                top = (TopDocs) both[0];
                counts = (int[][]) both[1];
            } else {
                counts = searcher.search(match, facetCounter.manager());
                top = searcher.search(filtered.build(), topManager);
            }
            ScoreDoc[] page = Arrays.copyOfRange(
                    top.scoreDocs, Math.min(query.offset(), top.scoreDocs.length), top.scoreDocs.length);

            Highlighter.Marked marked = highlightTerms(distinct, variants, analyzed);
            List<SearchResult.Hit> hits = new ArrayList<>(page.length);
            for (int i = 0; i < page.length; i++) {
                IndexedNode node = byDoc[page[i].doc];
                GraphNode n = node.node();
                Map<String, String> marks = new LinkedHashMap<>();
                putIfMarked(marks, Fields.NAME, highlighter.highlight(n.name(), marked, 0));
                putIfMarked(marks, Fields.SUMMARY, highlighter.highlight(n.summary(), marked, 0));
                putIfMarked(marks, Fields.DESCRIPTION, highlighter.highlight(n.description(), marked, 2));
                if (marks.isEmpty()) {
                    // Matched only by an alias, the roadmap's line or a related node's name: say which, so that no
                    // hit is a mystery.
                    putIfMarked(marks, Fields.ALIASES, markedAmong(n.aliases(), marked));
                    putIfMarked(marks, ROADMAP_LINE, highlighter.highlight(n.roadmapLine(), marked, 0));
                    putIfMarked(marks, Fields.RELATED, markedAmong(node.related(), marked));
                }
                hits.add(new SearchResult.Hit(
                        n.id(), n.kind().key(), n.name(), n.summary(), node.stage(), page[i].score, marks, null, null));
            }
            long total = top.totalHits.value;
            String didYouMean = didYouMean(distinct, variants);
            return new SearchResult(query.text(), hits, total, facetCounter.facets(counts), didYouMean);
        } catch (IndexSearcher.TooManyClauses e) {
            throw SkillGraphException.invalidInput(
                    "the query matches too many spellings to search; use fewer or " + "longer words");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query idFilter(Set<String> ids) {
        return new TermInSetQuery(
                Fields.ID, ids.stream().sorted().map(BytesRef::new).toList());
    }

    /** As-you-type completions: every word a prefix of a word of the name or an alias, best and most needed first. */
    public List<Suggestion> suggest(String text, int limit) {
        List<String> words = words(exact, text);
        if (words.isEmpty()) {
            return List.of();
        }
        try {
            BooleanQuery.Builder prefixes = new BooleanQuery.Builder();
            words.stream()
                    .limit(MAX_TERMS)
                    .forEach(word -> prefixes.add(
                            termQuery(new Term(Fields.SUGGEST, word.length() > 20 ? word.substring(0, 20) : word)),
                            Occur.MUST));
            TopDocs top = searcher.search(rankedByImportance(prefixes.build()), limit);
            if (top.scoreDocs.length == 0) {
                BooleanQuery.Builder typos = new BooleanQuery.Builder();
                Map<String, Map<String, Float>> variants = variants(distinct(words));
                for (String word : distinct(words)) {
                    Map<String, Float> similar = variants.getOrDefault(word, Map.of());
                    if (similar.isEmpty()) {
                        typos.add(new PrefixQuery(new Term(Fields.SPELL, word)), Occur.MUST);
                    } else {
                        // The closest spelling counts, once: a node whose text happens to hold two near spellings
                        // (transformer, transformers) must not beat the one whose name is the closest. A word of the
                        // name counts more than one of the summary.
                        List<Query> spellings = new ArrayList<>();
                        similar.forEach((variant, similarity) -> {
                            spellings.add(
                                    new BoostQuery(termQuery(new Term(Fields.NAME_EXACT, variant)), 2 * similarity));
                            spellings.add(new BoostQuery(termQuery(new Term(Fields.SPELL, variant)), similarity));
                        });
                        typos.add(new DisjunctionMaxQuery(spellings, 0f), Occur.MUST);
                    }
                }
                top = searcher.search(rankedByImportance(typos.build()), limit);
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

    /**
     * Stemmed words with synonyms on every text field by weight, a phrase boost, typo-tolerant matches of whole
     * words, and the last word as a prefix (the user may still be typing it).
     */
    private Query matchQuery(List<String> words, Map<String, Map<String, Float>> variants, AnalyzedText analyzed) {
        String text = analyzed.text();
        QueryBuilder builder = new QueryBuilder(queryAnalyzer) {
            @Override
            protected Query createFieldQuery(
                    Analyzer analyzer, Occur operator, String field, String queryText, boolean quoted, int slop) {
                // Always the same text: analysed once, replayed for the terms, the phrase and the coverage query.
                return createFieldQuery(analyzed, operator, field, quoted, slop);
            }

            @Override
            protected Query newTermQuery(Term term, float boost) {
                Query query = termQuery(term);
                return boost == 1f ? query : new BoostQuery(query, boost);
            }
        };
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new BoostQuery(termQuery(new Term(Fields.NAME_KEY, String.join(" ", words))), 30f), Occur.SHOULD);
        // Built for the first field, then moved to the others.
        String first = Fields.TEXT[0];
        if (words.size() >= 3) {
            // A name that covers most of a long query is what it asks about, however short other names are.
            Query coverage = builder.createMinShouldMatchQuery(first, text, 0.75f);
            for (String field : new String[] {Fields.NAME, Fields.ALIASES}) {
                Query onField = onField(coverage, field, () -> builder.createMinShouldMatchQuery(field, text, 0.75f));
                if (onField != null) {
                    query.add(new BoostQuery(onField, 10f), Occur.SHOULD);
                }
            }
        }
        Query terms = builder.createBooleanQuery(first, text, Occur.SHOULD);
        Query phrase = words.size() > 1 ? builder.createPhraseQuery(first, text, 2) : null;
        for (int i = 0; i < Fields.TEXT.length; i++) {
            String field = Fields.TEXT[i];
            Query termsOnField = onField(terms, field, () -> builder.createBooleanQuery(field, text, Occur.SHOULD));
            if (termsOnField != null) {
                query.add(new BoostQuery(termsOnField, Fields.WEIGHT[i]), Occur.SHOULD);
            }
            if (i < 3) {
                Query phraseOnField = onField(phrase, field, () -> builder.createPhraseQuery(field, text, 2));
                if (phraseOnField != null) {
                    query.add(new BoostQuery(phraseOnField, Fields.WEIGHT[i]), Occur.SHOULD);
                }
            }
        }
        if (words.size() == 1) {
            query.add(new BoostQuery(termQuery(new Term(Fields.NAME_EXACT, words.get(0))), 4f), Occur.SHOULD);
        }
        List<String> limited = words.subList(0, Math.min(words.size(), MAX_TERMS));
        for (int i = 0; i < limited.size(); i++) {
            String word = limited.get(i);
            variants.getOrDefault(word, Map.of()).forEach((variant, similarity) -> {
                query.add(new BoostQuery(termQuery(new Term(Fields.SPELL, variant)), 2f * similarity), Occur.SHOULD);
                query.add(
                        new BoostQuery(termQuery(new Term(Fields.NAME_EXACT, variant)), 4f * similarity), Occur.SHOULD);
            });
            if (i == limited.size() - 1 && word.length() >= 2) {
                List<String> completions = spellWords.startingWith(word, MAX_PREFIX_TERMS + 1);
                if (!completions.isEmpty()) {
                    query.add(new BoostQuery(prefixQuery(Fields.SPELL, word, completions), 1.5f), Occur.SHOULD);
                    query.add(new BoostQuery(prefixQuery(Fields.NAME_EXACT, word, completions), 2f), Occur.SHOULD);
                }
            }
        }
        return query.build();
    }

    /**
     * {@code built} (the query builder's for the first text field, or null) moved to {@code field}; built again by
     * {@code build} if it holds a kind of query that can't be moved.
     */
    private Query onField(Query built, String field, Supplier<Query> build) {
        if (built == null || field.equals(Fields.TEXT[0])) {
            return built;
        }
        Query moved = QueryFields.onField(built, field, this::termQuery);
        return moved != null ? moved : build.get();
    }

    /**
     * Matches words of {@code field} starting with {@code prefix}, all scoring alike. Built from the indexed words
     * that complete it when there are few (the usual case for a word being typed): a {@link PrefixQuery} compiles an
     * automaton and enumerates the terms again on every search.
     *
     * @param words the indexed words starting with {@code prefix}, up to {@link #MAX_PREFIX_TERMS} + 1
     */
    private Query prefixQuery(String field, String prefix, List<String> words) {
        if (words.size() > MAX_PREFIX_TERMS) {
            return new PrefixQuery(new Term(field, prefix));
        }
        if (words.size() == 1) {
            return new ConstantScoreQuery(termQuery(new Term(field, words.get(0)))); // what the rewrite would make
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String word : words) {
            any.add(termQuery(new Term(field, word)), Occur.SHOULD);
        }
        return new ConstantScoreQuery(any.build());
    }

    /** A term query whose term lookup, and for most terms postings decoding, is done at most once per index. */
    private Query termQuery(Term term) {
        Query query = termQueries.get(term);
        if (query == null) {
            try {
                TermStates states = TermStates.build(searcher, term, true);
                boolean freeze = states.docFreq() > 0
                        && states.docFreq() <= FrozenTermQuery.MAX_DOC_FREQ
                        && frozenPostings.addAndGet(states.docFreq()) <= MAX_FROZEN_POSTINGS;
                query = freeze ? new FrozenTermQuery(searcher, term, states) : new TermQuery(term, states);
                if (states.docFreq() > 0 || absentTerms.incrementAndGet() <= MAX_ABSENT_TERMS) {
                    termQueries.putIfAbsent(term, query);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return query;
    }

    /**
     * Typing a node's whole name, or one of its aliases, exactly: that node wins, whatever its kind. Added outside
     * the kind prior on purpose, and straight into {@code query}: nested, Lucene's rewrite flattened them, one more
     * pass over the whole query tree.
     */
    private void addExactName(BooleanQuery.Builder query, List<String> words) {
        String key = String.join(" ", words);
        query.add(
                new BoostQuery(new ConstantScoreQuery(termQuery(new Term(Fields.NAME_KEY, key))), 150f), Occur.SHOULD);
        query.add(
                new BoostQuery(new ConstantScoreQuery(termQuery(new Term(Fields.ALIAS_KEY, key))), 60f), Occur.SHOULD);
    }

    /**
     * Matches of {@code match}, with a small lift for nodes much else depends on (never a match by itself), scaled by
     * the prior of the node's kind.
     */
    private Query rankedByImportance(Query match) {
        Query lifted = new BooleanQuery.Builder()
                .add(match, Occur.MUST)
                .add(FeatureField.newSaturationQuery(Fields.FEATURES, Fields.IMPORTANCE, 1f, 8f), Occur.SHOULD)
                .build();
        return new PriorQuery(lifted, priors);
    }

    /**
     * What to mark in a hit's text: the query's distinct words, their synonyms, and the indexed words their typo and prefix
     * variants stand for, all as the exact analyzer spells them; and the stemmed terms {@code analyzed} holds (the
     * query's words and synonyms, as the text fields were searched), which mark any word that stems to one of them.
     */
    private Highlighter.Marked highlightTerms(
            List<String> distinct, Map<String, Map<String, Float>> variants, AnalyzedText analyzed) throws IOException {
        Set<String> terms = new LinkedHashSet<>(words(highlightTerms, analyzed.text()));
        for (int i = 0; i < distinct.size(); i++) {
            String word = distinct.get(i);
            terms.addAll(variants.getOrDefault(word, Map.of()).keySet());
            if (i == distinct.size() - 1 && word.length() >= 2) {
                terms.addAll(spellWords.startingWith(word, MAX_HIGHLIGHT_TERMS));
            }
        }
        return new Highlighter.Marked(terms, analyzed.terms());
    }

    /**
     * For each word long enough to carry a typo, the indexed words within its edit distance and their similarity
     * (1 for the word itself). Resolved once per word per search and shared by matching, highlighting and "did you
     * mean".
     */
    private Map<String, Map<String, Float>> variants(List<String> words) {
        Map<String, Map<String, Float>> variants = new HashMap<>();
        for (String word : words) {
            int edits = edits(word);
            if (edits == 0) {
                continue;
            }
            Map<String, Float> similar = spellWords.similar(word, edits);
            if (similar.size() > MAX_EXPANSIONS) {
                similar = similar.entrySet().stream()
                        .sorted(Map.Entry.<String, Float>comparingByValue().reversed())
                        .limit(MAX_EXPANSIONS)
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
            }
            variants.put(word, similar);
        }
        return variants;
    }

    /** Words absent from the index, replaced by their closest indexed variant (the more frequent on a tie). */
    private String didYouMean(List<String> words, Map<String, Map<String, Float>> variants) throws IOException {
        boolean changed = false;
        List<String> corrected = new ArrayList<>(words.size());
        for (String word : words) {
            String best = word;
            if (reader.docFreq(new Term(Fields.SPELL, word)) == 0) {
                float bestSimilarity = -1;
                int bestFreq = -1;
                for (Map.Entry<String, Float> variant :
                        variants.getOrDefault(word, Map.of()).entrySet()) {
                    int freq = reader.docFreq(new Term(Fields.SPELL, variant.getKey()));
                    if (variant.getValue() > bestSimilarity
                            || (variant.getValue() == bestSimilarity && freq > bestFreq)) {
                        best = variant.getKey();
                        bestSimilarity = variant.getValue();
                        bestFreq = freq;
                    }
                }
            }
            if (!best.equals(word) && !isPlural(word, best)) {
                changed = true;
                corrected.add(best);
            } else {
                corrected.add(word);
            }
        }
        return changed ? String.join(" ", corrected) : null;
    }

    private Document document(IndexedNode indexed) {
        GraphNode node = indexed.node();
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, node.id(), Field.Store.YES));
        doc.add(new StringField(Fields.KIND, node.kind().key(), Field.Store.NO));
        if (indexed.stage() != null) {
            doc.add(new StringField(Fields.STAGE, indexed.stage().id(), Field.Store.NO));
        }
        String name = orEmpty(node.name());
        doc.add(new TextField(Fields.NAME, name, Field.Store.NO));
        doc.add(new TextField(Fields.NAME_EXACT, name, Field.Store.NO));
        doc.add(new TextField(Fields.SUMMARY, orEmpty(node.summary()), Field.Store.NO));
        doc.add(new TextField(Fields.DESCRIPTION, orEmpty(node.description()), Field.Store.NO));
        for (String alias : node.aliases()) {
            doc.add(new TextField(Fields.ALIASES, alias, Field.Store.NO));
            doc.add(new TextField(Fields.SPELL, alias, Field.Store.NO));
            doc.add(new TextField(Fields.SUGGEST, alias, Field.Store.NO));
        }
        if (node.roadmapLine() != null) {
            doc.add(new TextField(Fields.ALIASES, node.roadmapLine(), Field.Store.NO));
        }
        for (String related : indexed.related()) {
            doc.add(new TextField(Fields.RELATED, related, Field.Store.NO));
        }
        doc.add(new TextField(Fields.SPELL, name, Field.Store.NO));
        doc.add(new TextField(Fields.SPELL, orEmpty(node.summary()), Field.Store.NO));
        doc.add(new TextField(Fields.SUGGEST, name, Field.Store.NO));
        doc.add(new FeatureField(Fields.FEATURES, Fields.IMPORTANCE, Math.max(1, indexed.importance())));
        doc.add(new StringField(Fields.NAME_KEY, key(name), Field.Store.NO));
        for (String alias : node.aliases()) {
            doc.add(new StringField(Fields.ALIAS_KEY, key(alias), Field.Store.NO));
        }
        return doc;
    }

    /** The words of a name as one keyword, so that typing a whole name (or alias) exactly can win outright. */
    private String key(String text) {
        return String.join(" ", words(exact, text));
    }

    /**
     * How likely a learner means a node of this kind when several match equally: the roadmap's topics and tools
     * first, then careers, FAQ answers and stages, then resources, which mention many names in passing.
     */
    private static double prior(Kind kind) {
        return switch (kind) {
            case TOPIC -> 1.0;
            case TOOL, CAREER -> 0.95;
            case FAQ -> 0.9;
            case STAGE -> 0.85;
            case RESOURCE -> 0.8;
        };
    }

    /** The first few of {@code texts} that contain a matched word, highlighted and joined by ", ", or null. */
    private String markedAmong(List<String> texts, Highlighter.Marked terms) {
        StringJoiner joined = new StringJoiner(", ");
        int count = 0;
        for (int i = 0; i < texts.size() && count < MAX_MARKED_NAMES; i++) {
            String text = highlighter.highlight(texts.get(i), terms, 0);
            if (text != null) {
                joined.add(text);
                count++;
            }
        }
        return count == 0 ? null : joined.toString();
    }

    private static void putIfMarked(Map<String, String> marks, String field, String text) {
        if (text != null && text.contains(Highlighter.MARK)) {
            marks.put(field, text);
        }
    }

    /** The first distinct words of a query: repeating a word adds nothing but clauses. */
    private static List<String> distinct(List<String> words) {
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < words.size() && distinct.size() < MAX_TERMS; i++) {
            if (!distinct.contains(words.get(i))) {
                distinct.add(words.get(i)); // at most 16 to look through: faster than hashing, or a stream
            }
        }
        return distinct;
    }

    /** No typos allowed in words under 5 letters, one up to 8 letters, two from 9 (as Typesense and Meilisearch do). */
    static int edits(String word) {
        return word.length() >= 9 ? 2 : word.length() >= 5 ? 1 : 0;
    }

    /** "books" for "book" is a plural, not a typo: it matches through stemming and needs no correction. */
    private static boolean isPlural(String word, String singular) {
        return word.equals(singular + "s") || word.equals(singular + "es");
    }

    static List<String> words(Analyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString().toLowerCase(Locale.ROOT));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
