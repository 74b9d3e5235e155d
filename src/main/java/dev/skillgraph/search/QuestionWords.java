package dev.skillgraph.search;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.search.LearningQuestion.Asks;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words of learning-path questions ({@link LearningQuestion}): the asking words, the cues and which question each
 * asks, and the words around a subject that only lead to it or end it. The grammar that reads them is {@link
 * LearningQuestion}'s; the lists grew from break tests of it by people who had not read them (issue #21).
 */
final class QuestionWords {

    private QuestionWords() {}

    /**
     * A cue and the question it asks; {@code asked}: only after a question word; {@code kinds}: the kinds of node its
     * subject may name, the question's ({@link Asks#kinds}) or fewer.
     */
    record Cue(List<String> words, Asks asks, boolean asked, Set<Kind> kinds) {

        static Cue of(Asks asks, boolean asked, String words) {
            return new Cue(List.of(words.split(" ")), asks, asked, asks.kinds());
        }
    }

    /** Question words: those that make a run of asking words a question ("what ... for", not "tools for"). */
    static final Set<String> QUESTION =
            words("what what's whats which how where when who should must do does can could would i we need"
                    + " needs needed required necessary is are");

    /**
     * The words that ask rather than name: question words, pronouns, auxiliaries and modals, articles, learning verbs,
     * greetings, and the nouns a learner asks about learning with ("topics", "things", "skills", "steps"). None of
     * them names a topic.
     */
    static final Set<String> ASKING = union(
            QUESTION,
            words(
                    "did i'm im i'd we'd you shall have has got to know learn study master understand cover read first and"
                            + " the a an be it me my one topics topic things thing skills skill concepts subjects stuff"
                            + " steps step come comes go goes next then please pls plz tell show list give else there am"
                            + " really actually so ok okay hi hello hey want wanna learned learnt known was were will"
                            + " lies lie student students beginner beginners newbie mentee learner learners junior"
                            + " someone team kid son daughter she he they them her him his their teach teaching wants"
                            + " user client"));

    /** The verbs of a learner asking how to go on, beyond {@link #ASKING}'s: "how do i get started". */
    static final Set<String> GOING_ON =
            words("start started starting begin beginning help practice practise prepare studying reading");

    /**
     * Whether {@code words} (lowercase, stop words kept) are a question of only asking words: a question word first,
     * then words that ask, stop words or verbs of going on ("what should i study", "how do i get started", "what
     * next"). Such a question names nothing, so its words are common words; searched by their other words, it found
     * whatever text said "case studies" or "next-token".
     */
    static boolean asksOnly(List<String> words) {
        return words.size() >= 2
                && QUESTION.contains(words.get(0))
                && words.stream()
                        .allMatch(word -> ASKING.contains(word)
                                || GOING_ON.contains(word)
                                || Analyzers.STOP_WORDS.contains(word));
    }

    /** Words of wanting a goal: "i <b>want</b> to learn rag", "i'd <b>like</b> to become a data scientist". */
    static final Set<String> WANT = words("want wants wanna like hope hoping plan planning aim aiming trying goal");

    /** The verbs of reaching a goal one wants: "i want to <b>learn</b> rag", "... to <b>get</b> into mlops". */
    static final Set<String> REACH = words(
            "learn study master become understand get move break transition switch start" + " begin dive pick explore");

    /** Words of need, after which {@code for} asks for prerequisites ("what do i need for kubernetes"). */
    static final Set<String> NEED = words("need needs needed required necessary");

    /** Cues before the subject, longest first where one begins another ("built on top of", "built on"). */
    static final List<Cue> BEFORE_SUBJECT = concat(
            cues(Asks.LEARNING_PATH, false, "before, prior to"),
            cues(Asks.LEARNING_PATH, true, "ahead of"),
            cues(
                    Asks.LEARNING_PATH,
                    false,
                    "prerequisites for, prerequisites of, prerequisites to,"
                            + " prerequisite for, prerequisite of, prereqs for, prereq for, roadmap to,"
                            + " roadmap for, prereqs of, pre requisites for, prerequisites, prereqs,"
                            + " learning path to, learning path for, learning path towards,"
                            + " learning path into"),
            cues(Asks.LEARNING_PATH, true, "become, becoming"),
            // "what's the path to ml engineer", "how to be an ml engineer": a career's or roadmap's; a topic's is a
            // way to deploy it ("what is the path to production") or a file's ("the path to the jupyter notebook").
            cues(Asks.LEARNING_PATH, true, "path to, path towards, path into, route to, be a, be an").stream()
                    .map(cue -> new Cue(cue.words(), cue.asks(), true, EnumSet.of(Kind.CAREER, Kind.ROADMAP)))
                    .toList(),
            cues(Asks.UNLOCKS, false, "after"),
            // What depends on the subject: "what depends on python", "which topics are built on transformers".
            cues(
                    Asks.UNLOCKS,
                    true,
                    "beyond, depends on, depend on, requires, require, builds on top of, build on top of,"
                            + " built on top of, builds on, build on, built on, relies on, rely on"));

