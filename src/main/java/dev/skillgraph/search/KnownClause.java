package dev.skillgraph.search;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What a learner says they know, in a learning-path question ({@link LearningQuestion}): the clause's words and the
 * question's words around it. The clause comes after the question ("... if / since / given (that) / now that i
 * (already) know python and numpy") or before it, up to a question word or a question on its own ("i know sql, what
 * next", "knowing pandas, what can i learn", "given i know statistics, what next", "my student knows python;
 * prerequisites for pytorch"). The learner may be "i", "we", a pronoun or "my student", or a learner in a relative
 * clause after words of the speaker's own ("i'm an assistant helping a learner who knows python"); they know, have
 * learned, studied, finished.
 *
 * @param question the words of the question without the clause, lowercase, as the spoken analyzer split them
 * @param known the words the learner says they know, "and" between things (split by {@link LearningQuestion}); none
 *     when the clause denies knowing ("... if i don't know python"): the question stands without it
 */
record KnownClause(List<String> question, List<String> known) {

    /** A verb of knowing: {@code end}, where the words after it begin; {@code denied}: "don't know", "never used". */
    private record Verb(int end, boolean denied) {}

    /** The words that open a clause of what the learner knows after the question: "if", "since", "given", "now". */
    private static final Set<String> CONDITIONS = Set.of("if", "since", "given", "as", "because", "now", "for");

    /** What may come before who knows: "<b>my</b> student", "<b>a</b> learner who". */
    private static final Set<String> DETERMINERS = QuestionWords.words("my our a an the this");

    /** Who knows: "i", "my student", "she", "someone (who)". */
    private static final Set<String> LEARNERS = QuestionWords.words("i we i've ive i'm im we're he she they student"
            + " students mentee learner learners son daughter kid team junior someone somebody person people user"
            + " users client clients");

    /** The words that open a relative clause: "a learner <b>who</b> knows". */
    private static final Set<String> RELATIVE = QuestionWords.words("who that");

    /**
     * Words between the learner and the verb: "i <b>already</b> know", "she <b>has</b> learned", "someone <b>who</b>
     * knows", "i <b>am</b> comfortable with".
     */
    private static final Set<String> BEFORE_KNOWING =
            QuestionWords.words("already have has do does also just now who that am is are pretty quite very really");

    /** Whether {@code words} say anything of what a learner knows: a verb of knowing, affirmed or denied. */
    static boolean mentionsKnowing(List<String> words) {
        return words.stream()
                .anyMatch(word -> KNOWING.contains(word)
                        || AT_HOME.contains(word)
                        || word.equals("knowing")
                        || word.equals("using"));
    }

    /** The verbs of knowing. */
    private static final Set<String> KNOWING = QuestionWords.words("know knows knew learned learnt studied"
            + " understand understands master mastered use uses used finished completed done took got covered"
            + " practiced practised");

    /**
     * Words that deny the verb of knowing ("i <b>don't</b> know python", "i have <b>never</b> used docker"): such a
     * clause says the learner knows nothing of it.
     */
    private static final Set<String> DENYING = QuestionWords.words(
            "don't dont not never haven't havent didn't didnt" + " hasn't hasnt doesn't doesnt no can't cant");

    /**
     * Words that end what the learner knows and begin what they do not: "i know python <b>but</b> not sql", "... ,
     * <b>not</b> statistics", "everything <b>except</b> sql".
     */
    private static final Set<String> CONTRAST = QuestionWords.union(
            DENYING, QuestionWords.words("but except although though however without excluding apart neither nor"));

    /**
     * What the learner is with what they know, before a word of {@link #AT}: "i'm <b>comfortable</b> with", "she is
     * <b>good</b> at", "i have <b>experience</b> in".
     */
    private static final Set<String> AT_HOME = QuestionWords.words("comfortable familiar good proficient fluent"
            + " experienced confident competent solid strong experience skilled versed");

    /** The prepositions after a word of {@link #AT_HOME}. */
    private static final Set<String> AT = QuestionWords.words("with in at on");

    /** Words that begin a question after what the learner knows: "i know sql, <b>what</b> next". */
    private static final Set<String> QUESTION_WORDS =
            QuestionWords.words("what what's whats which how where when who should can could must");

