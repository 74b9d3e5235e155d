package dev.skillgraph.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.jspecify.annotations.Nullable;

/**
 * Typo tolerance over the index's own words: the indexed words within a query word's edit distance, and "did you
 * mean" for words the index lacks.
 */
final class Spelling {

    private static final int MAX_EXPANSIONS = 10;

    private final Vocabulary words;
    private final IndexReader reader;

    /** @param words every word of names, aliases and summaries (the spell field) */
    Spelling(Vocabulary words, IndexReader reader) {
        this.words = words;
        this.reader = reader;
    }

    /**
     * For each word long enough to carry a typo, the indexed words within its edit distance and their similarity
     * (1 for the word itself), the {@value #MAX_EXPANSIONS} most similar at most. Resolved once per word per search
     * and shared by matching, highlighting and "did you mean".
     */
    Map<String, Map<String, Float>> variants(List<String> queryWords) {
        Map<String, Map<String, Float>> variants = new HashMap<>();
        for (String word : queryWords) {
            int edits = edits(word);
            if (edits == 0) {
                if (word.length() >= 3 && !words.contains(word)) {
                    Map<String, Float> swapped = new LinkedHashMap<>();
                    words.transpositions(word).forEach(t -> swapped.put(t, 1f - 1f / word.length()));
                    if (!swapped.isEmpty()) {
                        variants.put(word, swapped);
                    }
                }
                continue;
            }
            Map<String, Float> similar = words.similar(word, edits);
            if (similar.size() > MAX_EXPANSIONS) {
                similar = similar.entrySet().stream()
                        .sorted(Map.Entry.<String, Float>comparingByValue().reversed())
                        .limit(MAX_EXPANSIONS)
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
            }
            variants.put(word, similar);
        }
        return variants;
    }

    /** Words absent from the index, replaced by their closest indexed variant (the more frequent on a tie); or null. */
    @Nullable
    String didYouMean(List<String> queryWords, Map<String, Map<String, Float>> variants) throws IOException {
        boolean changed = false;
        List<String> corrected = new ArrayList<>(queryWords.size());
        for (String word : queryWords) {
            String best = word;
            if (reader.docFreq(new Term(Fields.SPELL, word)) == 0) {
                float bestSimilarity = -1;
                int bestFreq = -1;
                for (Map.Entry<String, Float> variant :
                        variants.getOrDefault(word, Map.of()).entrySet()) {
                    int freq = reader.docFreq(new Term(Fields.SPELL, variant.getKey()));
                    if (variant.getValue() > bestSimilarity
                            || (variant.getValue() == bestSimilarity && freq > bestFreq)) {
                        best = variant.getKey();
                        bestSimilarity = variant.getValue();
                        bestFreq = freq;
                    }
                }
            }
            if (!best.equals(word) && !isPlural(word, best) && !isPlural(best, word)) {
                changed = true;
                corrected.add(best);
            } else {
                corrected.add(word);
            }
        }
        return changed ? String.join(" ", corrected) : null;
    }

    /** The vocabulary the variants come from. */
    Vocabulary vocabulary() {
        return words;
    }

    /** Indexed words starting with {@code prefix}, up to {@code limit}. */
    List<String> completions(String prefix, int limit) {
        return words.startingWith(prefix, limit);
    }

    /**
     * No typos allowed in words under 5 letters, one up to 8 letters, two from 9 (as Typesense and Meilisearch do);
     * an unknown word of 3 or 4 letters may still be a swap of two neighbouring letters ({@link
     * Vocabulary#transpositions}).
     */
    static int edits(String word) {
        return word.length() >= 9 ? 2 : word.length() >= 5 ? 1 : 0;
    }

    /**
     * "books" for "book" is a plural, not a typo: it matches through stemming and needs no correction, nor does "array"
     * where the index has "arrays".
     */
    private static boolean isPlural(String word, String singular) {
        return word.equals(singular + "s") || word.equals(singular + "es");
    }
}
