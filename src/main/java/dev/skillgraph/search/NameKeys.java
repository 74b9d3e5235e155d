package dev.skillgraph.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The keywords a whole name or alias may equal for one query: typed so, a node's name or alias wins outright ({@link
 * RankedQueries#ranked}). The words as typed, and the readings a learner may have meant by them: corrected, written
 * apart, without a version number, without the words no node has, and the stage's place it names.
 */
final class NameKeys {

    /** Most joined words of a query written apart in its keys ({@link #of}): 2^3 - 1 spellings at most. */
    private static final int MAX_APART_WORDS = 3;

    private final Spelling spelling;

    NameKeys(Spelling spelling) {
        this.spelling = spelling;
    }

    /**
     * The keywords a whole name or alias may equal ({@link QueryWords#keys}) and, last, the words with each one the
     * index lacks spelled as its closest spelling ({@link Spelling#closest}; {@code kubernets}: Kubernetes, though its
     * stem is that of "kubernetes", so it matches as no typo and "did you mean" has nothing to offer), and the words
     * without the numbers that qualify one ({@link QueryWords#numberPhrase}).
     */
    List<String> of(QueryWords words, List<String> spoken, Map<String, Map<String, Float>> variants)
            throws IOException {
        List<String> keys = new ArrayList<>(words.keys(spoken));
        List<String> corrected = new ArrayList<>(words.all().size());
        for (String word : words.all()) {
            corrected.add(spelling.vocabulary().contains(word) ? word : spelling.closest(word, variants));
        }
        String key = String.join(" ", corrected);
        if (!keys.contains(key)) {
            keys.add(key);
        }
        // With joined words written apart as the texts write them, any of them (huggingface dataset: "Hugging Face
        // Datasets", though dataset is also "data set"), for at most MAX_APART_WORDS words.
        List<Integer> joined = new ArrayList<>();
        for (int i = 0; i < corrected.size() && joined.size() < MAX_APART_WORDS; i++) {
            if (apart(corrected.get(i), variants) != null) {
                joined.add(i);
            }
        }
        for (int mask = 1; mask < 1 << joined.size(); mask++) {
            List<String> apart = new ArrayList<>(corrected);
            for (int j = 0; j < joined.size(); j++) {
                if ((mask & 1 << j) != 0) {
                    apart.set(joined.get(j), apart(corrected.get(joined.get(j)), variants));
                }
            }
            String apartKey = String.join(" ", apart);
            if (!keys.contains(apartKey)) {
                keys.add(apartKey);
            }
        }
        // Without the numbers that qualify a word (llama3: "llama"): what Llama 3 is a version of, when no name has it.
        List<String> unnumbered = words.withoutBoundNumbers(words.all());
        String general = String.join(" ", unnumbered);
        if (!unnumbered.isEmpty() && !keys.contains(general)) {
            keys.add(general);
        }
        // Without the words no node has in any spelling: what the rest names (kubernetes for my grandma: Kubernetes,
        // not the names that have it among others; what should my mentee learn before transformers: the alias).
        List<String> had = new ArrayList<>(corrected.size());
        for (int i = 0; i < corrected.size(); i++) {
            String word = words.all().get(i);
            if (spelling.anyNodeHas(word, variants, false)) {
                had.add(corrected.get(i));
            }
        }
        String named = String.join(" ", had);
        if (!had.isEmpty() && had.size() < corrected.size() && !keys.contains(named)) {
            keys.add(named);
        }
        // The place the query names, as a stage's place alias has it (mle stage 1: "stage 1"): the stages at that place
        // come before a node that mentions it in passing ("before stage 1"); the other words then choose the roadmap.
        for (String place : StagePlaces.named(spoken)) {
            if (!keys.contains(place)) {
                keys.add(place);
            }
        }
        return keys;
    }

    /** {@code word} written apart, the phrase among its variants ({@link CompoundWords#withApart}), or null. */
    private static @Nullable String apart(String word, Map<String, Map<String, Float>> variants) {
        for (String variant : variants.getOrDefault(word, Map.of()).keySet()) {
            if (variant.indexOf(' ') >= 0) {
                return variant;
            }
        }
        return null;
    }
}
