package dev.skillgraph.search;

import static dev.skillgraph.search.QuestionWords.ASKING;
import static dev.skillgraph.search.QuestionWords.CUE_WORDS;
import static dev.skillgraph.search.QuestionWords.KIND_WORDS;
import static dev.skillgraph.search.QuestionWords.LEADING;
import static dev.skillgraph.search.QuestionWords.QUESTION;
import static dev.skillgraph.search.QuestionWords.TRAILING;

import java.util.ArrayList;
import java.util.List;

/**
 * The phrases of a learning-path question ({@link LearningQuestion}): the asking words with one typo allowed, the
 * words that only lead to a subject or end a question trimmed off it, the parts of a list, and cues matched at a
 * phrase's start or end. Words are lowercase, as the spoken analyzer splits them.
 */
final class QuestionPhrases {

    private QuestionPhrases() {}

    /** Most letters an asking word may have one typo in, at least (shorter ones are too easily another word). */
    static final int TYPO_FROM = 4;

    /**
     * Pairs of words that say, as "now" does, that the learner asks from where they stand: "where do i go <b>from
     * here</b>", "what should i learn <b>after that</b>". They name nothing the text says, so they are read only
     * with a question word and otherwise only asking words.
     */
    private static final List<List<String>> STANDING = List.of(
            List.of("from", "here"), List.of("from", "there"), List.of("after", "that"), List.of("after", "this"));

    /**
     * {@code words} split at "and" or "or", each phrase without the words that only lead to it or end it; none empty.
     */
    static List<List<String>> phrases(List<String> words) {
        List<List<String>> phrases = new ArrayList<>();
        List<String> phrase = new ArrayList<>();
        for (String word : words) {
            if (word.equals("and") || word.equals("or")) {
                phrases.add(trimmed(phrase));
                phrase = new ArrayList<>();
            } else {
                phrase.add(word);
            }
        }
        phrases.add(trimmed(phrase));
        return phrases.stream().filter(said -> !said.isEmpty()).toList();
    }

    /** Whether {@code word} is an asking word, or one typo from one of {@value #TYPO_FROM} letters or more. */
    static boolean asking(String word) {
        return ASKING.contains(word) || !canonical(word).equals(word);
    }

    /** The asking word {@code word} is one typo from ({@code waht}: what), or {@code word}. */
    static String canonical(String word) {
        if (word.length() < TYPO_FROM || ASKING.contains(word) || CUE_WORDS.contains(word)) {
            return word;
        }
        int[][] rows = new int[3][word.length() + 2];
        for (String known : ASKING) {
            if (known.length() >= TYPO_FROM
                    && Math.abs(known.length() - word.length()) <= 1
                    && Vocabulary.distance(known, word, 1, rows) <= 1) {
                return known;
            }
        }
        return word;
    }

    /**
     * {@code words} without the words before them that only lead to them ("the", "learning") and the words after them
     * that only end the question ("first", "what next", "career").
     */
    static List<String> trimmed(List<String> words) {
        int from = 0;
        int to = words.size();
        // An article before a lone letter is a letter too: "a/b testing" is split as "a b testing".
        while (from < to
                && LEADING.contains(words.get(from))
                && !(from + 1 < to
                        && words.get(from).length() == 1
                        && words.get(from + 1).length() == 1)) {
            from++;
        }
        List<String> named = withoutPoliteness(withoutTrailing(words.subList(from, to)));
        if (named.size() > 1 && KIND_WORDS.contains(named.get(named.size() - 1))) {
            named = named.subList(0, named.size() - 1);
        }
        return List.copyOf(named);
    }

    /**
     * {@code words} without what ends a question after its subject: politeness, "first", "next", and a run of asking
     * words from a question word on ("docker what next", "transformers what should i learn").
     */
    static List<String> withoutTrailing(List<String> words) {
        List<String> polite = withoutPoliteness(words);
        int asking = polite.size();
        while (asking > 0 && ASKING.contains(polite.get(asking - 1))) {
            asking--;
        }
        for (int i = asking; i < polite.size(); i++) {
            if (QUESTION.contains(polite.get(i))) {
                return polite.subList(0, i);
            }
        }
        return polite;
    }

    /** {@code words} without the politeness and "first", "next" that end them. */
    static List<String> withoutPoliteness(List<String> words) {
        int to = words.size();
        while (to > 0 && TRAILING.contains(words.get(to - 1))) {
            to--;
        }
        return words.subList(0, to);
    }

    static boolean startsWith(List<String> words, List<String> cue) {
        return startsWith(words, cue, false);
    }

    /**
     * Whether {@code words} begin with {@code cue} and more; {@code typo}: the cue's first word may be typed with one
     * typo ({@code befor}, {@code prerequisits}).
     */
    static boolean startsWith(List<String> words, List<String> cue, boolean typo) {
        if (words.size() <= cue.size() || !words.subList(1, cue.size()).equals(cue.subList(1, cue.size()))) {
            return false;
        }
        String first = words.get(0);
        String wanted = cue.get(0);
        return first.equals(wanted)
                || (typo
                        && Math.abs(first.length() - wanted.length()) <= 1
                        && Vocabulary.distance(wanted, first, 1, new int[3][first.length() + 2]) <= 1);
    }

    static boolean endsWith(List<String> words, List<String> cue) {
        return words.size() > cue.size()
                && words.subList(words.size() - cue.size(), words.size()).equals(cue);
    }

    /** Whether {@code words} hold a pair of {@link #STANDING}. */
    static boolean standsSomewhere(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (STANDING.contains(words.subList(i, i + 2))) {
                return true;
            }
        }
        return false;
    }

    /** {@code words} without the pairs of {@link #STANDING} in them. */
    static List<String> withoutStanding(List<String> words) {
        List<String> left = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            if (i + 1 < words.size() && STANDING.contains(words.subList(i, i + 2))) {
                i++;
            } else {
                left.add(words.get(i));
            }
        }
        return left;
    }
}
