package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.error.SkillGraphException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TotalHits;
import org.jspecify.annotations.Nullable;

/**
 * Answers searches and completions over one {@link SearchIndex}: a query's words (joined and split spellings, typo
 * variants, synonyms) to a lexical ranking, semantic neighbours when the words are not enough, and one page of hits
 * with highlights, the words each lacks, facets and a notice.
 */
final class NodeSearcher {

    private final IndexSearcher searcher;
    private final Analyzer exact;
    private final Analyzer spoken;
    private final NamingWords naming;
    private final Analyzer queryAnalyzer;
    private final IndexedNode[] byDoc;
    private final TermQueries terms;
    private final Spelling spelling;
    private final NameKeys nameKeys;
    private final MatchQueries queries;
    private final RankedQueries ranking;
    private final HitHighlights highlights;
    private final FacetCounter facetCounter;
    private final LexicalRanking lexicalRanking;
    private final CompoundWords compounds;
    private final Completions completions;
    private final @Nullable SemanticMatches semantic;
    private final ProtectedWords symbols;
    private final QuestionSubjects subjects;

    /**
     * @param byDoc the node of every doc id
     * @param docs the doc id of every node id
     * @param priors every doc's kind prior ({@link NodeDocuments#prior})
     * @param exact the analyzer that split the names and aliases into exact words, as the index was built with
     * @param encoder encodes queries for semantic retrieval; null: words only
     * @param vectors the nodes' sentence embeddings; null: words only
     */
    NodeSearcher(
            IndexSearcher searcher,
            IndexedNode[] byDoc,
            Map<String, Integer> docs,
            double[] priors,
            Analyzer exact,
            ProtectedWords symbols,
            SynonymMap synonyms,
            SearchParts parts,
            @Nullable SentenceEncoder encoder,
            @Nullable VectorIndex vectors)
            throws IOException {
        EnglishWords.loadInBackground();
        this.searcher = searcher;
        this.byDoc = byDoc;
        this.exact = exact;
        this.symbols = symbols;
        this.spoken = symbols.protect(Analyzers.folded());
        Analyzer stemmed = symbols.protect(Analyzers.stemmed());
        this.naming = NamingWords.of(searcher.getIndexReader(), stemmed);
        this.queryAnalyzer = symbols.protect(Analyzers.stemmedWithSynonyms(synonyms));
        this.terms = new TermQueries(searcher, parts);
        this.spelling = new Spelling(
                Vocabulary.of(MultiTerms.getTerms(searcher.getIndexReader(), Fields.SPELL)),
                searcher.getIndexReader(),
                stemmed);
        this.nameKeys = new NameKeys(spelling);
        this.queries = new MatchQueries(terms, spelling, queryAnalyzer, parts);
        this.ranking = new RankedQueries(searcher, terms, priors, parts);
        this.compounds = new CompoundWords(spelling.vocabulary(), spelling::inText, spelling::inTextApart);
        this.completions = new Completions(searcher, byDoc, terms, ranking, spelling, compounds, exact, spoken, naming);
        this.highlights = new HitHighlights(
                symbols.protect(Analyzers.exactWithSynonyms(synonyms)), new Highlighter(exact, stemmed), spelling);
        this.facetCounter = new FacetCounter(byDoc);
        this.lexicalRanking = new LexicalRanking(searcher, facetCounter);
        this.semantic =
                encoder == null || vectors == null ? null : new SemanticMatches(searcher, encoder, vectors, docs);
        this.subjects = new QuestionSubjects(
                spoken,
                new SubjectNodes(
                        searcher, byDoc, docs, exact, spoken, compounds, spelling, nameKeys, ranking, this::searchText),
                this::searchText);
    }

    /** How many nodes have a sentence embedding; 0 when semantic retrieval is off. */
    int vectors() {
        return semantic == null ? 0 : semantic.size();
    }

