package dev.skillgraph.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.KStemFilter;

/**
 * English words: the whole-word pieces of three letters or more in the sentence model's WordPiece vocabulary (BERT's
 * uncased vocabulary of 30,522 pieces, learnt from English Wikipedia and BooksCorpus, Devlin et al. 2019), read from the artifact that ships the model. Splitting joined words asks it: a query word the index lacks
 * but English has ({@code someone}, {@code notable}, {@code within}) is a word the graph does not use, not two of the
 * graph's words joined ({@code some|one}, {@code not|able}), while joined names are no English words ({@code
 * scikitlearn}, {@code randomforest}, {@code timeseries}); and two words of it typed apart are two words, not one
 * mistyped ({@code fog low} is not {@code follow}). A list kept by others beats one of ours, and this one
 * already ships beside the model (whether semantic retrieval is on or off).
 */
final class EnglishWords {

    private static final int MIN_LENGTH = 3;

    private EnglishWords() {}

    /**
     * Whether {@code word} (lowercase) is an English word of three letters or more: a piece of the vocabulary, or
     * another form of one, a word with the same Krovetz stem (KStem inflects only into words of its own English
     * dictionary, so a typo such as "recurent" keeps its letters). The vocabulary holds whichever forms were frequent
     * in its corpus, often not all ({@code learners} but not "learner", {@code trick} but not "tricking"); without
     * the others, "learner" was corrected to "learned", and "tricking" to "tracking".
     */
    static boolean contains(String word) {
        return word.length() >= MIN_LENGTH && (Holder.WORDS.contains(word) || Holder.STEMS.contains(stem(word)));
    }

    /** One word, its Krovetz stem. */
    private static final Analyzer KSTEM = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer word = new KeywordTokenizer();
            return new TokenStreamComponents(word, new KStemFilter(word));
        }
    };

    private static String stem(String word) {
        List<String> stems = Analyzers.words(KSTEM, word);
        return stems.isEmpty() ? word : stems.get(0);
    }

    /**
     * Reads the words now, off the caller's thread (0.6 s on a cold JVM of the 2-core reference machine: the tokenizer's
     * JSON and a stem for each word), so that no learner's first query with a word the graph lacks pays it.
     */
    static void loadInBackground() {
        CompletableFuture.runAsync(() -> Holder.STEMS.size());
    }

    /** Read once, on first use or {@link #loadInBackground}. */
    private static final class Holder {
        static final Set<String> WORDS = read();
        static final Set<String> STEMS = WORDS.stream().map(EnglishWords::stem).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> read() {
        ClassLoader jar = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
        try (InputStream tokenizer = jar.getResourceAsStream(SentenceEncoder.TOKENIZER_FILE)) {
            if (tokenizer == null) {
                throw new IllegalStateException(
                        "the tokenizer " + SentenceEncoder.TOKENIZER_FILE + " is not on the classpath");
            }
            JsonNode vocabulary =
                    new ObjectMapper().readTree(tokenizer).path("model").path("vocab");
            Set<String> words = new HashSet<>();
            for (Iterator<String> pieces = vocabulary.fieldNames(); pieces.hasNext(); ) {
                String piece = pieces.next();
                // "##able" continues a word; "[CLS]", digits and punctuation are no words.
                if (piece.length() >= MIN_LENGTH && piece.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                    words.add(piece);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