    /**
     * The clause of what the learner knows that {@code words} begin with, up to a question word or to where {@code
     * asks} says a question begins; else empty.
     */
    static Optional<KnownClause> before(List<String> words, Predicate<List<String>> asks) {
        int start = !words.isEmpty() && CONDITIONS.contains(words.get(0)) ? 1 : 0;
        if (start < words.size() && words.get(start).equals("that")) {
            start++;
        }
        Verb known = knownFrom(words, start);
        if (known == null) {
            known = relativeFrom(words, start);
        }
        if (known == null) {
            return Optional.empty();
        }
        int from = known.end();
        for (int question = from + 1; question < words.size(); question++) {
            List<String> rest = words.subList(question, words.size());
            if (QUESTION_WORDS.contains(words.get(question)) || asks.test(rest)) {
                return Optional.of(new KnownClause(rest, said(words.subList(from, question), known)));
            }
        }
        // The clause alone, of things rather than of a question ("i know what a transformer is"): no question words.
        List<String> said = said(words.subList(from, words.size()), known);
        return said.isEmpty() || said.stream().anyMatch(QUESTION_WORDS::contains)
                ? Optional.empty()
                : Optional.of(new KnownClause(List.of(), said));
    }

    /**
     * What a clause says the learner knows of {@code words}, the words after its {@code verb}: none when the verb is
     * denied, else those before a contrast ("python but not sql": python).
     */
    private static List<String> said(List<String> words, Verb verb) {
        if (verb.denied()) {
            return List.of();
        }
        int end = 0;
        while (end < words.size() && !CONTRAST.contains(words.get(end))) {
            end++;
        }
        // "python and i don't know sql", "python and has never used sql": the learner before the denial is no thing.
        while (end > 0 && (LEARNERS.contains(words.get(end - 1)) || BEFORE_KNOWING.contains(words.get(end - 1)))) {
            end--;
        }
        return words.subList(0, end);
    }

    /**
     * The clause of what the learner knows that ends {@code words}: "... if (that) i (already) know X (and Y)", "...,
     * knowing X", "... (i know X)" when {@code asks} says the words before it are a question.
     */
    static Optional<KnownClause> after(List<String> words, Predicate<List<String>> asks) {
        for (int i = 1; i < words.size(); i++) {
            boolean condition = CONDITIONS.contains(words.get(i));
            int at = condition ? i + 1 < words.size() && words.get(i + 1).equals("that") ? i + 2 : i + 1 : i;
            Verb known = knownFrom(words, at);
            // Without "if", only after a question of its own: not "what should i know before i start". (Asked last:
            // every search's text is read, and few have a clause.)
            if (known != null && known.end() < words.size() && (condition || asks.test(words.subList(0, i)))) {
                return Optional.of(
                        new KnownClause(words.subList(0, i), said(words.subList(known.end(), words.size()), known)));
            }
        }
        return Optional.empty();
    }

    /**
     * The verb of knowing of a learner named in a relative clause after words of the speaker's own ("i'm an ai
     * assistant helping <b>a learner who already knows</b> python", "i tutor <b>a student that</b> has learned sql"):
     * the first learner after {@code start} followed by "who" or "that" and a verb of knowing, when the words before
     * it neither ask (a question word) nor contrast or deny; null when there is none.
     */
    private static @Nullable Verb relativeFrom(List<String> words, int start) {
        for (int learner = start + 1; learner + 1 < words.size(); learner++) {
            String word = words.get(learner);
            if (QUESTION_WORDS.contains(word) || CONTRAST.contains(word)) {
                return null;
            }
            if (LEARNERS.contains(word) && RELATIVE.contains(words.get(learner + 1))) {
                Verb known = knownFrom(words, learner);
                if (known != null) {
                    return known;
                }
            }
        }
        return null;
    }

    /**
     * The verb of knowing at {@code at} in {@code words}: "(my) learner (already, have) know(s)", "knowing", "having
     * learned", "i'm (very) comfortable with", or denied, "i don't know", "i have never used"; null when there is none.
     */
    private static @Nullable Verb knownFrom(List<String> words, int at) {
        if (at < words.size() && words.get(at).equals("knowing")) {
            return new Verb(at + 1, false);
        }
        if (at + 1 < words.size() && words.get(at).equals("having") && KNOWING.contains(words.get(at + 1))) {
            return new Verb(at + 2, false);
        }
        int learner = at < words.size() && DETERMINERS.contains(words.get(at)) ? at + 1 : at;
        if (learner >= words.size() || !LEARNERS.contains(words.get(learner))) {
            return null;
        }
        int verb = learner + 1;
        boolean denied = false;
        while (verb < words.size() && (BEFORE_KNOWING.contains(words.get(verb)) || DENYING.contains(words.get(verb)))) {
            denied |= DENYING.contains(words.get(verb));
            verb++;
        }
        if (verb < words.size() && KNOWING.contains(words.get(verb))) {
            return new Verb(verb + 1, denied);
        }
        return verb + 1 < words.size() && AT_HOME.contains(words.get(verb)) && AT.contains(words.get(verb + 1))
                ? new Verb(verb + 2, denied)
                : null;
    }
}