    /** Cues after the subject ("rag prerequisites"). */
    static final List<Cue> AFTER_SUBJECT = concat(
            cues(
                    Asks.LEARNING_PATH,
                    false,
                    "prerequisites, prerequisite, prereqs, prereq, pre requisites, learning path"),
            cues(Asks.UNLOCKS, false, "unlocks"),
            // Only with asking words between: "rag, what comes after?", not "step after step".
            cues(Asks.LEARNING_PATH, true, "before"),
            cues(Asks.UNLOCKS, true, "after"));

    /** The auxiliaries of "what does X require", "what is X built on". */
    static final Set<String> AUXILIARIES = words("does do did is are");

    /** The verbs of "what does X ...", each asking for prerequisites or for what X unlocks. */
    static final List<Cue> DOES = concat(
            cues(
                    Asks.LEARNING_PATH,
                    true,
                    "require, need to know, need to learn, built on top of, build on top of, built on, based on,"
                            + " build on,"
                            + " depend on, rely on, assume"),
            cues(Asks.UNLOCKS, true, "unlock, open up"));

    /** The words of every cue: never read as a typo of an asking word ("requires" is no typo of "required"). */
    static final Set<String> CUE_WORDS = Stream.of(BEFORE_SUBJECT, AFTER_SUBJECT, DOES)
            .flatMap(List::stream)
            .flatMap(cue -> cue.words().stream())
            .collect(Collectors.toUnmodifiableSet());

    /** Words between a cue and its subject ("before learning", "after i finish", "to become an"). */
    static final Set<String> LEADING =
            words("i you we can learn learning study studying start starting tackle tackling do doing know"
                    + " knowing finish finishing master mastering with on into the a an get getting move moving"
                    + " dive diving have learned learnt understand understanding using use becoming become and also about"
                    + " some little bit of started");

    /** Words that end a question without naming anything: politeness, what the learner asks next, a dangling "and". */
    static final Set<String> TRAILING = words("first next then now please pls plz thanks thank thx ty cheers and down");

    /** A kind word after a subject ("the data scientist career"), left out when something is left. */
    static final Set<String> KIND_WORDS = words("career role job topic tool stage");

    /**
     * Words before "from ... to ..." that ask for a way from one to the other: "how do i get from python to
     * transformers", "path from sql to rag", "switching from data analyst to ml engineer".
     */
    static final Set<String> WAY = words(
            "get getting go going move moving path route way roadmap learning"
                    + " switch switching transition transitioning progress journey plan fastest quickest best easiest shortest");

    /** The words that make words of a way ask for one: a noun of a way, or wanting one ("my student wants to get"). */
    static final Set<String> WAY_ASKED = words("path route way roadmap want wants wanna");

    /** The words that end the start of a way and begin its end: "from python <b>to</b> transformers". */
    static final Set<String> TOWARDS = words("to into towards toward");

    /** The cues of one question: {@code cues} separated by commas, each its words separated by spaces. */
    static List<Cue> cues(Asks asks, boolean asked, String cues) {
        return Arrays.stream(cues.split(", "))
                .map(cue -> Cue.of(asks, asked, cue))
                .toList();
    }

    /** The elements of {@code groups}, in their order. */
    @SafeVarargs
    static <T> List<T> concat(List<T>... groups) {
        return Arrays.stream(groups).flatMap(List::stream).toList();
    }

    /** The words of {@code text}, separated by spaces. */
    static Set<String> words(String text) {
        return Set.of(text.split(" "));
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
