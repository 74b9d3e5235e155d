package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RoadmapRef;
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
     * The answer to {@code query} when its text asks a learning-path question about a node it names: the search of
     * the subject's words, saying how the text was read, with the question, its node and the nodes the learner says
     * they know; empty when it asks none, or names no node, or is itself a whole name ("machine learning
     * prerequisites", an FAQ's alias).
     */
    Optional<SearchResult> answer(SearchQuery query) {
        Optional<LearningQuestion> asked = question(query.text());
        if (asked.isEmpty() || namesANode(query.text())) {
            return Optional.empty();
        }
        SearchQuery subject = query.withText(asked.get().subjectText());
        Optional<IndexedNode> about = named(subject, asked.get().asks().kinds());
        if (about.isEmpty()) {
            return Optional.empty();
        }
        // What the learner says they know, each phrase as the node it names (a plan's known ids).
        Set<Kind> plannable = LearningQuestion.Asks.LEARNING_PATH.kinds();
        List<IndexedNode> knowing = asked.get().asks() == LearningQuestion.Asks.LEARNING_PATH
                ? asked.get().known().stream()
                        .flatMap(said -> named(query.withText(String.join(" ", said)), plannable).stream())
                        .distinct()
                        .toList()
                : List.of();
        return Optional.of(answer(asked.get(), query.text(), about.get(), knowing, search.apply(subject)));
    }

    /**
     * The answer to {@code typed}, the question {@code asked} about {@code about} from a learner who says they know {@code
     * knowing}: {@code subjectAnswer}, the search of the subject's words, saying that it is and which node the
     * question is about.
     */
    private static SearchResult answer(
            LearningQuestion asked,
            String typed,
            IndexedNode about,
            List<IndexedNode> knowing,
            SearchResult subjectAnswer) {
        GraphNode node = about.node();
        String read = "read as the question \""
                + (asked.asks() == LearningQuestion.Asks.UNLOCKS
                        ? "what does " + node.name() + " unlock"
                        : "what must I learn " + goal(about))
                + (knowing.isEmpty()
                        ? ""
                        : ", knowing "
                                + String.join(
                                        ", ",
                                        knowing.stream()
                                                .map(known -> known.node().name())
                                                .toList()))
                + "?\"; these hits are for its words: " + asked.subjectText();
        return new SearchResult(
                typed,
                subjectAnswer.hits(),
                subjectAnswer.total(),
                subjectAnswer.totalRelation(),
                subjectAnswer.facets(),
                didYouMean(asked, typed, subjectAnswer.didYouMean()),
                subjectAnswer.notice() == null ? read : read + "; " + subjectAnswer.notice(),
                new SearchResult.Question(
                        asked.asks().key(),
                        node.id(),
                        node.name(),
                        node.kind().key(),
                        knowing.isEmpty()
                                ? null
                                : knowing.stream()
                                        .map(known -> known.node().id())
                                        .toList(),
                        null));
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
     * The question as typed with its subject spelled as {@code subjectDidYouMean}, when the subject is written in it
     * as searched ("prerequisites for transfomers": "prerequisites for transformers"); else none, since correcting
     * only the subject would drop the question.
     */
    private static @Nullable String didYouMean(
            LearningQuestion asked, String typed, @Nullable String subjectDidYouMean) {
        if (subjectDidYouMean == null) {
            return null;
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf(asked.subjectText());
        return at < 0 || lower.length() != typed.length()
                ? null
                : typed.substring(0, at)
                        + subjectDidYouMean
                        + typed.substring(at + asked.subjectText().length());
    }

    /** The learning-path question {@code text} asks ({@link LearningQuestion}), if it asks one. */
    Optional<LearningQuestion> question(String text) {
        return LearningQuestion.of(
                QueryWords.of(spoken, StagePlaces.asNumbers(text)).all());
    }

    /**
     * The node of one of {@code kinds} the text of {@code subject} names: by a whole name or alias ({@link NameKeys}:
     * as typed, corrected, joined or apart) or by words of a name or alias ({@link #inName}:
     * "transformer architecture" of "The Transformer Architecture", "convolutional neural networks" of "Convolutional
     * Neural Networks (CNNs)"). When several are named, the one the subject's search ranks first, with
     * the request's filters when one of them passes them ({@code roadmap=}: that roadmap's "stage 2").
     */
    private Optional<IndexedNode> named(SearchQuery subject, Set<Kind> kinds) {
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
            for (SearchQuery order : orders) {
                for (SearchResult.Hit hit : search.apply(order).hits()) {
                    Integer doc = docs.get(hit.id());
                    IndexedNode node = doc == null ? null : byDoc[doc];
                    if (node != null
                            && kinds.contains(node.node().kind())
                            && (named.contains(hit.id()) || inName(node.node(), words.all()))) {
                        return Optional.of(node);
                    }
                }
            }
            return Optional.empty();
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
     * Whether {@code words} are all words of {@code node}'s name or of one of its aliases, stop words and words in
     * brackets left out: "a/b testing" of "Hypothesis Testing and A/B Testing", "time series forecasting" of "Time
     * Series Analysis and Forecasting".
     */
    private boolean inName(GraphNode node, List<String> words) {
        List<String> names = new ArrayList<>(node.aliases());
        names.add(0, BRACKETS.matcher(node.name()).replaceAll(" "));
        for (String name : names) {
            List<String> named =
                    QueryWords.of(exact, name).normalised(compounds, false).all();
            if (named.containsAll(words)) {
                return true;
            }
        }
        return false;
    }
}
