package dev.skillgraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.junit.jupiter.api.Test;

/** The decoded vocabulary answers as walking the terms dictionary does, and its distance is Damerau-Levenshtein's. */
class VocabularyTest {

    /** Words around the places where UTF-16 and the index disagree on order: U+E000 and up against surrogates. */
    private static final List<String> WORDS = List.of(
            "transformer",
            "transformers",
            "transform",
            "tranformer",
            "tensor",
            "t",
            "ta",
            "kubernetes",
            "k8s",
            "regression",
            "regularization",
            "\uE000x",
            "\uFFFDz",
            "\uD83D\uDCA5",
            "\uD83D\uDCA5boom",
            "\uD83C\uDF89",
            "éclair",
            "ézone");

    @Test
    void completionsAreTheTermsDictionarysInItsOrder() throws IOException {
        Random random = new Random(3);
        List<String> words = new ArrayList<>(WORDS);
        for (int i = 0; i < 300; i++) {
            words.add(randomWord(random));
        }
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            Terms terms = index(directory, words);
            Vocabulary vocabulary = Vocabulary.of(terms);
            List<String> prefixes =
                    new ArrayList<>(List.of("t", "tra", "transformer", "k", "\uE000", "\uD83D", "é", "zz"));
            words.forEach(word -> {
                prefixes.add(word);
                prefixes.add(word.substring(0, Math.max(1, word.length() / 2)));
            });
            for (String prefix : prefixes) {
                if (Character.isSurrogate(prefix.charAt(prefix.length() - 1))) {
                    continue; // not a string the index can hold
                }
                for (int max : new int[] {1, 3, 100}) {
                    assertThat(vocabulary.startingWith(prefix, max))
                            .as("%s, %d at most", prefix, max)
                            .isEqualTo(walk(terms, prefix, max));
                }
            }
        }
    }

    @Test
    void similarWordsShareTheFirstLetterOrSwapTheFirstTwoAndAreWithinTheEdits() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            Vocabulary vocabulary = Vocabulary.of(index(directory, WORDS));
            Map<String, Float> expected = new LinkedHashMap<>();
            expected.put("tranformer", 1f - 1f / 11); // one letter missing
            expected.put("transformer", 1f);
            expected.put("transformers", 1f - 1f / 11);
            assertThat(vocabulary.similar("transformer", 1)).isEqualTo(expected);
            // The first letter is never a typo, but for the first two swapped.
            assertThat(vocabulary.similar("rtansformer", 1)).containsOnlyKeys("transformer");
            assertThat(vocabulary.similar("ratnsformer", 1)).isEmpty();
            assertThat(vocabulary.similar("kubrenetes", 1)).containsOnlyKeys("kubernetes"); // a transposition
            assertThat(vocabulary.similar("zzz", 1)).isEmpty();
        }
    }

    @Test
    void distanceIsDamerauLevenshteinUpToTheLimit() {
        Random random = new Random(7);
        int[][] rows = new int[3][32];
        for (int i = 0; i < 20_000; i++) {
            String a = randomWord(random);
            String b = random.nextBoolean() ? randomWord(random) : typo(a, random);
            if (b.length() > a.length() + 2) {
                continue;
            }
            int max = 1 + random.nextInt(2);
            int full = fullDistance(a, b);
            int banded = Vocabulary.distance(a, b, max, rows);
            if (full <= max) {
                assertThat(banded).as("%s / %s", a, b).isEqualTo(full);
            } else {
                assertThat(banded).as("%s / %s", a, b).isGreaterThan(max);
            }
        }
        assertThat(Vocabulary.distance("backprop", "bakcprop", 1, rows)).isEqualTo(1);
        assertThat(Vocabulary.distance("regresion", "regression", 2, rows)).isEqualTo(1);
        assertThat(Vocabulary.distance("kubernets", "kubernetes", 1, rows)).isEqualTo(1);
        assertThat(Vocabulary.distance("model", "mdoel", 1, rows)).isEqualTo(1);
    }

    private static Terms index(ByteBuffersDirectory directory, List<String> words) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (String word : new TreeSet<>(words)) {
                Document document = new Document();
                document.add(new StringField("spell", word, Field.Store.NO));
                writer.addDocument(document);
            }
        }
        return MultiTerms.getTerms(DirectoryReader.open(directory), "spell");
    }

    /** What the index itself answers: seek to the prefix, read on while terms start with it. */
    private static List<String> walk(Terms terms, String prefix, int max) throws IOException {
        List<String> words = new ArrayList<>();
        BytesRef start = new BytesRef(prefix);
        TermsEnum enumerator = terms.iterator();
        if (enumerator.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return words;
        }
        for (BytesRef term = enumerator.term();
                term != null && StringHelper.startsWith(term, start) && words.size() < max;
                term = enumerator.next()) {
            words.add(term.utf8ToString());
        }
        return words;
    }

    private static String randomWord(Random random) {
        String letters = "abcdet\uE000é";
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(10);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(12) == 0) {
                word.append("\uD83D\uDCA5");
            } else {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
        }
        return word.toString();
    }

    private static String typo(String word, Random random) {
        StringBuilder typo = new StringBuilder(word);
        int at = random.nextInt(word.length());
        switch (random.nextInt(4)) {
            case 0 -> typo.deleteCharAt(at);
            case 1 -> typo.insert(at, 'x');
            case 2 -> typo.setCharAt(at, 'y');
            default -> {
                if (at + 1 < word.length()) {
                    typo.setCharAt(at, word.charAt(at + 1));
                    typo.setCharAt(at + 1, word.charAt(at));
                }
            }
        }
        return typo.toString();
    }

    /** The textbook full table (optimal string alignment), for comparison. */
    private static int fullDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
