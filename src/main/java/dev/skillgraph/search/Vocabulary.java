package dev.skillgraph.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The indexed words of one field, decoded once per index and grouped by first character, in the index's order. Typo
 * variants and completions of a query word are looked up here on every search: walking the terms dictionary instead
 * decodes each candidate to a String and allocates a distance table per candidate, a sixth of a search.
 */
final class Vocabulary {

    private static final String[] NONE = {};

    private final Map<Character, String[]> byFirstChar;

    private Vocabulary(Map<Character, String[]> byFirstChar) {
        this.byFirstChar = byFirstChar;
    }

    /** The words of {@code terms} (null: a field without words). */
    static Vocabulary of(Terms terms) throws IOException {
        Map<Character, List<String>> groups = new HashMap<>();
        if (terms != null) {
            TermsEnum enumerator = terms.iterator();
            for (BytesRef term = enumerator.next(); term != null; term = enumerator.next()) {
                String word = term.utf8ToString();
                if (!word.isEmpty()) {
                    groups.computeIfAbsent(word.charAt(0), c -> new ArrayList<>())
                            .add(word);
                }
            }
        }
        Map<Character, String[]> byFirstChar = new HashMap<>();
        groups.forEach((first, words) -> byFirstChar.put(first, words.toArray(String[]::new)));
        return new Vocabulary(byFirstChar);
    }

    /** True when {@code word} is one of the words. */
    boolean contains(String word) {
        return !word.isEmpty()
                && Arrays.binarySearch(byFirstChar.getOrDefault(word.charAt(0), NONE), word, Vocabulary::inIndexOrder)
                        >= 0;
    }

    /**
     * The words that are {@code word} with two neighbouring letters swapped, the first two too: the one typo allowed
     * in words too short for an edit ({@code lroa} for {@code lora}, {@code slq} for {@code sql}, {@code qsl} too),
     * since a swap keeps every letter and so rarely turns one real word into another.
     */
    List<String> transpositions(String word) {
        return swaps(word, this::contains);
    }

    /**
     * {@code prefix} with two neighbouring letters swapped, where that begins some word and the prefix itself begins
     * none ({@code pnad}: "pand" of "pandas"): the start of a word typed with a swap, as {@link #transpositions} is a
     * whole word typed so.
     */
    List<String> transposedStarts(String prefix) {
        return startingWith(prefix, 1).isEmpty()
                ? swaps(prefix, swapped -> !startingWith(swapped, 1).isEmpty())
                : List.of();
    }

    /** {@code word} with two different neighbouring letters swapped, each spelling once, those {@code kept}. */
    private static List<String> swaps(String word, Predicate<String> kept) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 1 < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i + 1)) {
                continue;
            }
            String swapped = word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
            if (!found.contains(swapped) && kept.test(swapped)) {
                found.add(swapped);
            }
        }
        return found;
    }

    /** The first {@code max} words starting with {@code prefix}, in index order. */
    List<String> startingWith(String prefix, int max) {
        List<String> found = new ArrayList<>();
        if (prefix.isEmpty()) {
            return found;
        }
        String[] group = byFirstChar.getOrDefault(prefix.charAt(0), NONE);
        int from = Arrays.binarySearch(group, prefix, Vocabulary::inIndexOrder);
        for (int i = from >= 0 ? from : -from - 1;
                i < group.length && group[i].startsWith(prefix) && found.size() < max;
                i++) {
            found.add(group[i]);
        }
        return found;
    }

    /**
     * The words within {@code edits} typos of {@code word} (Damerau-Levenshtein) and sharing its first character,
     * with their similarity (1 for the word itself), in index order: typos almost never hit the first letter, but for
     * a swap of the first two ({@code ypthon}), which the word typed with them swapped back is, last.
     */
    Map<String, Float> similar(String word, int edits) {
        Map<String, Float> similar = new LinkedHashMap<>();
        int[][] rows = new int[3][word.length() + edits + 1];
        for (String candidate : byFirstChar.getOrDefault(word.charAt(0), NONE)) {
            if (Math.abs(candidate.length() - word.length()) <= edits) {
                int distance = distance(word, candidate, edits, rows);
                if (distance <= edits) {
                    similar.put(candidate, 1f - (float) distance / word.length());
                }
            }
        }
        if (word.length() > 1 && word.charAt(0) != word.charAt(1)) {
            String swapped = word.charAt(1) + "" + word.charAt(0) + word.substring(2);
            if (contains(swapped)) {
                similar.putIfAbsent(swapped, 1f - 1f / word.length());
            }
        }
        return similar;
    }

    /**
     * Damerau-Levenshtein distance (with transpositions of neighbours, as fuzzy queries count them), giving up once a
     * whole row exceeds {@code max}: the answer is then more than {@code max}. {@code rows} holds three rows at least
     * as long as {@code b} plus one, reused across calls.
     */
    static int distance(String a, String b, int max, int[][] rows) {
        int[] beforePrevious = rows[0];
        int[] previous = rows[1];
        int[] current = rows[2];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, beforePrevious[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }

    /**
     * The terms dictionary's order (UTF-8 bytes, that is code points). Java's {@code compareTo} differs only where a
     * surrogate (a code point above U+FFFF) meets a character from U+E000 up: UTF-16 puts the surrogate first.
     */
    private static int inIndexOrder(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean astralX = Character.isSurrogate(x);
                return astralX == Character.isSurrogate(y) ? x - y : astralX ? 1 : -1;
            }
        }
        return a.length() - b.length();
    }
}
