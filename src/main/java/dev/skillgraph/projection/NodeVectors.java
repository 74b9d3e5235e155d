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
 */
public final class NodeVectors {

    private static final Logger LOG = LoggerFactory.getLogger(NodeVectors.class);

    private final SentenceEncoder encoder;
    private final @Nullable GraphRepository repository;
    private volatile Map<String, float[]> lastByKey = Map.of();

    /**
     * @param repository where vectors are stored and read back; null to keep them in this process only
     */
    public NodeVectors(SentenceEncoder encoder, @Nullable GraphRepository repository) {
        this.encoder = encoder;
        this.repository = repository;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    /** Every node of {@code nodes} with its vector: from memory, from Neo4j, or encoded now and stored. */
    synchronized List<IndexedNode> attach(List<IndexedNode> nodes) {
        long started = System.nanoTime();
        String[] keys = new String[nodes.size()];
        float[][] vectors = new float[nodes.size()][];
        Map<String, Integer> unknown = new HashMap<>(); // node id -> position
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(nodes.get(i).semanticText());
            vectors[i] = lastByKey.get(keys[i]);
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
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            if (vectors[i] == null) {
                missing.add(i);
            }
        }
        List<float[]> encoded = encoder.encodeAll(
                missing.stream().map(i -> nodes.get(i).semanticText()).toList());
        Map<String, StoredEmbedding> toStore = new HashMap<>();
        for (int m = 0; m < missing.size(); m++) {
            int i = missing.get(m);
            vectors[i] = encoded.get(m);
            toStore.put(nodes.get(i).node().id(), new StoredEmbedding(keys[i], vectors[i]));
        }
        if (repository != null && !toStore.isEmpty()) {
            try {
                repository.writeEmbeddings(toStore);
            } catch (RuntimeException e) { // a cache: serve the vectors anyway, compute them again next time
                LOG.warn("Could not store {} sentence embeddings in Neo4j: {}", toStore.size(), e.getMessage());
            }
        }
        Map<String, float[]> byKey = new HashMap<>();
        List<IndexedNode> withVectors = new ArrayList<>(nodes.size());
        for (int i = 0; i < keys.length; i++) {
            byKey.put(keys[i], vectors[i]);
            withVectors.add(nodes.get(i).withVector(vectors[i]));
        }
        lastByKey = byKey;
        LOG.info(
                "Sentence embeddings of {} nodes: {} kept from the last build, {} read from Neo4j, {} encoded, in {} ms",
                nodes.size(),
                nodes.size() - unknown.size(),
                read,
                missing.size(),
                (System.nanoTime() - started) / 1_000_000);
        return withVectors;
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
