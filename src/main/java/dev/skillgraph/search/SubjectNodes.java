package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.jspecify.annotations.Nullable;

/**
 * The node a phrase of a learning-path question names ({@link QuestionSubjects}): its goal, what the learner knows. A
 * phrase names a node by a whole name or alias, or by words of one that the phrase's own search ranks; a question
 * whose nodes cannot be told is searched as typed instead, so a plan never stands on a guess.
 */
final class SubjectNodes {

    /** Most words of a phrase read as names listed without "and" ({@link #names}). */
    private static final int MOST_LISTED = 8;

    /** Words in brackets in a name: "Convolutional Neural Networks (CNNs)". */
    private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)");

    private final IndexSearcher searcher;
    private final IndexedNode[] byDoc;
    private final Map<String, Integer> docs;
    private final Analyzer exact;
    private final Analyzer spoken;
    private final CompoundWords compounds;
    private final Spelling spelling;
    private final NameKeys nameKeys;
    private final RankedQueries ranking;
    private final Function<SearchQuery, SearchResult> search;

    /**
     * @param byDoc the node of every doc id
     * @param docs the doc id of every node id
     * @param exact the analyzer of the names' exact words, stop words left out
     * @param spoken the analyzer of the words as typed, stop words kept
     * @param search the index's search of a text as typed, questions not read
     */
    SubjectNodes(
            IndexSearcher searcher,
            IndexedNode[] byDoc,
            Map<String, Integer> docs,
            Analyzer exact,
            Analyzer spoken,
            CompoundWords compounds,
            Spelling spelling,
            NameKeys nameKeys,
            RankedQueries ranking,
            Function<SearchQuery, SearchResult> search) {
        this.searcher = searcher;
        this.byDoc = byDoc;
        this.docs = docs;
        this.exact = exact;
        this.spoken = spoken;
        this.compounds = compounds;
        this.spelling = spelling;
        this.nameKeys = nameKeys;
        this.ranking = ranking;
        this.search = search;
    }

    /**
     * The node of one of {@code kinds} the text of {@code subject} names: by a whole name or alias ({@link NameKeys}:
     * as typed, corrected, joined or apart) or by words of a name or alias ({@link #inName}:
     * "transformer architecture" of "The Transformer Architecture", "convolutional neural networks" of "Convolutional
     * Neural Networks (CNNs)"). When several are named, the one the subject's search ranks first, with
     * the request's filters when one of them passes them ({@code roadmap=}: that roadmap's "stage 2").
     */
    Optional<IndexedNode> named(SearchQuery subject, Set<Kind> kinds) {
        return named(subject, kinds, true, false);
    }

    /**
     * The node of one of {@code kinds} that {@code phrase}, a phrase of what the learner knows, names: as {@link
     * #named(SearchQuery, Set)}, but only when it names one node: by words of a name only when no other node's name or
     * alias has them too, and by an alias several nodes share only when it is one's name or one tool's (the others use it). A plan takes what the learner
     * knows, and all it requires, as known: "the basics" is a word of four names, "data leakage" an alias of two, and
     * picking one would drop steps from the plan unseen (helper-47's and helper-48's break tests).
     */
    Optional<IndexedNode> known(SearchQuery phrase, Set<Kind> kinds) {
        return named(phrase, kinds, true, true);
    }

    /**
     * {@link #named(SearchQuery, Set)}; {@code corrected}: when nothing is named, the subject as its search's "did you
     * mean" spells it may name its node ("retreival augmented generation"); {@code alone}: by words of a name only
     * when no other node among the subject's hits has them in its name or an alias.
     */
    private Optional<IndexedNode> named(SearchQuery subject, Set<Kind> kinds, boolean corrected, boolean alone) {
        String placed = StagePlaces.asNumbers(subject.text());
        QueryWords words = QueryWords.of(exact, placed).normalised(compounds, false);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, Map<String, Float>> variants = compounds.withApart(words, spelling.variants(words.distinct()));
            List<String> keys = nameKeys.of(words, QueryWords.of(spoken, placed).all(), variants);
            Set<String> named = new HashSet<>();
            for (ScoreDoc doc : searcher.search(ranking.named(keys), WordCoverage.WINDOW).scoreDocs) {
                if (kinds.contains(byDoc[doc.doc].node().kind())) {
                    named.add(byDoc[doc.doc].node().id());
                }
            }
            SearchQuery ranked = subject.withPage(WordCoverage.WINDOW, 0);
            List<SearchQuery> orders = subject.filtered() ? List.of(ranked, ranked.unfiltered()) : List.of(ranked);
            @Nullable String didYouMean = null;
            for (SearchQuery order : orders) {
                SearchResult found = search.apply(order);
                didYouMean = didYouMean == null ? found.didYouMean() : didYouMean;
                List<IndexedNode> candidates = new ArrayList<>();
                for (SearchResult.Hit hit : found.hits()) {
                    Integer doc = docs.get(hit.id());
                    IndexedNode node = doc == null ? null : byDoc[doc];
                    if (node != null
                            && kinds.contains(node.node().kind())
                            && (named.contains(hit.id()) || inName(node.node(), words.all()))) {
                        candidates.add(node);
                        if (!alone) {
                            break;
                        }
                    }
                }
                Optional<IndexedNode> chosen = alone
                        ? alone(candidates, named, words.all())
                        : candidates.stream().findFirst();
                if (chosen.isPresent() || !candidates.isEmpty()) {
                    return chosen;
                }
            }
            return corrected && didYouMean != null
                    ? named(subject.withText(didYouMean), kinds, false, alone)
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The one node of {@code candidates} a phrase of {@code words} names: the one with it as a whole name or alias
     * ({@code named}), or of several such the one with it as its name ("data leakage" is an alias of two); else the one
     * candidate with the words in a name; else the one tool among the candidates; none when that leaves several or
     * none.
     */
    private Optional<IndexedNode> alone(List<IndexedNode> candidates, Set<String> named, List<String> words) {
        List<IndexedNode> whole = candidates.stream()
                .filter(node -> named.contains(node.node().id()))
                .toList();
        List<IndexedNode> chosen = whole.size() > 1
                ? whole.stream()
                        .filter(node -> nameWords(node.node()).subList(0, 2).stream()
                                .anyMatch(name -> Set.copyOf(name).equals(Set.copyOf(words))))
                        .toList()
                : whole.isEmpty() ? candidates : whole;
        if (chosen.size() != 1) {
            // A tool and the topics that use it ("airflow": Apache Airflow, and an alias of two topics): the tool,
            // whose prerequisites are the fewer, so that no step of a plan is dropped for a topic not known.
            List<IndexedNode> tools = candidates.stream()
                    .filter(node -> node.node().kind() == Kind.TOOL)
                    .toList();
            chosen = tools.size() == 1 ? tools : chosen;
        }
        return chosen.size() == 1 ? Optional.of(chosen.get(0)) : Optional.empty();
    }

    /**
     * {@code phrase} as the whole names or aliases it lists without "and" ("python sql", "pandas numpy scikit-learn"),
     * the longest first from its start; {@code phrase} alone when it is one name itself, or is not such a list.
     */
    List<List<String>> names(List<String> phrase) {
        // Each start and end is a lookup: a list of names is short, a long phrase is no list.
        if (phrase.size() < 2 || phrase.size() > MOST_LISTED || namesANode(String.join(" ", phrase))) {
            return List.of(phrase);
        }
        List<List<String>> names = new ArrayList<>();
        int from = 0;
        while (from < phrase.size()) {
            int to = phrase.size();
            while (to > from && !namesANode(String.join(" ", phrase.subList(from, to)))) {
                to--;
            }
            if (to == from) {
                return List.of(phrase);
            }
            names.add(phrase.subList(from, to));
            from = to;
        }
        return names;
    }

    /**
     * Whether {@code text} as typed, its stop words too, is a whole name or alias of a node (without them, "what do i
     * need for kubernetes" would be "kubernetes").
     */
    boolean namesANode(String text) {
        List<String> typed = QueryWords.of(spoken, text).all();
        try {
            return !typed.isEmpty() && searcher.count(ranking.named(List.of(String.join(" ", typed)))) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The node of one of {@code kinds} whose name or an alias, with or without the words in its brackets, has the very
     * words of {@code subject}, stop words left out, the best ranked of them.
     */
    Optional<IndexedNode> wholeName(SearchQuery subject, Set<Kind> kinds) {
        List<String> words = QueryWords.of(exact, StagePlaces.asNumbers(subject.text()))
                .normalised(compounds, false)
                .all();
        for (SearchResult.Hit hit :
                search.apply(subject.withPage(WordCoverage.WINDOW, 0)).hits()) {
            Integer doc = docs.get(hit.id());
            IndexedNode node = doc == null ? null : byDoc[doc];
            if (node != null
                    && kinds.contains(node.node().kind())
                    && nameWords(node.node()).stream()
                            .anyMatch(name -> Set.copyOf(name).equals(Set.copyOf(words)))) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code words} are all words of {@code node}'s name or of one of its aliases, stop words and words in
     * brackets left out: "a/b testing" of "Hypothesis Testing and A/B Testing", "time series forecasting" of "Time
     * Series Analysis and Forecasting".
     */
    private boolean inName(GraphNode node, List<String> words) {
        return nameWords(node).stream().anyMatch(name -> name.containsAll(words));
    }

    /**
     * The words of {@code node}'s name and aliases, stop words left out, each also without the words in its brackets
     * ("Convolutional Neural Networks (CNNs)": with and without "cnns").
     */
    private List<List<String>> nameWords(GraphNode node) {
        List<String> names = new ArrayList<>(node.aliases());
        names.add(0, node.name());
        names.add(1, BRACKETS.matcher(node.name()).replaceAll(" "));
        return names.stream()
                .map(name ->
                        QueryWords.of(exact, name).normalised(compounds, false).all())
                .toList();
    }
}
