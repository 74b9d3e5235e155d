package dev.skillgraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.jspecify.annotations.Nullable;

/**
 * Typo tolerance over the index's own words: the indexed words within a query word's edit distance, and "did you
 * mean" for words the index lacks.
 */
final class Spelling {

    private static final int MAX_EXPANSIONS = 10;

    private final Vocabulary words;
    private final IndexReader reader;
    private final Analyzer stemmed;

    /**
     * @param words every word of names, aliases and summaries (the spell field)
     * @param stemmed the analyzer the text fields were indexed with
     */
    Spelling(Vocabulary words, IndexReader reader, Analyzer stemmed) {
        this.words = words;
        this.reader = reader;
        this.stemmed = stemmed;
    }

    /**
     * Whether some text field (name, aliases, summary, description, related names) has {@code word} as it was indexed,
     * stemmed: "weeks" where a description says "week", "class" where a name says "classes". Such a word is no typo
     * and no words joined, though the spell field, which holds names, aliases and summaries as typed, lacks it.
     */
    boolean inText(String word) {
        try {
            for (String term : Analyzers.words(stemmed, word)) {
                for (String field : Fields.TEXT) {
                    if (reader.docFreq(new Term(field, term)) > 0) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the index is in memory
        }
    }

    /**
     * Whether {@code word}, which some text has stemmed ({@link #inText}), is rather a typo of one of {@code
     * variants} that stems like a text's word by chance: it is no English word, and a close word of the index differs
     * from it before its last two letters ({@code recurent} stems as "recurring" does, and is "recurrent" with a letter
     * left out). A close word that differs only in its ending is another form of it, as stemming would have it
     * ({@code encodes}: "encoder", {@code autoscaled}: "autoscaler", {@code tutorial}: "tutorials"). It is still
     * searched as typed too.
     */
    private boolean typoStemmedAlike(String word, Map<String, Float> variants) {
        return !EnglishWords.contains(word)
                && variants.keySet().stream()
                        .anyMatch(variant -> variant.indexOf(' ') < 0
                                && !variant.equals(word)
                                && commonPrefix(word, variant) < Math.min(word.length(), variant.length()) - 2);
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    /**
     * For each word long enough to carry a typo, the indexed words within its edit distance and their similarity
     * (1 for the word itself), the {@value #MAX_EXPANSIONS} most similar at most, but those "did you mean" would not
     * offer ({@link #fitting}). Resolved once per word per search and shared by matching, highlighting and "did you
     * mean".
     */
    Map<String, Map<String, Float>> variants(List<String> queryWords) {
        Map<String, Map<String, Float>> variants = new HashMap<>();
        for (int i = 0; i < queryWords.size(); i++) {
            String word = queryWords.get(i);
            int edits = edits(word);
            if (edits == 0) {
                if (word.length() >= 3 && !words.contains(word) && !inText(word)) {
                    Map<String, Float> swapped = new LinkedHashMap<>();
                    words.transpositions(word).forEach(t -> swapped.put(t, 1f - 1f / word.length()));
                    fitting(queryWords, i, swapped, false);
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
            similar = new LinkedHashMap<>(similar);
            fitting(
                    queryWords,
                    i,
                    similar,
                    similar.containsKey(word) || (inText(word) && !typoStemmedAlike(word, similar)));
            variants.put(word, similar);
        }
        return variants;
    }

    /**
     * Leaves out the variants of the {@code i}-th query word that "did you mean" would not offer ({@link
     * #didYouMean}): a word of the graph ({@code known}) is what was meant, and only another spelling of its sound
     * matches too ({@link SoundAlike#spellings}); an English word the graph lacks likewise ({@code turing} is no typo of
     * "tuning"), unless the variant fits in context ({@link #meant}). Matching a variant "did you mean" keeps quiet
     * about would answer another question in silence.
     */
    private void fitting(List<String> queryWords, int i, Map<String, Float> variants, boolean known) {
        String word = queryWords.get(i);
        if (known) {
            variants.keySet().removeIf(variant -> !variant.equals(word) && !SoundAlike.spellings(word, variant));
        } else if (EnglishWords.contains(word)) {
            variants.keySet().removeIf(variant -> !variant.equals(word) && !meant(queryWords, i, variant));
        }
    }

    /**
     * Whether some text field has {@code words}, stemmed, one right after the other ("non-linear" for {@code non} and
     * {@code linear}); never for a common word, which the index leaves out.
     */
    boolean inTextApart(List<String> words) {
        try {
            List<String> terms = new ArrayList<>(words.size());
            for (String word : words) {
                List<String> stems = Analyzers.words(stemmed, word);
                if (stems.size() != 1) {
                    return false;
                }
                terms.add(stems.get(0));
            }
            IndexSearcher searcher = new IndexSearcher(reader);
            for (String field : Fields.TEXT) {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder();
                terms.forEach(term -> phrase.add(new Term(field, term)));
                if (searcher.count(phrase.build()) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the index is in memory
        }
    }

    /**
     * Words absent from the index, replaced by their closest indexed variant (the more frequent on a tie); or null. A
     * word a text field has stemmed ({@link #inText}) is not absent: {@code array} is had by "arrays", {@code encodes}
     * by "encoder", and needs no correction to them. The variants are those {@link #variants} keeps: an English word is
     * corrected only to what it sounds like or what fits in context ({@link #meant}).
     */
    @Nullable
    String didYouMean(List<String> queryWords, Map<String, Map<String, Float>> variants) throws IOException {
        return didYouMean(queryWords, queryWords, variants);
    }

    /**
     * As {@link #didYouMean(List, Map)}, written as {@code typed} (the words with their common words) with each
     * corrected word replaced ({@code scikt learn}: "scikit learn", not "scikit"); as the corrected words alone when
     * one of them was no word typed (a join or split: {@code xg bost}: "xgboost").
     */
    @Nullable
    String didYouMean(List<String> queryWords, List<String> typed, Map<String, Map<String, Float>> variants)
            throws IOException {
        Map<String, String> corrections = new HashMap<>();
        List<String> corrected = new ArrayList<>(queryWords.size());
        for (int i = 0; i < queryWords.size(); i++) {
            String word = queryWords.get(i);
            String best = reader.docFreq(new Term(Fields.SPELL, word)) == 0
                            && (!inText(word) || typoStemmedAlike(word, variants.getOrDefault(word, Map.of())))
                    ? closest(word, variants)
                    : word;
            if (!best.equals(word)) {
                corrections.put(word, best);
            }
            corrected.add(best);
        }
        if (corrections.isEmpty()) {
            return null;
        }
        if (!typed.containsAll(corrections.keySet())) {
            return String.join(" ", corrected);
        }
        return typed.stream().map(word -> corrections.getOrDefault(word, word)).collect(Collectors.joining(" "));
    }

    /**
     * {@code word}'s closest indexed variant (the more frequent on a tie; the word written apart, {@link
     * CompoundWords#apart}, is no other spelling), or the word itself when it has none.
     */
    String closest(String word, Map<String, Map<String, Float>> variants) throws IOException {
        String best = word;
        float bestSimilarity = -1;
        int bestFreq = -1;
        for (Map.Entry<String, Float> variant :
                variants.getOrDefault(word, Map.of()).entrySet()) {
            if (variant.getKey().indexOf(' ') >= 0) {
                continue;
            }
            int freq = reader.docFreq(new Term(Fields.SPELL, variant.getKey()));
            if (variant.getValue() > bestSimilarity || (variant.getValue() == bestSimilarity && freq > bestFreq)) {
                best = variant.getKey();
                bestSimilarity = variant.getValue();
                bestFreq = freq;
            }
        }
        return best;
    }

    /**
     * Whether {@code correction} of the {@code i}-th query word, an English word the graph lacks, is what was meant:
     * when it sounds the same ({@link SoundAlike#spellings}) or fits in context ({@link #inContext}).
     */
    private boolean meant(List<String> queryWords, int i, String correction) {
        return SoundAlike.spellings(queryWords.get(i), correction) || inContext(queryWords, i, correction);
    }

    /**
     * Whether {@code correction} of the {@code i}-th query word makes, with the word before or after it, two words a
     * text has next to each other ({@code neutral networks}: "neural networks"). An English word the graph lacks is
     * corrected only so: in {@code my computer keeps forgetting}, "forgetting" is meant, and "formatting" is no
     * better (the context-free correction rewrote learners' questions word by word).
     */
    private boolean inContext(List<String> queryWords, int i, String correction) {
        return (i > 0 && inTextApart(List.of(queryWords.get(i - 1), correction)))
                || (i + 1 < queryWords.size() && inTextApart(List.of(correction, queryWords.get(i + 1))));
    }

    /**
     * Whether some node has {@code word} in some spelling: in a name, alias or summary as typed, in some text field
     * stemmed ({@link #inText}), as a typo variant ({@code variants}), or, typed last, as the start of a word ({@link
     * QueryWords#beginsWords}).
     */
    boolean anyNodeHas(String word, Map<String, Map<String, Float>> variants, boolean last) {
        return words.contains(word)
                || inText(word)
                || !variants.getOrDefault(word, Map.of()).isEmpty()
                || (last
                        && QueryWords.beginsWords(word)
                        && !completions(word, 1).isEmpty());
    }

    /**
     * The words of {@code distinct} no node has in any spelling ({@link #anyNodeHas}), as typed ({@code shown}, by
     * position): "pls" and "thx" in {@code pls explain rag thx}.
     *
     * @param last the query's last word, which may be a word begun
     * @param synonymous whether a word has a synonym, alone or with the words beside it ("dl": deep learning;
     *     "artificial" of "artificial intelligence": ai), which nodes may have instead
     */
    List<String> unheard(
            List<String> distinct,
            List<String> shown,
            Map<String, Map<String, Float>> variants,
            String last,
            Predicate<String> synonymous) {
        List<String> unheard = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            if (!anyNodeHas(distinct.get(i), variants, distinct.get(i).equals(last))
                    && !synonymous.test(distinct.get(i))
                    && !unheard.contains(shown.get(i))) {
                unheard.add(shown.get(i));
            }
        }
        return unheard;
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
}
