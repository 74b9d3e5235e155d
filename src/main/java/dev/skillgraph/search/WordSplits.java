package dev.skillgraph.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The known words an unknown word is made of ({@code scikitlearn}: scikit, learn; {@code kfold}: k, fold), against the
 * index's own vocabulary, for {@link CompoundWords}. SkillGraph's own, for the reasons {@link CompoundWords} gives.
 */
final class WordSplits {

    /** Most parts one word is split into. */
    static final int MAX_PARTS = 3;

    /** Longer words are not split: no name is that long, and splitting costs the square of the length. */
    private static final int MAX_SPLIT_LENGTH = 40;

    /** Parts of a split, common words among them. */
    private static final int MAX_ALL_PARTS = 5;

    private final Vocabulary vocabulary;
    private final Predicate<List<String>> writtenApart;

    /**
     * @param vocabulary the words of names, aliases and summaries
     * @param writtenApart whether a text field has words one after the other ({@link Spelling#inTextApart})
     */
    WordSplits(Vocabulary vocabulary, Predicate<List<String>> writtenApart) {
        this.vocabulary = vocabulary;
        this.writtenApart = writtenApart;
    }

    /**
     * The known words {@code word} is made of, at most {@code max} of them besides common words (chain|of|thought,
     * time|to|first|token: the index leaves those out, so they cost no word of the match), {@value #MAX_ALL_PARTS} in
     * all, the split with the longest shortest part first (scikit|learn, not sci|kitlearn); null when there is none.
     */
    @Nullable
    List<String> parts(String word, int max, boolean lastIsPrefix) {
        return parts(word, max, MAX_ALL_PARTS, lastIsPrefix);
    }

    @Nullable
    private List<String> parts(String word, int max, int maxAll, boolean lastIsPrefix) {
        // A number is one number: 4123 is not 4|123 (stage 4123 had put the stage 4s first).
        if (max < 1
                || maxAll < 2
                || word.length() < 4
                || word.length() > MAX_SPLIT_LENGTH
                || QueryWords.isNumber(word)) {
            return null;
        }
        List<String> best = null;
        int bestShortest = 0;
        for (int at = 1; at < word.length(); at++) {
            String head = word.substring(0, at);
            if (!isPart(head) || !known(head)) {
                continue;
            }
            // A common word costs no word of max; a known word does, and the tail then needs one left.
            int left = Analyzers.STOP_WORDS.contains(head) ? max : max - 1;
            String tail = word.substring(at);
            boolean tailKnown = left >= 1
                    && isPart(tail)
                    && (known(tail)
                            // a version after letters: python3.12, qwen2.5
                            || (QueryWords.isNumber(tail) && Character.isLetter(head.charAt(head.length() - 1)))
                            // a word being typed after a word of the index (scikitlea); after a common word it is
                            // more likely a word mistyped (forres is forest, not for and res...)
                            || (lastIsPrefix
                                    && vocabulary.contains(head)
                                    && !vocabulary.startingWith(tail, 1).isEmpty()));
            List<String> rest = tailKnown ? List.of(tail) : parts(tail, left, maxAll - 1, lastIsPrefix);
            if (rest == null) {
                continue;
            }
            int shortest = head.length();
            for (String part : rest) {
                shortest = Math.min(shortest, part.length());
            }
            if (best == null
                    || rest.size() + 1 < best.size()
                    || (rest.size() + 1 == best.size() && shortest > bestShortest)) {
                best = new ArrayList<>();
                best.add(head);
                best.addAll(rest);
                bestShortest = shortest;
            }
        }
        return best;
    }

    /**
     * {@code word} as a letter and a word that the texts write one right after the other, as they hyphenate them
     * ({@code kfold}: "k-fold", {@code pvalue}: "p-value", {@code topk}: "top-k"); null when they do not. Only the
     * texts' own pairs: one letter is otherwise no part ({@link #isPart}), being too easily a word of some name.
     */
    @Nullable
    List<String> letterJoined(String word) {
        if (word.length() < 3 || word.length() > MAX_SPLIT_LENGTH) {
            return null;
        }
        int last = word.length() - 1;
        for (List<String> parts : List.of(
                List.of(word.substring(0, 1), word.substring(1)),
                List.of(word.substring(0, last), word.substring(last)))) {
            String letter = parts.get(0).length() == 1 ? parts.get(0) : parts.get(1);
            String rest = parts.get(0).length() == 1 ? parts.get(1) : parts.get(0);
            if (Character.isLetter(letter.charAt(0))
                    && vocabulary.contains(letter)
                    && vocabulary.contains(rest)
                    && writtenApart.test(parts)) {
                return parts;
            }
        }
        return null;
    }

    /**
     * Whether {@code word} is more likely a known word mistyped than {@code parts} joined: when a known word is one typo
     * away and the split needs two boundaries or more ({@code langchian} is {@code langchain} with two letters
     * swapped, not {@code lang|chi|an}). The cheaper explanation wins; at one typo against one boundary the split does
     * ({@code gpt4} is {@code gpt|4}, though {@code gpt} is one deletion away), as it keeps every letter typed.
     */
    boolean mistyped(String word, List<String> parts) {
        return parts.size() > 2
                && (!vocabulary.similar(word, 1).isEmpty()
                        || !vocabulary.transpositions(word).isEmpty());
    }

    /** A word of the index, or a common word the index leaves out. */
    private boolean known(String part) {
        return vocabulary.contains(part) || Analyzers.STOP_WORDS.contains(part);
    }

    /** A part has two characters at least, or is a number: one letter alone is too easily a word of some name. */
    private static boolean isPart(String part) {
        return part.length() >= 2 || Character.isDigit(part.charAt(0));
    }
}
