package dev.skillgraph.search;

import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.graph.GraphNode;
import dev.skillgraph.graph.Kind;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
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
    private static final String MARK = "<mark>";
    private static final String UNMARK = "</mark>";
    private static final String[] WHOLE_FIELDS = {Fields.NAME, Fields.SUMMARY};
    private static final String[] PASSAGE_FIELDS = {Fields.DESCRIPTION};

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final FacetsConfig facetsConfig;
    private final SortedSetDocValuesReaderState facetState;
    private final Analyzer queryAnalyzer;
    private final Analyzer highlightTerms;
    private final Analyzer exact = Analyzers.exact();
    private final UnifiedHighlighter wholeHighlighter;
    private final UnifiedHighlighter passageHighlighter;
    private final Map<String, IndexedNode> nodes;
    private final Map<String, StageRef> stages = new HashMap<>();

    private SearchIndex(Directory directory, Collection<IndexedNode> indexed, SynonymMap synonyms) throws IOException {
        this.directory = directory;
        this.facetsConfig = new FacetsConfig();
        Map<String, IndexedNode> byId = new LinkedHashMap<>();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.forIndexing()))) {
            for (IndexedNode node : indexed) {
                // updateDocument keyed by id: a duplicate id (possible through hand edits) replaces, never doubles.
                writer.updateDocument(new Term(Fields.ID, node.node().id()), facetsConfig.build(document(node)));
                byId.put(node.node().id(), node);
                if (node.stage() != null) {
                    stages.put(node.stage().id(), node.stage());
                }
            }
            writer.commit();
        }
        this.nodes = Map.copyOf(byId);
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.facetState = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        this.queryAnalyzer = Analyzers.stemmedWithSynonyms(synonyms);
        this.highlightTerms = Analyzers.exactWithSynonyms(synonyms);
        DefaultPassageFormatter formatter = new DefaultPassageFormatter(MARK, UNMARK, "… ", true);
        this.wholeHighlighter = UnifiedHighlighter.builder(searcher, exact)
                .withFormatter(formatter)
                .withBreakIterator(org.apache.lucene.search.uhighlight.WholeBreakIterator::new)
                .withMaxNoHighlightPassages(0)
                .withHandleMultiTermQuery(true)
                .build();
        this.passageHighlighter = UnifiedHighlighter.builder(searcher, exact)
                .withFormatter(formatter)
                .withMaxNoHighlightPassages(0)
                .withHandleMultiTermQuery(true)
                .build();
    }

    /** Builds the index of {@code nodes}; synonyms apply to queries. */
    public static SearchIndex build(Collection<IndexedNode> nodes, SynonymMap synonyms) {
        try {
            return new SearchIndex(new ByteBuffersDirectory(), nodes, synonyms);
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
            Query match = matchQuery(words);
            Query ranked = new BooleanQuery.Builder()
                    .add(rankedByImportance(match), Occur.MUST)
                    .add(exactName(words), Occur.SHOULD)
                    .build();
            FacetsCollector facetsCollector = searcher.search(match, new FacetsCollectorManager());
            Facets facets = new SortedSetDocValuesFacetCounts(facetState, facetsCollector);

            BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(ranked, Occur.MUST);
            query.kind()
                    .ifPresent(kind -> filtered.add(new TermQuery(new Term(Fields.KIND, kind.key())), Occur.FILTER));
            query.stage().ifPresent(stage -> filtered.add(new TermQuery(new Term(Fields.STAGE, stage)), Occur.FILTER));
            Query filteredQuery = filtered.build();
            TopDocs top = searcher.search(filteredQuery, query.offset() + query.limit());
            ScoreDoc[] page = java.util.Arrays.copyOfRange(
                    top.scoreDocs, Math.min(query.offset(), top.scoreDocs.length), top.scoreDocs.length);
            TopDocs pageDocs = new TopDocs(top.totalHits, page);

            Query highlight = highlightQuery(words);
            Map<String, String[]> whole = wholeHighlighter.highlightFields(WHOLE_FIELDS, highlight, pageDocs);
            Map<String, String[]> passages =
                    passageHighlighter.highlightFields(PASSAGE_FIELDS, highlight, pageDocs, new int[] {2});
            List<SearchResult.Hit> hits = new ArrayList<>(page.length);
            for (int i = 0; i < page.length; i++) {
                IndexedNode node =
                        nodes.get(searcher.storedFields().document(page[i].doc).get(Fields.ID));
                Map<String, String> marks = new LinkedHashMap<>();
                putIfMarked(marks, Fields.NAME, whole.get(Fields.NAME)[i]);
                putIfMarked(marks, Fields.SUMMARY, whole.get(Fields.SUMMARY)[i]);
                putIfMarked(marks, Fields.DESCRIPTION, passages.get(Fields.DESCRIPTION)[i]);
                GraphNode n = node.node();
                hits.add(new SearchResult.Hit(
                        n.id(), n.kind().key(), n.name(), n.summary(), node.stage(), page[i].score, marks));
            }
            long total = searcher.count(filteredQuery);
            String didYouMean = didYouMean(words, total);
            return new SearchResult(
                    query.text(),
                    hits,
                    total,
                    new SearchResult.Facets(counts(facets, Fields.KIND, false), counts(facets, Fields.STAGE, true)),
                    didYouMean);
        } catch (IndexSearcher.TooManyClauses e) {
            throw SkillGraphException.badRequest(
                    "the query matches too many spellings to search; use fewer or " + "longer words");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                            new TermQuery(new Term(Fields.SUGGEST, word.length() > 20 ? word.substring(0, 20) : word)),
                            Occur.MUST));
            TopDocs top = searcher.search(rankedByImportance(prefixes.build()), limit);
            if (top.scoreDocs.length == 0) {
                BooleanQuery.Builder typos = new BooleanQuery.Builder();
                words.stream().limit(MAX_TERMS).forEach(word -> {
                    int edits = edits(word);
                    typos.add(
                            edits == 0
                                    ? new PrefixQuery(new Term(Fields.SPELL, word))
                                    : new FuzzyQuery(new Term(Fields.SPELL, word), edits, 1, 50, true),
                            Occur.MUST);
                });
                top = searcher.search(rankedByImportance(typos.build()), limit);
            }
            List<Suggestion> suggestions = new ArrayList<>();
            for (ScoreDoc doc : top.scoreDocs) {
                GraphNode n = nodes.get(
                                searcher.storedFields().document(doc.doc).get(Fields.ID))
                        .node();
                suggestions.add(new Suggestion(n.id(), n.kind().key(), n.name()));
            }
            return suggestions;
        } catch (IndexSearcher.TooManyClauses e) {
            throw SkillGraphException.badRequest("the text matches too many words to complete; type more letters");
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
    private Query matchQuery(List<String> words) {
        String text = String.join(" ", distinct(words));
        QueryBuilder builder = new QueryBuilder(queryAnalyzer);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new BoostQuery(new TermQuery(new Term(Fields.NAME_KEY, String.join(" ", words))), 30f), Occur.SHOULD);
        if (words.size() >= 3) {
            // A name that covers most of a long query is what it asks about, however short other names are.
            for (String field : new String[] {Fields.NAME, Fields.ALIASES}) {
                Query coverage = builder.createMinShouldMatchQuery(field, text, 0.75f);
                if (coverage != null) {
                    query.add(new BoostQuery(coverage, 10f), Occur.SHOULD);
                }
            }
        }
        for (int i = 0; i < Fields.TEXT.length; i++) {
            Query terms = builder.createBooleanQuery(Fields.TEXT[i], text, Occur.SHOULD);
            if (terms != null) {
                query.add(new BoostQuery(terms, Fields.WEIGHT[i]), Occur.SHOULD);
            }
            if (words.size() > 1 && i < 3) {
                Query phrase = builder.createPhraseQuery(Fields.TEXT[i], text, 2);
                if (phrase != null) {
                    query.add(new BoostQuery(phrase, Fields.WEIGHT[i]), Occur.SHOULD);
                }
            }
        }
        if (words.size() == 1) {
            query.add(new BoostQuery(new TermQuery(new Term(Fields.NAME_EXACT, words.get(0))), 4f), Occur.SHOULD);
        }
        List<String> limited = words.subList(0, Math.min(words.size(), MAX_TERMS));
        for (int i = 0; i < limited.size(); i++) {
            String word = limited.get(i);
            int edits = edits(word);
            if (edits > 0) {
                query.add(
                        new BoostQuery(new FuzzyQuery(new Term(Fields.SPELL, word), edits, 1, 50, true), 2f),
                        Occur.SHOULD);
                query.add(
                        new BoostQuery(new FuzzyQuery(new Term(Fields.NAME_EXACT, word), edits, 1, 50, true), 4f),
                        Occur.SHOULD);
            }
            if (i == limited.size() - 1 && word.length() >= 2) {
                query.add(new BoostQuery(new PrefixQuery(new Term(Fields.SPELL, word)), 1.5f), Occur.SHOULD);
                query.add(new BoostQuery(new PrefixQuery(new Term(Fields.NAME_EXACT, word)), 2f), Occur.SHOULD);
            }
        }
        return query.build();
    }

    /**
     * Typing a node's whole name, or one of its aliases, exactly: that node wins, whatever its kind. Added outside
     * the kind prior on purpose.
     */
    private static Query exactName(List<String> words) {
        String key = String.join(" ", words);
        return new BooleanQuery.Builder()
                .add(
                        new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.NAME_KEY, key))), 150f),
                        Occur.SHOULD)
                .add(
                        new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.ALIAS_KEY, key))), 60f),
                        Occur.SHOULD)
                .build();
    }

    /**
     * Matches of {@code match}, with a small lift for nodes much else depends on (never a match by itself), scaled by
     * the prior of the node's kind.
     */
    private static Query rankedByImportance(Query match) {
        Query lifted = new BooleanQuery.Builder()
                .add(match, Occur.MUST)
                .add(FeatureField.newSaturationQuery(Fields.FEATURES, Fields.IMPORTANCE, 1f, 8f), Occur.SHOULD)
                .build();
        return FunctionScoreQuery.boostByValue(lifted, DoubleValuesSource.fromDoubleField(Fields.PRIOR));
    }

    /** What to mark in the stored text: the words, their synonyms, typo and prefix variants, and stems. */
    private Query highlightQuery(List<String> words) {
        List<String> limited = distinct(words);
        Set<String> terms = new LinkedHashSet<>(words(highlightTerms, String.join(" ", limited)));
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String field : new String[] {Fields.NAME, Fields.SUMMARY, Fields.DESCRIPTION}) {
            terms.forEach(term -> query.add(new TermQuery(new Term(field, term)), Occur.SHOULD));
            for (int i = 0; i < limited.size(); i++) {
                String word = limited.get(i);
                int edits = edits(word);
                if (edits > 0) {
                    query.add(fuzzy(field, word, edits), Occur.SHOULD);
                }
                String stem = stem(word);
                if (stem.length() >= 4) {
                    query.add(new PrefixQuery(new Term(field, stem)), Occur.SHOULD);
                }
                if (i == limited.size() - 1 && word.length() >= 2) {
                    query.add(new PrefixQuery(new Term(field, word)), Occur.SHOULD);
                }
            }
        }
        return query.build();
    }

    private String didYouMean(List<String> words, long total) throws IOException {
        DirectSpellChecker spell = new DirectSpellChecker();
        spell.setMaxEdits(2);
        boolean changed = false;
        List<String> corrected = new ArrayList<>(words.size());
        for (String word : words) {
            SuggestWord[] suggestions = word.length() < 4
                    ? new SuggestWord[0]
                    : spell.suggestSimilar(
                            new Term(Fields.SPELL, word),
                            1,
                            reader,
                            total < 3 ? SuggestMode.SUGGEST_MORE_POPULAR : SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (suggestions.length > 0 && !isPlural(word, suggestions[0].string)) {
                corrected.add(suggestions[0].string);
                changed = true;
            } else {
                corrected.add(word);
            }
        }
        return changed ? String.join(" ", corrected) : null;
    }

    private List<SearchResult.FacetCount> counts(Facets facets, String dimension, boolean isStage) throws IOException {
        FacetResult result;
        try {
            result = facets.getTopChildren(100, dimension);
        } catch (IllegalArgumentException e) {
            return List.of(); // no document has this dimension
        }
        if (result == null) {
            return List.of();
        }
        List<SearchResult.FacetCount> counts = new ArrayList<>();
        for (LabelAndValue value : result.labelValues) {
            StageRef stage = isStage ? stages.get(value.label) : null;
            counts.add(new SearchResult.FacetCount(
                    value.label, stage == null ? null : stage.name(), value.value.longValue()));
        }
        if (isStage) {
            counts.sort(Comparator.comparingInt(
                    c -> stages.containsKey(c.value()) ? stages.get(c.value()).order() : 0));
        }
        return counts;
    }

    private Document document(IndexedNode indexed) {
        GraphNode node = indexed.node();
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, node.id(), Field.Store.YES));
        doc.add(new StringField(Fields.KIND, node.kind().key(), Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(Fields.KIND, node.kind().key()));
        if (indexed.stage() != null) {
            doc.add(new StringField(Fields.STAGE, indexed.stage().id(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(
                    Fields.STAGE, indexed.stage().id()));
        }
        String name = orEmpty(node.name());
        doc.add(new TextField(Fields.NAME, name, Field.Store.YES));
        doc.add(new TextField(Fields.NAME_EXACT, name, Field.Store.NO));
        doc.add(new TextField(Fields.SUMMARY, orEmpty(node.summary()), Field.Store.YES));
        doc.add(new TextField(Fields.DESCRIPTION, orEmpty(node.description()), Field.Store.YES));
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
        doc.add(new DoubleDocValuesField(Fields.PRIOR, prior(node.kind())));
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

    private static void putIfMarked(Map<String, String> marks, String field, String text) {
        if (text != null && text.contains(MARK)) {
            marks.put(field, text);
        }
    }

    /** The first distinct words of a query: repeating a word adds nothing but clauses. */
    private static List<String> distinct(List<String> words) {
        return words.stream().distinct().limit(MAX_TERMS).toList();
    }

    /** Typo-tolerant match of a whole word; the first letter must be right, as it almost always is. */
    private static Query fuzzy(String field, String word, int edits) {
        return new FuzzyQuery(new Term(field, word), edits, 1, MAX_EXPANSIONS, true);
    }

    /** No typos allowed in words under 5 letters, one up to 8 letters, two from 9 (as Typesense and Meilisearch do). */
    static int edits(String word) {
        return word.length() >= 9 ? 2 : word.length() >= 5 ? 1 : 0;
    }

    /** "books" for "book" is a plural, not a typo: it matches through stemming and needs no correction. */
    private static boolean isPlural(String word, String singular) {
        return word.equals(singular + "s") || word.equals(singular + "es");
    }

    private static String stem(String word) {
        org.tartarus.snowball.ext.PorterStemmer stemmer = new org.tartarus.snowball.ext.PorterStemmer();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
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
