package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.domain.RoadmapRef;
import dev.skillgraph.search.LearningQuestion.Asks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.jspecify.annotations.Nullable;

/**
 * Learning-path questions ({@link LearningQuestion}) typed as searches of one index: the question a text asks, whether
 * the text is rather a node's whole name, the nodes its subject and what the learner knows name, and the answer that
 * says so.
 */
final class QuestionSubjects {

    /** What separates the items of a list: "pca, cnns and rnns", "python; sql", "rag & agents", "rag + agents". */
    private static final Pattern LISTS = Pattern.compile("\\s*[,;&]\\s*|\\s+[+/\u2013\u2014]\\s+");

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
    QuestionSubjects(
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
     * The answer to {@code query} when its text asks a learning-path question about nodes it names: the search of the
     * subject's words (of what the learner knows, for what to learn next), saying how the text was read, with the
     * question, its nodes and the nodes the learner says they know; empty when it asks none, or names no node, or is
     * itself a whole name ("machine learning prerequisites", an FAQ's alias).
     */
    Optional<SearchResult> answer(SearchQuery query) {
        Optional<LearningQuestion> asked = question(query.text());
        if (asked.isEmpty() || namesANode(query.text())) {
            return Optional.empty();
        }
        LearningQuestion question = asked.get();
        // What the learner says they know, each phrase as the node it names (a plan's known ids); a phrase that names
        // none would leave out of the plan what they know ("how to get from a numpy array to a tensor"): no question.
        List<Optional<IndexedNode>> said = question.asks() == Asks.UNLOCKS
                ? List.of()
                : question.known().stream()
                        .map(phrase -> named(query.withText(String.join(" ", phrase)), Asks.NEXT.kinds()))
                        .toList();
        if (!said.stream().allMatch(Optional::isPresent)) {
            return Optional.empty();
        }
        List<IndexedNode> knowing =
                said.stream().map(Optional::orElseThrow).distinct().toList();
        // A goal the learner knows is no goal: "how to go from csv to parquet" names one node twice.
        List<IndexedNode> about = question.asks() == Asks.NEXT
                ? knowing
                : goals(query, question).stream()
                        .filter(goal -> !knowing.contains(goal))
                        .toList();
        if (about.isEmpty()) {
            return Optional.empty();
        }
        String searched = question.asks() == Asks.NEXT
                ? question.known().stream()
                        .map(phrase -> String.join(" ", phrase))
                        .collect(Collectors.joining(" "))
                : question.subjectText();
        return Optional.of(answer(question, query.text(), about, knowing, search.apply(query.withText(searched))));
    }

    /**
     * The nodes {@code question}'s subject names: for a learning path whose parts joined by "and" each name a node
     * ("transformers and rag"), those nodes, each once; else the one its whole text names, if any.
     */
    private List<IndexedNode> goals(SearchQuery query, LearningQuestion question) {
        Set<Kind> kinds = question.asks().kinds();
        List<List<String>> parts = question.subjects();
        if (question.asks() == Asks.LEARNING_PATH && parts.size() > 1) {
            // A name with "and" or commas in it, typed whole ("Statistics and Experimentation"), is one goal.
            Optional<IndexedNode> whole = wholeName(query.withText(question.subjectText()), kinds);
            if (whole.isPresent()) {
                return List.of(whole.get());
            }
            List<Optional<IndexedNode>> goals = parts.stream()
                    .map(part -> named(query.withText(String.join(" ", part)), kinds))
                    .toList();
            if (goals.stream().allMatch(Optional::isPresent)) {
                return goals.stream().map(Optional::orElseThrow).distinct().toList();
            }
        }
        return named(query.withText(question.subjectText()), kinds).stream().toList();
    }

    /**
     * The answer to {@code typed}, the question {@code asked} about {@code about} from a learner who says they know {@code
     * knowing}: {@code subjectAnswer}, the search of the subject's words, saying that it is and which nodes the
     * question is about.
     */
    private static SearchResult answer(
            LearningQuestion asked,
            String typed,
            List<IndexedNode> about,
            List<IndexedNode> knowing,
            SearchResult subjectAnswer) {
        GraphNode node = about.get(0).node();
        String read = "read as the question \""
                + switch (asked.asks()) {
                    case UNLOCKS -> "what does " + node.name() + " unlock";
                    case NEXT -> "what can I learn next";
                    case LEARNING_PATH -> "what must I learn "
                            + about.stream().map(QuestionSubjects::goal).collect(Collectors.joining(" and "));
                }
                + (knowing.isEmpty() ? "" : ", knowing " + names(knowing))
                + "?\"; these hits are for its words: "
                + subjectAnswer.query();
        return new SearchResult(
                typed,
                subjectAnswer.hits(),
                subjectAnswer.total(),
                subjectAnswer.totalRelation(),
                subjectAnswer.facets(),
                didYouMean(subjectAnswer.query(), typed, subjectAnswer.didYouMean()),
                subjectAnswer.notice() == null ? read : read + "; " + subjectAnswer.notice(),
                new SearchResult.Question(
                        asked.asks().key(),
                        node.id(),
                        node.name(),
                        node.kind().key(),
                        about.stream().map(goal -> NodeRef.of(goal.node())).toList(),
                        knowing.isEmpty() ? null : ids(knowing),
                        null));
    }

    private static String names(List<IndexedNode> nodes) {
        return nodes.stream().map(known -> known.node().name()).collect(Collectors.joining(", "));
    }

    private static List<String> ids(List<IndexedNode> nodes) {
        return nodes.stream().map(known -> known.node().id()).toList();
    }

    /** The goal of a learning path in words: "before pandas", "for the career Data Scientist". */
    private static String goal(IndexedNode about) {
        GraphNode node = about.node();
        return switch (node.kind()) {
            case CAREER -> "for the career " + node.name();
            case ROADMAP -> "for the " + node.name();
            case STAGE -> "for the stage " + node.name()
                    + (about.roadmaps().isEmpty()
                            ? ""
                            : " of the "
                                    + about.roadmaps().stream()
                                            .map(RoadmapRef::name)
                                            .reduce((a, b) -> a + ", " + b)
                                            .orElseThrow());
            default -> "before " + node.name();
        };
    }

    /**
     * The question as typed with its searched words {@code searched} spelled as {@code subjectDidYouMean}, when they
     * are written in it as searched ("prerequisites for transfomers": "prerequisites for transformers"); else none,
     * since correcting only the subject would drop the question.
     */
    private static @Nullable String didYouMean(String searched, String typed, @Nullable String subjectDidYouMean) {
        if (subjectDidYouMean == null) {
            return null;
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf(searched);
        return at < 0 || lower.length() != typed.length()
                ? null
                : typed.substring(0, at) + subjectDidYouMean + typed.substring(at + searched.length());
    }

    /** The words of a learning-path question being typed, and the kinds of node they can name. */
    record Typing(String text, Set<Kind> kinds) {}

    /**
     * The part of the learning-path question {@code text} asks that its last words type: a goal after "and"
     * ("before transformers and ra"), what the learner knows ("... if i know pyth"), or the subject; empty when it
     * asks none.
     */
    Optional<Typing> typing(String text) {
        List<String> words = words(text);
        return LearningQuestion.of(words).map(asked -> {
            List<List<String>> phrases = new ArrayList<>(asked.subjects());
            phrases.addAll(asked.known());
            return phrases.stream()
                    .filter(phrase -> words.size() >= phrase.size()
                            && words.subList(words.size() - phrase.size(), words.size())
                                    .equals(phrase))
                    .findFirst()
                    .map(phrase -> new Typing(
                            String.join(" ", phrase),
                            asked.known().contains(phrase)
                                    ? Asks.NEXT.kinds()
                                    : asked.asks().kinds()))
                    .orElse(new Typing(asked.subjectText(), asked.asks().kinds()));
        });
    }

    /**
     * The learning-path question {@code text} asks ({@link LearningQuestion}), if it asks one; commas, semicolons,
     * ampersands and a spaced plus, slash or dash join a list as "and" does ("pca, cnns and rnns").
     */
    Optional<LearningQuestion> question(String text) {
        return LearningQuestion.of(words(text));
    }

    /** The words of {@code text} as the grammar reads them: lowercase, stop words kept, lists joined by "and". */
    private List<String> words(String text) {
        return QueryWords.of(spoken, StagePlaces.asNumbers(LISTS.matcher(text).replaceAll(" and ")))
                .all();
    }

    /**
     * The node of one of {@code kinds} the text of {@code subject} names: by a whole name or alias ({@link NameKeys}:
     * as typed, corrected, joined or apart) or by words of a name or alias ({@link #inName}:
     * "transformer architecture" of "The Transformer Architecture", "convolutional neural networks" of "Convolutional
     * Neural Networks (CNNs)"). When several are named, the one the subject's search ranks first, with
     * the request's filters when one of them passes them ({@code roadmap=}: that roadmap's "stage 2").
     */
    private Optional<IndexedNode> named(SearchQuery subject, Set<Kind> kinds) {
        return named(subject, kinds, true);
    }

    /**
     * {@link #named(SearchQuery, Set)}; {@code corrected}: when nothing is named, the subject as its search's "did you
     * mean" spells it may name its node ("retreival augmented generation").
     */
    private Optional<IndexedNode> named(SearchQuery subject, Set<Kind> kinds, boolean corrected) {
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
                for (SearchResult.Hit hit : found.hits()) {
                    Integer doc = docs.get(hit.id());
                    IndexedNode node = doc == null ? null : byDoc[doc];
                    if (node != null
                            && kinds.contains(node.node().kind())
                            && (named.contains(hit.id()) || inName(node.node(), words.all()))) {
                        return Optional.of(node);
                    }
                }
            }
            return corrected && didYouMean != null
                    ? named(subject.withText(didYouMean), kinds, false)
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@code text} as typed, its stop words too, is a whole name or alias of a node (without them, "what do i
     * need for kubernetes" would be "kubernetes").
     */
    private boolean namesANode(String text) {
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
    private Optional<IndexedNode> wholeName(SearchQuery subject, Set<Kind> kinds) {
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
