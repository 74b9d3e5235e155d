package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.domain.RoadmapRef;
import dev.skillgraph.search.LearningQuestion.Asks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.jspecify.annotations.Nullable;

/**
 * Learning-path questions ({@link LearningQuestion}) typed as searches of one index: the question a text asks, whether
 * the text is rather a node's whole name, the nodes its subject and what the learner knows name ({@link
 * SubjectNodes}), the answer that says so, and the part of a question being typed.
 */
final class QuestionSubjects {

    /** What separates the items of a list: "pca, cnns and rnns", "python; sql", "rag & agents", "rag + agents". */
    private static final Pattern LISTS = Pattern.compile("\\s*[,;&]\\s*|\\s+[+/\u2013\u2014]\\s+");

    /** The words that ask a question of their own. */
    private static final Set<String> WH = QuestionWords.words("what what's whats which how where when who why");

    /** What ends a clause within a text: a comma, semicolon, colon or sentence's end before a space, a spaced dash. */
    private static final Pattern CLAUSES = Pattern.compile("[,;:.!?]+\\s+|\\s+[-\u2013\u2014]\\s+");

    /**
     * Most clauses left out of a text to find its question: each try reads a clause and may look up what it names, and
     * a text of many commas would try as many as the square of their number.
     */
    private static final int MOST_LEFT_OUT = 4;

    /** The notice of "what next" said alone. */
    static final String NEXT_ALONE = "read as the question \"what can I learn next?\": what you know answers it, with"
            + " the next steps of question.href, not these words";

    private final Analyzer spoken;
    private final SubjectNodes nodes;
    private final Function<SearchQuery, SearchResult> search;

    /**
     * @param spoken the analyzer of the words as typed, stop words kept
     * @param nodes the nodes a question's phrases name
     * @param search the index's search of a text as typed, questions not read
     */
    QuestionSubjects(Analyzer spoken, SubjectNodes nodes, Function<SearchQuery, SearchResult> search) {
        this.spoken = spoken;
        this.nodes = nodes;
        this.search = search;
    }