    /**
     * Searches the plain text of {@code query}: no character of it is query syntax. A learning-path question about a
     * node it names ({@link LearningQuestion}) is searched by the words that name it, and says so.
     *
     * @throws SkillGraphException invalid input when the text matches too many spellings to search
     */
    SearchResult search(SearchQuery query) {
        return subjects.answer(query).orElseGet(() -> searchText(query));
    }

    /** {@link #search(SearchQuery)} of the text as typed. */
    private SearchResult searchText(SearchQuery query) {
        boolean byMeaning = semantic != null && semantic.size() > 0;
        SearchResult answer = search(query, byMeaning);
        // Only common words, and nothing close in meaning, filters aside (the facets count without them: a filter only
        // narrows the same answer).
        if (byMeaning
                && answer.total() == 0
                && answer.facets().kind().isEmpty()
                && QueryWords.of(exact, query.text()).isEmpty()) {
            return search(query, false);
        }
        return answer;
    }

    /**
     * As {@link #search(SearchQuery)}; a query of only common words by meaning, or with {@code byMeaning} false by
     * the names and aliases that have its words as typed ({@link Completions#asTypedOrFewer}).
     */
    private SearchResult search(SearchQuery query, boolean byMeaning) {
        // A stage's place as the index has it ("second stage": "stage 2"); meaning is searched as typed.
        String text = compounds.camelCaseApart(StagePlaces.asNumbers(query.text()));
        // The words with their stop words: what a whole name is typed as, and what a query of only them was made of.
        List<String> common = QueryWords.of(spoken, text).all();
        // A question of asking words alone names nothing ("what should i study"): only common words, as "how do i
        // start" is.
        QueryWords words = QuestionWords.asksOnly(common)
                ? QueryWords.of(List.of())
                : QueryWords.of(exact, text).normalised(compounds, false);
        String notice = null;
        if (words.isEmpty()) {
            // Only common words (how, what, learn, ...), which the index leaves out: never answer that silently.
            if (common.isEmpty()) {
                return unsearched(query, "nothing to search for: the query has no words");
            }
            notice = SearchNotices.onlyCommonWords(common, byMeaning, semantic == null ? -1 : semantic.size());
        }
        try {
            List<String> distinct = words.distinct();
            Map<String, Map<String, Float>> variants = compounds.withApart(words, spelling.variants(distinct));
            AnalyzedText analyzed =
                    AnalyzedText.of(queryAnalyzer, String.join(" ", words.withoutBoundNumbers(distinct)));
            Map<String, List<List<String>>> memo = new HashMap<>();
            Function<String, List<List<String>>> paths = spelling -> memo.computeIfAbsent(
                    spelling, s -> AnalyzedText.of(queryAnalyzer, s).paths());
            Map<String, Set<List<String>>> spans = SpanSynonyms.of(words.all(), analyzed, paths);
            List<String> keys = nameKeys.of(words, common, variants);
            Query match = !words.isEmpty()
                    ? queries.partsTogether(
                            queries.match(words, keys, variants, analyzed), words, variants, paths, spans)
                    : byMeaning
                            // Of two words or more, three quarters as typed, or none: a name saying them comes first
                            // (who is it for: "Who is this roadmap for?"); one word alone is searched by meaning.
                            ? common.size() < 2
                                    ? new MatchNoDocsQuery()
                                    : completions.asTypedOrFewer(common, (3 * common.size() + 3) / 4)
                            : completions.asTypedOrFewer(common);
            RankedQueries.Ranked ranked =
                    words.isEmpty() ? RankedQueries.Ranked.byMatch(match) : ranking.ranked(match, keys);
            Query filter = terms.filter(query);
            LexicalRanking.Answer lexical =
                    lexicalRanking.rank(ranked, filter, Math.max(query.offset() + query.limit(), WordCoverage.WINDOW));
            if (words.isEmpty() && byMeaning && lexical.total().value > 0) {
                notice = SearchNotices.onlyCommonWordsAsTypedToo(common);
            }
            WordCoverage coverage = new WordCoverage(
                    searcher,
                    queries.perWord(
                            words,
                            variants,
                            StagePlaces.namesAPlace(common) ? Fields.OWN_TEXT_AT_PLACE : Fields.OWN_TEXT,
                            -1,
                            paths,
                            spans),
                    words.parts(),
                    naming.telling(distinct, words.shown(), variants));
            IntFunction<List<Query>> otherText =
                    wanted -> queries.perWord(words, variants, Fields.OTHER_TEXT, wanted, paths, spans);
            WordCoverage.Ranked byWords = coverage.rank(
                    lexical.hits(),
                    otherText,
                    wanted -> queries.perWord(words, variants, Fields.PROSE, wanted, paths, spans),
                    doc -> byDoc[doc].node().kind() == Kind.STAGE
                            || byDoc[doc].node().kind() == Kind.RESOURCE);
            SemanticMatches.Joined near = semantic != null
                            && meaningWanted(words, ranked, filter, lexical, byWords, coverage)
                    ? semantic.join(
                            query.text(), match, filter == null && lexical.whole() ? lexical.hits() : null, filter)
                    : SemanticMatches.Joined.NONE;
            ScoreDoc[] ordered = near.shown().isEmpty()
                    ? byWords.hits()
                    : RankFusion.fuse(
                            byWords.hits(),
                            near.shown(),
                            byWords.bestCoverage(),
                            WordCoverage.WINDOW,
                            byWords.bestCoverage() < 1 ? foundByWords(byWords, keys) : Set.of());
            ScoreDoc[] page = Arrays.copyOfRange(
                    ordered,
                    Math.min(query.offset(), ordered.length),
                    Math.min(query.offset() + query.limit(), ordered.length));

            Map<Integer, List<String>> missing = MissingWords.of(
                    searcher, distinct, words.shown(), page, coverage, byWords, near.unmatched(), otherText);
            // The words no node has (pls, thx): named once in the notice, not as what each hit lacks.
            List<String> unheard = words.isEmpty()
                    ? List.of()
                    : spelling.unheard(
                            distinct,
                            words.shown(),
                            variants,
                            words.all().get(words.all().size() - 1),
                            synonymous(spans, paths));
            Map<Integer, List<String>> lacking = MissingWords.without(missing, unheard);
            Highlighter.Marked marked = highlights.marked(distinct, variants, paths, words.parts(), spans);
            List<SearchResult.Hit> hits = new ArrayList<>(page.length);
            for (ScoreDoc doc : page) {
                IndexedNode node = byDoc[doc.doc];
                GraphNode n = node.node();
                // Left out by the words' match and with none of the words (a neighbour with some lists what it lacks).
                boolean byMeaningAlone = near.unmatched().contains(doc.doc) && !missing.containsKey(doc.doc);
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
                        lacking.containsKey(doc.doc)
                                ? lacking.get(doc.doc).stream()
                                        .map(symbols::typed)
                                        .toList()
                                : null,
                        null,
                        null));
            }
            String didYouMean = spelling.didYouMean(distinct, common, variants);
            FacetCounter.Counts counts = facetCounter.plus(lexical.counts(), near.unmatched());
            notice = SearchNotices.of(
                    new SearchNotices.Search(
                            notice,
                            words.isEmpty() && !byMeaning,
                            semantic != null,
                            ordered.length,
                            filter != null,
                            counts.counted(),
                            didYouMean,
                            words.ignored(),
                            unheard.stream()
                                    .map(word -> ProtectedWords.withSymbolsOf(query.text(), word))
                                    .toList()),
                    page,
                    near,
                    lacking);
            // Exact unless more than EXACT_COUNT_UP_TO matched in a graph ranked in two phases.
            boolean exactTotal = lexical.total().relation == TotalHits.Relation.EQUAL_TO;
            // A sample covered the documents up to lastDoc: its counts are scaled to the whole index.
            SearchResult.Facets facets = counts.complete()
                    ? facetCounter.facets(counts.counts())
                    : facetCounter.facets(
                            counts.counts(),
                            (double) searcher.getIndexReader().maxDoc() / (counts.lastDoc() + 1),
                            true);
            return new SearchResult(
                    query.text(),
                    hits,
                    exactTotal ? lexical.total().value + near.unmatchedShown() : LexicalRanking.EXACT_COUNT_UP_TO,
                    exactTotal ? null : "gte",
                    facets,
                    didYouMean,
                    notice);
        } catch (IndexSearcher.TooManyClauses e) {
            throw SkillGraphException.invalidParameter(
                    "q", "the query matches too many spellings to search; use fewer or longer words");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lexical hits a fusion ranks first ({@link RankFusion#fuse}): those with most of the query's words ({@link
     * WordCoverage.Ranked#mostWords}) and those whose whole name or alias is one of {@code keys} ({@code llama3}: the
     * node with the alias "llama"), which the learner named.
     */
    private Set<Integer> foundByWords(WordCoverage.Ranked byWords, List<String> keys) throws IOException {
        Set<Integer> found = new HashSet<>(byWords.mostWords());
        for (ScoreDoc doc : searcher.search(ranking.named(keys), WordCoverage.WINDOW).scoreDocs) {
            found.add(doc.doc);
        }
        return found;
    }

    /**
     * Whether semantic neighbours join ({@link SemanticMatches#wanted}), decided on the query before its filters, as
     * the facets are counted: so a filter only narrows the hits of the same answer, and the facets of a query are the
     * same with and without one. With a filter, that takes a ranking of the unfiltered matches too.
     */
    private boolean meaningWanted(
            QueryWords words,
            RankedQueries.Ranked ranked,
            @Nullable Query filter,
            LexicalRanking.Answer lexical,
            WordCoverage.Ranked byWords,
            WordCoverage coverage)
            throws IOException {
        if (filter == null) {
            return SemanticMatches.wanted(!words.isEmpty(), byWords.bestCoverage(), lexical.total().value);
        }
        LexicalRanking.Answer whole = lexicalRanking.rank(ranked, null, WordCoverage.WINDOW);
        return SemanticMatches.wanted(
                !words.isEmpty(), coverage.rank(whole.hits()).bestCoverage(), whole.total().value);
    }

    /**
     * Whether a word has a synonym, alone ({@code paths}: more than its own) or with the words beside it ({@code
     * spans}, {@link SpanSynonyms#of}).
     */
    private static Predicate<String> synonymous(
            Map<String, Set<List<String>>> spans, Function<String, List<List<String>>> paths) {
        return word -> spans.containsKey(word) || paths.apply(word).size() > 1;
    }

    /** An answer that searched nothing, saying why. */
    private static SearchResult unsearched(SearchQuery query, String notice) {
        return new SearchResult(
                query.text(), List.of(), 0, new SearchResult.Facets(List.of(), List.of(), List.of()), null, notice);
    }

    /** As-you-type completions ({@link Completions#suggest}). */
    List<Suggestion> suggest(String text, int limit) {
        // A learning-path question being typed completes the part its last words type ("prerequisites for tra":
        // "tra"; "before rag and tra", "if i know pyth") with the nodes that part can name.
        Optional<QuestionSubjects.Typing> typing = subjects.typing(text);
        if (typing.isEmpty()) {
            return completions.suggest(text, limit);
        }
        Set<Kind> kinds = typing.get().kinds();
        return completions.suggest(typing.get().text(), 2 * limit).stream()
                .filter(suggestion ->
                        Kind.fromKey(suggestion.kind()).filter(kinds::contains).isPresent())
                .limit(limit)
                .toList();
    }
}
