package dev.skillgraph.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Sentence embeddings for semantic retrieval: all-MiniLM-L6-v2 (Reimers and Gurevych's sentence-transformers model,
 * quantized to 8 bits, 384 dimensions, Apache-2.0), shipped inside a LangChain4j Maven artifact and run in-process on
 * the CPU by ONNX Runtime; nothing is downloaded at run time. The model and its runtime are a library, not our code;
 * what is ours is what gets embedded ({@link IndexedNode#semanticText}) and how the two rankings meet
 * ({@link RankFusion}).
 *
 * <p>Every vector is L2-normalised, so a dot product is the cosine similarity. Costs measured here (BENCHMARKS.md):
 * loading the model about a second, a short query about a millisecond, a node text a few milliseconds. Query vectors
 * are cached by their text (a bounded LRU), since learners and the web page's as-you-type search repeat them.
 * Thread-safe.
 */
public final class SentenceEncoder {

    /** Names the model and its packaging: a stored vector is reused only when computed by the same one. */
    public static final String MODEL = "all-MiniLM-L6-v2-q/langchain4j-embeddings-1.19.0-beta29";

    /** Length of every vector. */
    public static final int DIMENSIONS = 384;

    private static final int QUERY_CACHE_SIZE = 10_000;

    /** The model and tokenizer inside the LangChain4j artifact (mean pooling, as that artifact's own class uses). */
    private static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx";

    static final String TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";

    private final EmbeddingModel model;
    private final Cache<String, float[]> queries =
            Caffeine.newBuilder().maximumSize(QUERY_CACHE_SIZE).build();

    private SentenceEncoder(EmbeddingModel model) {
        this.model = model;
    }

    /**
     * Loads the model from the classpath (about a second, some 100 MB of native memory).
     *
     * <p>Each text runs on the calling thread alone, without ONNX Runtime's spinning worker threads: by default a
     * session spreads one inference over every core and keeps the workers spinning between them, which on a shared
     * machine took the cores from concurrent requests (BENCHMARKS.md). Parallelism comes from the callers instead:
     * concurrent requests, and {@code executor} for {@link #encodeAll}.
     *
     * @param executor runs {@link #encodeAll}'s texts in parallel, and one text at once to warm the model up
     * @throws IllegalStateException when ONNX Runtime cannot load the model (a platform without its natives)
     */
    public static SentenceEncoder load(Executor executor) {
        ClassLoader jar = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
        try (InputStream model = jar.getResourceAsStream(MODEL_FILE);
                InputStream tokenizer = jar.getResourceAsStream(TOKENIZER_FILE);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("the model " + MODEL_FILE + " is not on the classpath");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            SentenceEncoder loaded = new SentenceEncoder(new AbstractInProcessEmbeddingModel(executor) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }
            });
            // The first text encoded also sets up ONNX Runtime's session and the JIT of the tokenizer (0.4-1.5 s
            // measured, against milliseconds after): done once off the caller's thread, so that no learner's first
            // question pays it. The warm-up text is not cached as a query.
            executor.execute(() -> loaded.model.embed("what can I learn next"));
            return loaded;
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("cannot load the sentence-embedding model: " + e.getMessage(), e);
        }
    }

    /** The unit vector of {@code text} (any length: the model reads its first 510 word pieces, then averages). */
    public float[] encode(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("a blank text has no meaning to embed");
        }
        return normalised(model.embed(text).content());
    }

    /**
     * {@link #encode} for a query, from the cache when the same text (case and spacing aside) was asked before; null
     * when the model reads no word piece in it (a text of marks or symbols its tokenizer drops, such as U+17B4): such a
     * text means nothing to it.
     */
    public float @Nullable [] encodeQuery(String text) {
        String key = String.join(" ", text.toLowerCase(Locale.ROOT).strip().split("\\s+"));
        return queries.get(key, query -> {
            try {
                return encode(query);
            } catch (IllegalArgumentException e) { // the model's own refusal of a text without word pieces
                return null;
            }
        });
    }

    /** The unit vectors of {@code texts}, in order; texts are encoded in parallel on the load-time executor. */
    public List<float[]> encodeAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings =
                model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        embeddings.forEach(embedding -> vectors.add(normalised(embedding)));
        return vectors;
    }

    private static float[] normalised(Embedding embedding) {
        float[] vector = embedding.vector().clone();
        double norm = 0;
        for (float x : vector) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) (vector[i] / norm);
            }
        }
        return vector;
    }
}
