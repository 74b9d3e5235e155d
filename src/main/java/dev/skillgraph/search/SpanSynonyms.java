package dev.skillgraph.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The synonyms of several words of a query, credited to each word they stand for: the other direction of a synonym of
 * several words, which Lucene's synonym filter matches as a phrase but a per-word query never sees ({@link
 * MatchQueries#perWord}, word coverage, missing words, highlights).
 */
final class SpanSynonyms {

    /** The most words a synonym of several words has, in the seed's synonyms ("long short term memory"). */
    static final int MAX_SPAN = 4;

    private SpanSynonyms() {}

    /**
     * The synonyms of several consecutive words of {@code words} (at most {@link #MAX_SPAN}), by each word they stand
     * for: "machine learning" is "ml", so a node with "ml" has both "machine" and "learning", as one with "svm" has
     * "support vector machine". Each is a path of terms as the text fields are searched (a phrase); a path of the span
     * that its words' own paths, one after the other, make is no synonym of the span ({@code paths} of "machine
     * learning" are {@code [ml]} and {@code [machin, learn]}: only {@code [ml]} is). Without this a learner who writes
     * the long form missed every node that has only the short one, though the synonyms go both ways.
     *
     * @param analyzed the query's words analysed with synonyms: only when a token of it spans several positions can
     *     a span have a synonym, so most searches look no further
     */
    static Map<String, Set<List<String>>> of(
            List<String> words, AnalyzedText analyzed, Function<String, List<List<String>>> paths) {
        Map<String, Set<List<String>>> synonyms = new HashMap<>();
        if (words.size() < 2 || !analyzed.spansPositions()) {
            return synonyms; // no synonym of several words, nor of one: each span is its words
        }
        for (int from = 0; from < words.size() - 1; from++) {
            Set<List<String>> own = Set.copyOf(paths.apply(words.get(from)));
            for (int to = from + 1; to < Math.min(words.size(), from + MAX_SPAN); to++) {
                own = followedBy(own, paths.apply(words.get(to)));
                List<String> span = words.subList(from, to + 1);
                for (List<String> path : paths.apply(String.join(" ", span))) {
                    if (!own.contains(path)) {
                        span.forEach(word -> synonyms.computeIfAbsent(word, w -> new LinkedHashSet<>())
                                .add(path));
                    }
                }
            }
        }
        return synonyms;
    }

    /** Every path of {@code first} followed by one of {@code then}. */
    private static Set<List<String>> followedBy(Set<List<String>> first, List<List<String>> then) {
        Set<List<String>> joined = new HashSet<>();
        for (List<String> a : first) {
            for (List<String> b : then) {
                List<String> path = new ArrayList<>(a);
                path.addAll(b);
                joined.add(List.copyOf(path));
            }
        }
        return joined;
    }
}