    /**
     * The answer to {@code query} when its text asks a learning-path question about nodes it names: the search of the
     * subject's words (of what the learner knows, for what to learn next), saying how the text was read, with the
     * question, its nodes and the nodes the learner says they know; empty when it asks none, or names no node, or is
     * itself a whole name ("machine learning prerequisites", an FAQ's alias). When the whole text asks none, the text
     * without the fewest clauses at its start or end that say nothing of their own may: a greeting, a preamble, thanks
     * ("hi! as a beginner, what must i learn before rag? thanks a lot!").
     */
    Optional<SearchResult> answer(SearchQuery query) {
        String text = query.text();
        Optional<SearchResult> whole = answer(query, text);
        if (whole.isPresent()) {
            return whole;
        }
        // Where each clause begins and ends: the text's ends, and either side of each break.
        List<int[]> breaks = new ArrayList<>();
        breaks.add(new int[] {0, 0});
        CLAUSES.matcher(text).results().forEach(at -> breaks.add(new int[] {at.start(), at.end()}));
        breaks.add(new int[] {text.length(), text.length()});
        // Fewest clauses left out first, up to MOST_LEFT_OUT; of as many, those before the question first ("hi! what
        // ...").
        for (int left = 1; left < Math.min(breaks.size() - 1, MOST_LEFT_OUT + 1); left++) {
            for (int before = left; before >= 0; before--) {
                int[] start = breaks.get(before);
                int[] end = breaks.get(breaks.size() - 1 - (left - before));
                if (start[1] < end[0]
                        && saysNothing(text.substring(0, start[0]))
                        && saysNothing(text.substring(end[1]))) {
                    Optional<SearchResult> clause = answer(query, text.substring(start[1], end[0]));
                    if (clause.isPresent()) {
                        return clause;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the clauses {@code left} out of a question say nothing of their own: no question word ("i know python,
     * what is pandas" is no question of what next), nor what the learner knows, read or not ("i know the basics, what
     * next", "i allready know python. what must i learn before rag": a plan without it would be wrong).
     */
    private boolean saysNothing(String left) {
        List<String> words = words(left);
        return words.stream().noneMatch(WH::contains)
                && !KnownClause.mentionsKnowing(words)
                && LearningQuestion.of(words).isEmpty();
    }

    /** {@link #answer(SearchQuery)} of the question {@code clause}, a clause of the query's text or all of it, asks. */
    private Optional<SearchResult> answer(SearchQuery query, String clause) {
        Optional<LearningQuestion> asked = question(clause);
        if (asked.isEmpty() || nodes.namesANode(clause)) {
            return Optional.empty();
        }
        LearningQuestion question = unlocksOfSeveral(query, asked.get());
        if (question.asks() == Asks.NEXT && question.known().isEmpty()) {
            return Optional.of(nextOfTheRequest(query));
        }
        // What the learner says they know, each phrase as the node it names (a plan's known ids); a phrase that names
        // none would leave out of the plan what they know ("how to get from a numpy array to a tensor"): no question.
        List<Optional<IndexedNode>> said = question.asks() == Asks.UNLOCKS
                ? List.of()
                : question.known().stream()
                        .flatMap(phrase -> known(query, phrase).stream())
                        .toList();
        if (!said.stream().allMatch(Optional::isPresent)) {
            return Optional.empty();
        }
        List<IndexedNode> knowing =
                said.stream().map(Optional::orElseThrow).distinct().toList();
        // A goal the learner knows by another of its names is no goal: "how to go from csv to parquet" names one node
        // twice. By the same words it is the goal ("i know rag. what must i learn before rag?"): its plan has nothing
        // to learn, and the answer says so.
        Set<List<String>> knownAs = Set.copyOf(question.known());
        boolean sameWords = question.subjects().stream().anyMatch(knownAs::contains);
        List<IndexedNode> about = question.asks() == Asks.NEXT
                ? knowing
                : goals(query, question).stream()
                        .filter(goal -> sameWords || !knowing.contains(goal))
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
     * {@code question}, or, when it asks what several things unlock ("what comes after python and sql", "what does
     * numpy and pandas unlock"), what can be learned next knowing them all: one node's dependents answer only one.
     */
    private LearningQuestion unlocksOfSeveral(SearchQuery query, LearningQuestion question) {
        return question.asks() == Asks.UNLOCKS
                        && question.subjects().size() > 1
                        && nodes.wholeName(query.withText(question.subjectText()), question.kinds())
                                .isEmpty()
                ? new LearningQuestion(Asks.NEXT, List.of(), question.subjects())
                : question;
    }

    /**
     * The nodes {@code phrase} of what the learner knows names: each of the names it lists without "and" when they name
     * different nodes ("python sql"), else the one it names whole ("a numpy array" is no list of numpy and arrays).
     */
    private List<Optional<IndexedNode>> known(SearchQuery query, List<String> phrase) {
        List<List<String>> names = nodes.names(phrase);
        if (names.size() > 1) {
            List<Optional<IndexedNode>> each = names.stream()
                    .map(name -> nodes.known(query.withText(String.join(" ", name)), Asks.NEXT.kinds()))
                    .toList();
            if (each.stream().allMatch(Optional::isPresent)
                    && each.stream().distinct().count() == each.size()) {
                return each;
            }
        }
        return List.of(nodes.known(query.withText(String.join(" ", phrase)), Asks.NEXT.kinds()));
    }

    /**
     * The answer to "what next" said alone: the search of its words as typed, saying it is the question of what can be
     * learned next, whose answer depends on what the learner knows (the request's {@code known=}).
     */
    private SearchResult nextOfTheRequest(SearchQuery query) {
        SearchResult typed = search.apply(query);
        return new SearchResult(
                typed.query(),
                typed.hits(),
                typed.total(),
                typed.totalRelation(),
                typed.facets(),
                null,
                NEXT_ALONE + (typed.notice() == null ? "" : "; " + typed.notice()),
                new SearchResult.Question(Asks.NEXT.key(), null, null, null, List.of(), null, null));
    }

    /**
     * The nodes {@code question}'s subject names: for a learning path whose parts joined by "and" each name a node
     * ("transformers and rag"), those nodes, each once; else the one its whole text names, if any.
     */
    private List<IndexedNode> goals(SearchQuery query, LearningQuestion question) {
        Set<Kind> kinds = question.kinds();
        if (!kinds.equals(question.asks().kinds())) {
            // A cue asking about some kinds only names them by a whole name or alias: "what is the path to production"
            // is not the career "production ML engineer"'s.
            return nodes.wholeName(query.withText(question.subjectText()), kinds).stream()
                    .toList();
        }
        List<List<String>> parts = question.subjects();
        if (question.asks() == Asks.LEARNING_PATH && parts.size() > 1) {
            // A name with "and" or commas in it, typed whole ("Statistics and Experimentation"), is one goal.
            Optional<IndexedNode> whole = nodes.wholeName(query.withText(question.subjectText()), kinds);
            if (whole.isPresent()) {
                return List.of(whole.get());
            }
            List<Optional<IndexedNode>> goals = parts.stream()
                    .map(part -> nodes.named(query.withText(String.join(" ", part)), kinds))
                    .toList();
            if (goals.stream().allMatch(Optional::isPresent)) {
                return goals.stream().map(Optional::orElseThrow).distinct().toList();
            }
        }
        return nodes.named(query.withText(question.subjectText()), kinds).stream()
                .toList();
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
                            asked.known().contains(phrase) ? Asks.NEXT.kinds() : asked.kinds()))
                    .orElse(new Typing(asked.subjectText(), asked.kinds()));
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
}
