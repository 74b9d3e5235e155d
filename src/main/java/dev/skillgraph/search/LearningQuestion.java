package dev.skillgraph.search;

import static dev.skillgraph.search.QuestionPhrases.TYPO_FROM;
import static dev.skillgraph.search.QuestionPhrases.asking;
import static dev.skillgraph.search.QuestionPhrases.canonical;
import static dev.skillgraph.search.QuestionPhrases.endsWith;
import static dev.skillgraph.search.QuestionPhrases.phrases;
import static dev.skillgraph.search.QuestionPhrases.standsSomewhere;
import static dev.skillgraph.search.QuestionPhrases.startsWith;
import static dev.skillgraph.search.QuestionPhrases.trimmed;
import static dev.skillgraph.search.QuestionPhrases.withoutPoliteness;
import static dev.skillgraph.search.QuestionPhrases.withoutStanding;
import static dev.skillgraph.search.QuestionPhrases.withoutTrailing;
import static dev.skillgraph.search.QuestionWords.AFTER_SUBJECT;
import static dev.skillgraph.search.QuestionWords.AUXILIARIES;
import static dev.skillgraph.search.QuestionWords.BEFORE_SUBJECT;
import static dev.skillgraph.search.QuestionWords.DOES;
import static dev.skillgraph.search.QuestionWords.GOING_ON;
import static dev.skillgraph.search.QuestionWords.LEADING;
import static dev.skillgraph.search.QuestionWords.NEED;
import static dev.skillgraph.search.QuestionWords.QUESTION;
import static dev.skillgraph.search.QuestionWords.REACH;
import static dev.skillgraph.search.QuestionWords.TOWARDS;
import static dev.skillgraph.search.QuestionWords.TRAILING;
import static dev.skillgraph.search.QuestionWords.WANT;
import static dev.skillgraph.search.QuestionWords.WAY;
import static dev.skillgraph.search.QuestionWords.WAY_ASKED;
import static dev.skillgraph.search.QuestionWords.concat;
import static dev.skillgraph.search.QuestionWords.words;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.search.QuestionWords.Cue;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A learning-path question typed into the search box: "what must I learn before transformers", "prerequisites for
 * rag", "how to become an ml engineer", "what comes after linear regression", "what does python unlock", "which topics
 * need pandas". The words that ask (the question's cue and the function words around it) are told from the words that
 * name what it is about (the subject), so the subject is searched alone and the answer can say which question of the
 * learning-path API answers it.
 *
 * <p>Our own, not a library's: it reads the two questions of SkillGraph's own API, with a grammar small enough to
 * state here. A question is
 *
 * <ul>
 *   <li>asking words ({@link QuestionWords#ASKING}: question words, pronouns, auxiliaries, learning verbs, greetings, the learner
 *       ("my student"); one typo allowed in those of four letters or more, "waht", "lern"), then a cue, then the
 *       subject. {@code before}, {@code prior to}, {@code prerequisites for}, {@code prereq(s) for}, {@code learning
 *       path to}, {@code roadmap to} ask for prerequisites on their own, {@code become}, and {@code path to} and {@code be
 *       a} for a career or roadmap, only with a question word, and {@code for} only after a word of need or "first" ("what do i need for kubernetes", not "tools for
 *       deployment"); {@code after} asks what the subject unlocks, {@code beyond}, {@code depends on}, {@code built
 *       on (top of)} only with a question word. A cue's first word of five letters or more may have one typo ("befor");
 *   <li>or the subject, then a cue, then asking words: {@code prerequisites}, {@code prereq(s)}, {@code learning
 *       path}; {@code unlocks}; and, with asking words between ("rag: what comes after?"), {@code before} and {@code
 *       after};
 *   <li>or "what does <i>subject</i> require / need to know / build on / depend on", "what is <i>subject</i> built
 *       on" (prerequisites), "what does <i>subject</i> unlock / open up" (what it unlocks); "which topics need
 *       <i>subject</i>" (what it unlocks);
 *   <li>or a way: asking words or words of a way ("get", "switch", "path", "fastest") with a question
 *       word, a noun of a way or wanting one, then "from <i>known</i> to <i>subject</i>", or the other way round: the
 *       learning path to the subject, knowing what it comes from ("how do i get from python to transformers", "from
 *       python to transformers, what's the path?").
 * </ul>
 *
 * What the learner knows is a clause of its own ({@link KnownClause}), after the question or before it ("i know sql,
 * what next", "... if i already know python and numpy"), or all the text says ("i'm comfortable with python": what
 * next). Knowing something and asking no more than what next ("what
 * next", "what can i learn", "now what") asks {@link Asks#NEXT}; so does "what next" alone, of a learner who may have
 * said what they know elsewhere (the request's {@code known=}). A subject's parts joined by "and" may each name a goal ({@link
 * #subjects}).
 *
 * Cues that as often mean something else are not read: "latency requirements", "path to production" (without a
 * question word; with one, "production" names no node), "what does
 * overfitting lead to", "what does a dockerfile need" (measured in two break tests of this grammar, issue #21).
 * Learning verbs and articles before the subject ({@code before learning}, {@code to become an}), and after it asking
 * words, politeness and a kind word ({@code first}, {@code what next}, {@code thanks}, {@code career}) are no part of
 * it. Whether the subject names a node is decided by {@link QuestionSubjects#answer}: "what should i know
 * before i start" has no subject left, and "before the kitchen" names nothing, so both are searched as typed.
 *
 * @param asks what the question asks for
 * @param subject the words that name what it is about, lowercase, as the spoken analyzer split them; none for {@link
 *     Asks#NEXT}
 * @param known what the learner says they know, each as its words: "... if I (already) know python and numpy",
 *     "since I know", "given I know", "as I have learned", "I know sql, what next", "from python to transformers"
 * @param kinds the kinds of node the subject may name: those of {@code asks}, or fewer for a cue that asks about only
 *     some ("what's the path to": a career or roadmap, named by a whole name or alias)
 */
record LearningQuestion(Asks asks, List<String> subject, List<List<String>> known, Set<Kind> kinds) {

    /** A question about any node it can be about, from a learner who says they know {@code known}. */
    LearningQuestion(Asks asks, List<String> subject, List<List<String>> known) {
        this(asks, subject, known, asks.kinds());
    }

    /** A question that says nothing of what the learner knows. */
    LearningQuestion(Asks asks, List<String> subject) {
        this(asks, subject, List.of());
    }

    /** What a learning-path question asks for, each answered by one endpoint of the API. */
    enum Asks {
        /** Everything to learn before it: {@code /api/learning-path/{id}}; any node a plan can be made for. */
        LEARNING_PATH("learning-path", EnumSet.of(Kind.TOPIC, Kind.TOOL, Kind.STAGE, Kind.CAREER, Kind.ROADMAP)),
        /**
         * Everything that depends on it: {@code /api/unlocks/{id}}; topics and tools, the nodes prerequisite edges
         * join (a stage or career has no dependents to list).
         */
        UNLOCKS("unlocks", EnumSet.of(Kind.TOPIC, Kind.TOOL)),
        /**
         * What can be learned next, knowing what the learner says they know: {@code /api/next}; the question has no
         * subject, only {@link #known}, of the kinds a plan can be made for.
         */
        NEXT("next", LEARNING_PATH.kinds);

        private final String key;
        private final Set<Kind> kinds;

        Asks(String key, Set<Kind> kinds) {
            this.key = key;
            this.kinds = kinds;
        }

        /** The name the API gives the question. */
        String key() {
            return key;
        }

        /** The kinds of node the question can be about. */
        Set<Kind> kinds() {
            return kinds;
        }
    }

    /** Words of asking for a next step beyond the asking words: "what's next <b>for</b> me", "a <b>good</b> next step". */
    private static final Set<String> NEXT_STEP =
            QuestionWords.words("for good here from recommend recommended suggest suggestion on list");

    /** The question {@code words} (lowercase, as the spoken analyzer splits them) ask, if they ask one. */
    static Optional<LearningQuestion> of(List<String> words) {
        // A question of its own: one that asks something, or what next ("what can i learn next, knowing python").
        // What next first: its words name nothing, so they are no subject ("what comes after that").
        Predicate<List<String>> asks =
                rest -> next(rest).isPresent() || asked(rest).isPresent();
        return KnownClause.before(words, asks)
                .flatMap(clause -> knowing(clause.question(), phrases(clause.known())))
                .or(() -> KnownClause.after(words, asks)
                        .map(clause -> knowing(clause.question(), phrases(clause.known())))
                        .orElseGet(() -> next(words).or(() -> asked(words))));
    }

    /**
     * What can be learned next, asked with nothing said of what the learner knows: only asking words, with "next" or,
     * after or before a question word, "now" ("what next", "what should i learn next", "now what"). What they know
     * comes from the request, if anywhere; "what can i learn" alone, with no word of a next step, is no question.
     */
    private static Optional<LearningQuestion> next(List<String> words) {
        // Read for every text that asks nothing else: the cheap tests first, a question word (with its typos) last.
        if (words.isEmpty() || !(words.contains("next") || words.contains("now") || standsSomewhere(words))) {
            return Optional.empty();
        }
        List<String> asked = withoutStanding(words);
        return asked.stream().allMatch(word -> asking(word) || TRAILING.contains(word) || NEXT_STEP.contains(word))
                        && (words.contains("next")
                                || asked.stream().anyMatch(word -> QUESTION.contains(canonical(word))))
                ? Optional.of(new LearningQuestion(Asks.NEXT, List.of()))
                : Optional.empty();
    }

    /**
     * The question {@code words} ask, from a learner who knows {@code known}: the question they ask with it, or what
     * can be learned next when they ask no more ("what can i learn next", "what now").
     */
    private static Optional<LearningQuestion> knowing(List<String> words, List<List<String>> known) {
        if (known.isEmpty()) {
            return asked(words);
        }
        Optional<LearningQuestion> asked = next(words).isPresent()
                ? Optional.empty()
                : asked(words)
                        .map(question -> new LearningQuestion(
                                question.asks(),
                                question.subject(),
                                concat(known, question.known()),
                                question.kinds()));
        if (asked.isPresent()) {
            return asked;
        }
        List<String> said = withoutStanding(withoutPoliteness(words));
        // What the learner knows, said alone ("i'm comfortable with python"), asks what follows from it.
        return words.isEmpty()
                        || (said.stream().allMatch(word -> asking(word) || TRAILING.contains(word))
                                && words.stream()
                                        .anyMatch(word -> QUESTION.contains(canonical(word)) || word.equals("next")))
                ? Optional.of(new LearningQuestion(Asks.NEXT, List.of(), known))
                : Optional.empty();
    }

    /** The question {@code words} ask, said without what the learner knows. */
    private static Optional<LearningQuestion> asked(List<String> words) {
        Optional<LearningQuestion> way = way(words).or(() -> wanted(words));
        if (way.isPresent()) {
            return way;
        }
        int asking = 0;
        while (asking < words.size() && asking(words.get(asking))) {
            asking++;
        }
        List<String> before = words.subList(0, asking);
        List<String> rest = words.subList(asking, words.size());
        // A question word anywhere ("beyond X, what should I learn"); one typo only among the asking words.
        boolean questioned = before.stream().anyMatch(word -> QUESTION.contains(canonical(word)))
                || rest.stream().anyMatch(QUESTION::contains);
        // "what does X unlock", "what does a cnn require", "what is vllm built on": X from after the auxiliary to the
        // verb.
        int does = -1;
        for (int i = 0; i < before.size(); i++) {
            if (AUXILIARIES.contains(before.get(i))) {
                does = i;
            }
        }
        if (does >= 0) {
            List<String> asked = withoutPoliteness(words.subList(does + 1, words.size()));
            for (Cue verb : DOES) {
                if (endsWith(asked, verb.words())) {
                    Optional<LearningQuestion> question = question(
                            verb.asks(),
                            asked.subList(0, asked.size() - verb.words().size()));
                    if (question.isPresent()) {
                        return question;
                    }
                }
            }
        }
        boolean needed = before.stream().anyMatch(NEED::contains);
        for (Cue cue : BEFORE_SUBJECT) {
            // A cue of asking words ("be a") ends the asking words: "how to be a data scientist".
            boolean ending = !rest.isEmpty() && endsWith(before, cue.words());
            if ((ending || startsWith(rest, cue.words(), cue.words().get(0).length() > TYPO_FROM))
                    && (questioned || !cue.asked())) {
                return question(
                                cue.asks(),
                                ending ? rest : rest.subList(cue.words().size(), rest.size()))
                        .map(question ->
                                new LearningQuestion(question.asks(), question.subject(), List.of(), cue.kinds()));
            }
        }
        // "what do i need for kubernetes", "what should i learn first for deep learning".
        if ((needed || before.contains("first")) && startsWith(rest, List.of("for"))) {
            return question(Asks.LEARNING_PATH, rest.subList(1, rest.size()));
        }
        // "what do i need to know to use langchain": a learning verb after the words of need leads to the subject.
        // "what do i need to know to learn pytorch": the subject after "to", a learning verb and the words of need.
        if (needed
                && !rest.isEmpty()
                && (before.get(before.size() - 1).equals("to") && LEADING.contains(rest.get(0))
                        || before.contains("what") && before.lastIndexOf("to") > before.indexOf("need"))) {
            return question(Asks.LEARNING_PATH, rest);
        }
        // "which topics need pandas": a word of need ends the question words, and no one needs it ("i need").
        if (questioned
                && !rest.isEmpty()
                && (before.contains("what") || before.contains("which"))
                && NEED.contains(before.get(before.size() - 1))
                && !before.contains("i")
                && !before.contains("we")
                && !before.contains("you")) {
            return question(Asks.UNLOCKS, rest);
        }
        List<String> ended = withoutTrailing(rest);
        for (Cue cue : AFTER_SUBJECT) {
            if (endsWith(ended, cue.words())) {
                List<String> subject =
                        ended.subList(0, ended.size() - cue.words().size());
                int named = subject.size();
                while (named > 0 && asking(subject.get(named - 1))) {
                    named--;
                }
                if (!cue.asked() || named < subject.size()) {
                    return question(cue.asks(), subject.subList(0, named));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A way from what the learner knows to a goal: asking words or words of a way, with a question word or a noun of
     * one ("path", "roadmap"), then "from X to Y", or "from X to Y" then those words ("from python to transformers,
     * what's the path?"): the learning path to Y, knowing X ("how do i get from python to transformers"). X ends at
     * the first "to" after it.
     */
    private static Optional<LearningQuestion> way(List<String> words) {
        int from = words.indexOf("from");
        if (from < 0) {
            return Optional.empty();
        }
        int to = from + 1;
        while (to < words.size() && !TOWARDS.contains(words.get(to))) {
            to++;
        }
        if (to == from + 1 || to >= words.size() - 1) {
            return Optional.empty();
        }
        // The way asked before "from", or after the goal when the text begins with it ("from python to transformers,
        // what's the path?").
        int end = from > 0 ? words.size() : wayAskedFrom(words, to + 2);
        if (!waysAsked(from > 0 ? words.subList(0, from) : words.subList(end, words.size()))) {
            return Optional.empty();
        }
        List<List<String>> known = phrases(words.subList(from + 1, to));
        return question(Asks.LEARNING_PATH, words.subList(to + 1, end))
                .filter(goal -> !known.isEmpty())
                .map(goal -> new LearningQuestion(goal.asks(), goal.subject(), known));
    }

    /**
     * A goal the learner wants, said with asking words only around it: "i want to learn rag, what do i need first",
     * "where do i start if i want to become a data scientist", "i'd like to get into mlops": the learning path to it.
     * Only asking words, verbs of going on and "if" come before the wanting, and only those from a question word or
     * "and" on after the goal.
     */
    private static Optional<LearningQuestion> wanted(List<String> words) {
        int want = 0;
        while (want < words.size() && !WANT.contains(words.get(want))) {
            want++;
        }
        int verb = want + 1 < words.size() && words.get(want + 1).equals("to") ? want + 2 : want + 1;
        // To be something is to have a career ("i want to be a data scientist"), not to be able to do a thing.
        boolean being = verb + 1 < words.size()
                && words.get(verb).equals("be")
                && (words.get(verb + 1).equals("a") || words.get(verb + 1).equals("an"));
        if (verb >= words.size()
                || !(REACH.contains(words.get(verb)) || being)
                || !words.subList(0, want).stream()
                        .allMatch(word -> asking(word) || GOING_ON.contains(word) || word.equals("if"))) {
            return Optional.empty();
        }
        List<String> after = words.subList(verb + 1, words.size());
        int end = after.size();
        for (int at = 0; at < after.size() && end == after.size(); at++) {
            if ((QUESTION.contains(after.get(at)) || after.get(at).equals("and"))
                    && after.subList(at, after.size()).stream()
                            .allMatch(word -> asking(word) || GOING_ON.contains(word) || TRAILING.contains(word))) {
                end = at;
            }
        }
        return question(Asks.LEARNING_PATH, after.subList(0, end))
                .map(goal -> being
                        ? new LearningQuestion(
                                goal.asks(), goal.subject(), goal.known(), EnumSet.of(Kind.CAREER, Kind.ROADMAP))
                        : goal);
    }

    /** Whether {@code words} ask for a way: asking words or words of a way, a question word or a noun of a way. */
    private static boolean waysAsked(List<String> words) {
        return !words.isEmpty()
                && words.stream().allMatch(word -> asking(word) || WAY.contains(word))
                && words.stream().anyMatch(word -> QUESTION.contains(canonical(word)) || WAY_ASKED.contains(word));
    }

    /**
     * Where the question that ends {@code words} begins, from {@code from} on: the first question word or noun of a
     * way followed only by words that ask for one; the size of {@code words} when none does.
     */
    private static int wayAskedFrom(List<String> words, int from) {
        for (int at = from; at < words.size(); at++) {
            String word = words.get(at);
            if ((QUESTION.contains(canonical(word)) || WAY_ASKED.contains(word))
                    && waysAsked(words.subList(at, words.size()))) {
                return at;
            }
        }
        return words.size();
    }

    /**
     * The question about {@code subject} without the words before it that only lead to it and the words after it that
     * only end the question, if any is left.
     */
    private static Optional<LearningQuestion> question(Asks asks, List<String> subject) {
        List<String> named = trimmed(subject);
        return named.isEmpty() ? Optional.empty() : Optional.of(new LearningQuestion(asks, named));
    }

    /** The subject as one text to search. */
    String subjectText() {
        return String.join(" ", subject);
    }

    /** The subject split at "and" or "or" ("transformers and rag"): each part may name a goal of its own. */
    List<List<String>> subjects() {
        return phrases(subject);
    }
}
