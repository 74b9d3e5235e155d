package dev.skillgraph.projection;

import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.StoredEmbedding;
import dev.skillgraph.search.IndexedNode;
import dev.skillgraph.search.SentenceEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence embedding of every node, computed once per text. Embedding a node text costs milliseconds (BENCHMARKS.md),
 * so vectors are stored on the nodes in Neo4j ({@code embedding}, with {@code embeddingKey}: a SHA-256 of the model
 * name and the text) and reused by every later projection build, in this process or another, for as long as the text
 * is unchanged; the last build's vectors are also kept in memory, so a rebuild after a small change reads and encodes
 * only what changed. Stored on the node rather than beside it because that is where Neo4j's own vector index and
 * Cypher's {@code vector.similarity.cosine} can use them too; the seed import keeps them across re-imports.
 *
 * <p>With a background executor, texts without a vector do not hold up a build: the projection is built with the
 * vectors at hand (nodes without one are found by their words only), the missing ones are encoded off the request
 * path, and {@link #encodeMissing} then asks for a rebuild. So the first start of a large graph is ready as soon as
 * its words are indexed, not minutes later.
 */
public final class NodeVectors {

    private static final Logger LOG = LoggerFactory.getLogger(NodeVectors.class);

    /** A node text still without a vector. */
    private record Missing(String id, String key, String text) {}

    private final SentenceEncoder encoder;
    private final @Nullable GraphRepository repository;
    private final @Nullable Executor background;
    private final Map<String, float[]> byKey = new ConcurrentHashMap<>();
    private List<Missing> missing = List.of();
    private boolean encoding;

    /**
     * Encodes missing vectors during the build.
     *
     * @param repository where vectors are stored and read back; null to keep them in this process only
     */
    public NodeVectors(SentenceEncoder encoder, @Nullable GraphRepository repository) {
        this(encoder, repository, null);
    }

    /**
     * @param background encodes missing vectors after the build ({@link #encodeMissing}); null: during it
     */
    public NodeVectors(SentenceEncoder encoder, @Nullable GraphRepository repository, @Nullable Executor background) {
        this.encoder = encoder;
        this.repository = repository;
        this.background = background;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    /**
     * Every node of {@code nodes} with its vector: from memory, from Neo4j, or (without a background executor) encoded
     * now and stored. With one, nodes without a stored vector are left without and remembered for
     * {@link #encodeMissing}.
     */
    synchronized List<IndexedNode> attach(List<IndexedNode> nodes) {
        long started = System.nanoTime();
        String[] keys = new String[nodes.size()];
        float[][] vectors = new float[nodes.size()][];
        Map<String, Integer> unknown = new HashMap<>(); // node id -> position
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(nodes.get(i).semanticText());
            vectors[i] = byKey.get(keys[i]);
            if (vectors[i] == null) {
                unknown.put(nodes.get(i).node().id(), i);
            }
        }
        int read = 0;
        if (repository != null && !unknown.isEmpty()) {
            for (Map.Entry<String, StoredEmbedding> stored :
                    repository.readEmbeddings(unknown.keySet()).entrySet()) {
                Integer i = unknown.get(stored.getKey());
                StoredEmbedding embedding = stored.getValue();
                if (i != null
                        && embedding.key().equals(keys[i])
                        && embedding.vector().length == SentenceEncoder.DIMENSIONS) {
                    vectors[i] = embedding.vector();
                    read++;
                }
            }
        }
        List<Missing> lacking = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            if (vectors[i] == null) {
                lacking.add(new Missing(
                        nodes.get(i).node().id(), keys[i], nodes.get(i).semanticText()));
            }
        }
        if (background == null) {
            encode(lacking);
            for (int i = 0; i < keys.length; i++) {
                if (vectors[i] == null) {
                    vectors[i] = byKey.get(keys[i]);
                }
            }
            lacking = List.of();
        }
        missing = lacking;
        // Keep in memory only what this graph uses: a node's old text's vector goes with the text.
        Map<String, float[]> current = new HashMap<>();
        List<IndexedNode> withVectors = new ArrayList<>(nodes.size());
        for (int i = 0; i < keys.length; i++) {
            if (vectors[i] != null) {
                current.put(keys[i], vectors[i]);
                withVectors.add(nodes.get(i).withVector(vectors[i]));
            } else {
                withVectors.add(nodes.get(i));
            }
        }
        byKey.keySet().retainAll(current.keySet());
        byKey.putAll(current);
        LOG.info(
                "Sentence embeddings of {} nodes: {} kept from the last build, {} read from Neo4j, {} {}, in {} ms",
                nodes.size(),
                nodes.size() - unknown.size(),
                read,
                background == null ? unknown.size() - read : lacking.size(),
                background == null ? "encoded" : "to encode in the background",
                (System.nanoTime() - started) / 1_000_000);
        return withVectors;
    }

    /**
     * Encodes, off the caller's thread, the texts the last {@link #attach} found without a vector, stores them, and
     * then runs {@code rebuild}; nothing when none is missing or an encoding is already under way (its rebuild
     * attaches what it encoded and asks again for the rest).
     */
    public synchronized void encodeMissing(Runnable rebuild) {
        if (background == null || missing.isEmpty() || encoding) {
            return;
        }
        List<Missing> work = missing;
        missing = List.of();
        encoding = true;
        try {
            background.execute(() -> encodeThen(work, rebuild));
        } catch (RejectedExecutionException e) { // closing: the texts are encoded by the next process to need them
            encoding = false;
        }
    }

    /** Encodes {@code work}, then asks for a rebuild that attaches it. */
    private void encodeThen(List<Missing> work, Runnable rebuild) {
        try {
            long started = System.nanoTime();
            encode(work);
            LOG.info(
                    "Encoded {} node texts in the background in {} ms",
                    work.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Could not encode {} node texts: {}", work.size(), e.toString());
        } finally {
            synchronized (this) {
                encoding = false;
            }
        }
        rebuild.run();
    }

    /** Encodes {@code texts} into memory and stores them on their nodes. */
    private void encode(List<Missing> texts) {
        if (texts.isEmpty()) {
            return;
        }
        List<float[]> encoded =
                encoder.encodeAll(texts.stream().map(Missing::text).toList());
        Map<String, StoredEmbedding> toStore = new HashMap<>();
        for (int m = 0; m < texts.size(); m++) {
            byKey.put(texts.get(m).key(), encoded.get(m));
            toStore.put(texts.get(m).id(), new StoredEmbedding(texts.get(m).key(), encoded.get(m)));
        }
        if (repository != null) {
            try {
                repository.writeEmbeddings(toStore);
            } catch (RuntimeException e) { // a cache: serve the vectors anyway, compute them again next time
                LOG.warn("Could not store {} sentence embeddings in Neo4j: {}", toStore.size(), e.getMessage());
            }
        }
    }

    /** The key of a vector: the model and the text it embeds, hashed. */
    static String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(SentenceEncoder.MODEL.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
