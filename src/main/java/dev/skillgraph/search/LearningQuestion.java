package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A learning-path question typed into the search box: "what must I learn before transformers", "prerequisites for
 * rag", "what comes after linear regression", "what does python unlock", "what needs pandas". The
 * words that ask (the question's cue and the function words around it) are told from the words that name what it is
 * about (the subject), so the subject is searched alone and the answer can say which question of the learning-path
 * API answers it.
 *
 * <p>Our own, not a library's: it reads the three questions of SkillGraph's own API, with a grammar small enough to
 * state here. A question is
 *
 * <ul>
 *   <li>asking words ({@link #ASKING}: question words, pronouns, auxiliaries and learning verbs, nothing that names a
 *       subject), then a cue, then the subject: {@code before}, {@code prior to}, {@code prerequisites for}, {@code
 *       path to}, {@code for} (only after a word of need: "what do i need for kubernetes", not "tools for
 *       deployment") ask for prerequisites; {@code after} and {@code beyond} for what it unlocks;
 *   <li>or asking words, the subject, then a cue: {@code prerequisites}, {@code requirements}, {@code learning path};
 *       {@code unlocks};
 *   <li>or "what does <i>subject</i> require / need / build on / depend on" (prerequisites), "... unlock / open up /
 *       lead to / enable" (what it unlocks); "what needs / requires / builds on / depends on <i>subject</i>" (what it
 *       unlocks).
 * </ul>
 *
 * A learning verb just before the subject ({@code before learning}, {@code after i finish}) and asking words after it
 * ({@code first}, {@code next}, {@code please}) are left out of the subject. Whether the subject names a node is the
 * searcher's to decide ({@link NodeSearcher#named}): "what should i know before i start" reads as a question about
 * "start", which names nothing, so it is searched as typed.
 *
 * @param asks what the question asks for
 * @param subject the words that name what it is about, lowercase, as the spoken analyzer split them
 */
record LearningQuestion(Asks asks, List<String> subject) {

    /** What a learning-path question asks for, each answered by one endpoint of the API. */
    enum Asks {
        /** Everything to learn before it: {@code /api/learning-path/{id}}. */
        LEARNING_PATH("learning-path"),
        /** Everything that depends on it: {@code /api/unlocks/{id}}. */
        UNLOCKS("unlocks");

        private final String key;

        Asks(String key) {
            this.key = key;
        }

        /** The name the API gives the question. */
        String key() {
            return key;
        }
    }

    /**
     * The words that ask rather than name: question words, pronouns, auxiliaries and modals, articles, learning verbs,
     * and the nouns a learner asks about learning with ("topics", "things", "skills"). None of them names a topic.
     */
    static final Set<String> ASKING = Set.of(
            "what",
            "what's",
            "whats",
            "which",
            "who",
            "how",
            "do",
            "does",
            "did",
            "i",
            "i'm",
            "im",
            "we",
            "you",
            "should",
            "shall",
            "must",
            "need",
            "have",
            "has",
            "got",
            "to",
            "know",
            "learn",
            "study",
            "master",
            "understand",
            "cover",
            "read",
            "first",
            "the",
            "a",
            "an",
            "is",
            "are",
            "can",
            "could",
            "would",
            "will",
            "be",
            "it",
            "me",
            "my",
            "one",
            "topics",
            "topic",
            "things",
            "thing",
            "skills",
            "skill",
            "concepts",
            "subjects",
            "stuff",
            "come",
            "comes",
            "go",
            "goes",
            "next",
            "then",
            "please",
            "tell",
            "show",
            "list",
            "give",
            "required",
            "needed",
            "necessary",
            "else",
            "there",
            "am",
            "really",
            "actually",
            "so",
            "ok",
            "should've",
            "want",
            "wanna",
            "learned",
            "learnt",
            "known");

    /** Words of need, after which {@code for} asks for prerequisites ("what do i need for kubernetes"). */
    private static final Set<String> NEED = Set.of("need", "needs", "needed", "required", "necessary");

    /** Cues before the subject that ask for prerequisites, each as its words. */
    private static final List<List<String>> BEFORE = List.of(
            List.of("before"),
            List.of("prior", "to"),
            List.of("ahead", "of"),
            List.of("prerequisites", "for"),
            List.of("prerequisites", "of"),
            List.of("prerequisites", "to"),
            List.of("prerequisite", "for"),
            List.of("prerequisite", "of"),
            List.of("prereqs", "for"),
            List.of("prereqs", "of"),
            List.of("pre", "requisites", "for"),
            List.of("requirements", "for"),
            List.of("requirements", "of"),
            List.of("path", "to"),
            List.of("path", "for"),
            List.of("path", "towards"),
            List.of("path", "toward"),
            List.of("path", "into"),
            List.of("learning", "path", "to"),
            List.of("learning", "path", "for"),
            List.of("for"));

    /** Cues after the subject that ask for prerequisites. */
    private static final List<List<String>> BEFORE_AFTERWARDS = List.of(
            List.of("prerequisites"),
            List.of("prerequisite"),
            List.of("prereqs"),
            List.of("pre", "requisites"),
            List.of("requirements"),
            List.of("learning", "path"));

    /** Verbs of "what does X ..." that ask for prerequisites; the others of that form ask what it unlocks. */
    private static final List<List<String>> REQUIRES = List.of(
            List.of("require"), List.of("need"), List.of("build", "on"), List.of("depend", "on"), List.of("assume"));

    private static final List<List<String>> UNLOCKED_BY = List.of(
            List.of("unlock"),
            List.of("open", "up"),
            List.of("lead", "to"),
            List.of("enable"),
            List.of("lead", "into"));

    /** Cues before the subject that ask what it unlocks. */
    private static final List<List<String>> AFTER = List.of(List.of("after"), List.of("beyond"));

    /** The auxiliary of "what does X require". */
    private static final Set<String> DOES = Set.of("does", "do");

    /** Verbs of "what ... X" that ask what depends on X. */
    private static final List<List<String>> DEPENDS =
            List.of(List.of("needs"), List.of("requires"), List.of("builds", "on"), List.of("depends", "on"));

    /** A learning verb between a cue and its subject, left out of the subject ("before learning", "after i finish"). */
    private static final Set<String> BEFORE_SUBJECT = Set.of(
            "i",
            "you",
            "we",
            "can",
            "learn",
            "learning",
            "study",
            "studying",
            "start",
            "starting",
            "tackle",
            "tackling",
            "do",
            "doing",
            "know",
            "knowing",
            "finish",
            "finishing",
            "master",
            "mastering",
            "with",
            "on",
            "into",
            "the",
            "a",
            "an",
            "get",
            "getting",
            "move",
            "moving",
            "dive",
            "diving",
            "have",
            "learned",
            "learnt",
            "understand",
            "understanding");

    /** Asking words after the subject, left out of it ("... first", "... please"). */
    private static final Set<String> AFTER_SUBJECT = Set.of("first", "next", "then", "please", "now");

    /** The question {@code words} (lowercase, as the spoken analyzer splits them) ask, if they ask one. */
    static Optional<LearningQuestion> of(List<String> words) {
        int asking = 0;
        while (asking < words.size() && ASKING.contains(words.get(asking))) {
            asking++;
        }
        List<String> before = words.subList(0, asking);
        List<String> rest = words.subList(asking, words.size());
        // "what does X unlock", "what does X require": the verb is the last words.
        if (asking >= 2 && DOES.contains(words.get(asking - 1))) {
            for (List<String> verb : UNLOCKED_BY) {
                if (endsWith(rest, verb)) {
                    return question(Asks.UNLOCKS, rest.subList(0, rest.size() - verb.size()));
                }
            }
            for (List<String> verb : REQUIRES) {
                if (endsWith(rest, verb)) {
                    return question(Asks.LEARNING_PATH, rest.subList(0, rest.size() - verb.size()));
                }
            }
        }
        for (List<String> cue : AFTER) {
            if (startsWith(rest, cue)) {
                return question(Asks.UNLOCKS, rest.subList(cue.size(), rest.size()));
            }
        }
        for (List<String> cue : BEFORE) {
            // "for" asks for prerequisites only after a word of need: "tools for deployment" asks for tools.
            if (startsWith(rest, cue)
                    && (cue.size() > 1
                            || !cue.get(0).equals("for")
                            || before.stream().anyMatch(NEED::contains))) {
                return question(Asks.LEARNING_PATH, rest.subList(cue.size(), rest.size()));
            }
        }
        if (before.contains("what") || before.contains("which")) {
            for (List<String> cue : DEPENDS) {
                if (startsWith(rest, cue)) {
                    return question(Asks.UNLOCKS, rest.subList(cue.size(), rest.size()));
                }
            }
        }
        for (List<String> cue : BEFORE_AFTERWARDS) {
            if (endsWith(rest, cue)) {
                return question(Asks.LEARNING_PATH, rest.subList(0, rest.size() - cue.size()));
            }
        }
        if (endsWith(rest, List.of("unlocks"))) {
            return question(Asks.UNLOCKS, rest.subList(0, rest.size() - 1));
        }
        return Optional.empty();
    }

    /** The question about {@code subject} without its leading learning verbs and trailing asking words, if any is left. */
    private static Optional<LearningQuestion> question(Asks asks, List<String> subject) {
        int from = 0;
        int to = subject.size();
        while (from < to && BEFORE_SUBJECT.contains(subject.get(from))) {
            from++;
        }
        while (to > from && AFTER_SUBJECT.contains(subject.get(to - 1))) {
            to--;
        }
        return from == to
                ? Optional.empty()
                : Optional.of(new LearningQuestion(asks, List.copyOf(subject.subList(from, to))));
    }

    private static boolean startsWith(List<String> words, List<String> cue) {
        return words.size() > cue.size() && words.subList(0, cue.size()).equals(cue);
    }

    private static boolean endsWith(List<String> words, List<String> cue) {
        return words.size() > cue.size()
                && words.subList(words.size() - cue.size(), words.size()).equals(cue);
    }

    /**
     * The answer to {@code typed}, this question about {@code about}: {@code subjectAnswer}, the search of the
     * subject's words, saying that it is and which node the question is about.
     */
    SearchResult answer(String typed, GraphNode about, SearchResult subjectAnswer) {
        String read = "read as the question \""
                + (asks == Asks.LEARNING_PATH
                        ? "what must I learn before " + about.name()
                        : "what does " + about.name() + " unlock")
                + "?\"; these hits are for its words: " + subjectText();
        return new SearchResult(
                typed,
                subjectAnswer.hits(),
                subjectAnswer.total(),
                subjectAnswer.totalRelation(),
                subjectAnswer.facets(),
                didYouMean(typed, subjectAnswer.didYouMean()),
                subjectAnswer.notice() == null ? read : read + "; " + subjectAnswer.notice(),
                new SearchResult.Question(
                        asks.key(), about.id(), about.name(), about.kind().key(), null));
    }

    /**
     * The question as typed with its subject spelled as {@code subjectDidYouMean}, when the subject is written in it
     * as searched ("prerequisites for transfomers": "prerequisites for transformers"); else none, since correcting
     * only the subject would drop the question.
     */
    private @Nullable String didYouMean(String typed, @Nullable String subjectDidYouMean) {
        if (subjectDidYouMean == null) {
            return null;
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf(subjectText());
        return at < 0 || lower.length() != typed.length()
                ? null
                : typed.substring(0, at)
                        + subjectDidYouMean
                        + typed.substring(at + subjectText().length());
    }

    /** The subject as one text to search. */
    String subjectText() {
        return String.join(" ", subject);
    }
}
