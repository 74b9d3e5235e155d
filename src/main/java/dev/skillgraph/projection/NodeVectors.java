package dev.skillgraph.projection;

import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.StoredEmbedding;
import dev.skillgraph.search.IndexedNode;
import dev.skillgraph.search.SentenceEncoder;
import dev.skillgraph.search.VectorIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence embedding of every node, computed once per text and kept in a {@link VectorIndex} that outlives graph
 * versions. Embedding a node text costs milliseconds (BENCHMARKS.md), so vectors are also stored on the nodes in Neo4j
 * ({@code embedding}, with {@code embeddingKey}: a SHA-256 of the model name and the text) and read back by any later
 * process, for as long as the text is unchanged; stored on the node rather than beside it because that is where
 * Neo4j's own vector index and Cypher's {@code vector.similarity.cosine} can use them too, and the seed import keeps
 * them across re-imports.
 *
 * <p>A graph version {@linkplain #sync syncs} the index: the vectors of nodes gone or changed are deleted, the missing
 * ones read from Neo4j or encoded, {@value #CHUNK} texts at a time, each chunk searchable as soon as it is added. With
 * a background executor that work runs off the build ({@link #fillInBackground}), so the first start of a large graph
 * is ready as soon as its words are indexed, and semantic retrieval finds more nodes chunk by chunk.
 */
public final class NodeVectors implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeVectors.class);

    /**
     * Texts read, encoded, stored and indexed at a time: at 100,000 topics a chunk takes some 8 s to encode, so
     * progress shows every few seconds and a restart loses at most one chunk's work.
     */
    static final int CHUNK = 2_000;

    /** A node's current text and its key. */
    private record Text(String id, String key, String text) {}

    private final SentenceEncoder encoder;
    private final @Nullable GraphRepository repository;
    private final @Nullable Executor background;
    private final VectorIndex index;
    /** Node id to its current text: what the index should hold once filled. */
    private Map<String, Text> wanted = Map.of();

    private boolean filling;

    /**
     * Encodes missing vectors during the build, into an index held in memory.
     *
     * @param repository where vectors are stored and read back; null to keep them in this process only
     */
    public NodeVectors(SentenceEncoder encoder, @Nullable GraphRepository repository) {
        this(encoder, repository, null, VectorIndex.inMemory());
    }

    /**
     * @param background fills the index after a build ({@link #fillInBackground}); null: during it
     * @param index where the vectors are searched; closed with this
     */
    public NodeVectors(
            SentenceEncoder encoder,
            @Nullable GraphRepository repository,
            @Nullable Executor background,
            VectorIndex index) {
        this.encoder = encoder;
        this.repository = repository;
        this.background = background;
        this.index = index;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    public VectorIndex index() {
        return index;
    }

    /**
     * Brings the index to the texts of {@code nodes}: deletes the vectors of nodes gone or changed and, without a
     * background executor, adds the missing ones now (read from Neo4j or encoded).
     */
    void sync(List<IndexedNode> nodes) {
        long started = System.nanoTime();
        Map<String, Text> next = new HashMap<>();
        for (IndexedNode node : nodes) {
            String text = node.semanticText();
            next.put(node.node().id(), new Text(node.node().id(), key(text), text));
        }
        List<Text> missing;
        int deleted;
        synchronized (this) {
            wanted = next;
            deleted = index.retain(id -> {
                Text current = next.get(id);
                return current == null ? null : current.key();
            });
            missing = missing();
        }
        if (background == null) {
            fill(missing);
        }
        LOG.info(
                "Sentence embeddings of {} nodes: {} kept, {} deleted as stale, {} {}, in {} ms",
                nodes.size(),
                nodes.size() - missing.size(),
                deleted,
                missing.size(),
                background == null ? "read from Neo4j or encoded" : "to read or encode in the background",
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Adds, off the caller's thread, the vectors the index lacks for the last synced graph; nothing when none is
     * missing or a fill is under way (it takes up what became missing meanwhile).
     */
    public synchronized void fillInBackground() {
        if (background == null || filling || missing().isEmpty()) {
            return;
        }
        filling = true;
        try {
            background.execute(this::fillAll);
        } catch (RejectedExecutionException e) { // closing: the next process fills them
            filling = false;
        }
    }

    @Override
    public void close() {
        index.close();
    }

    /** Fills until nothing is missing, taking up what a new graph version made missing meanwhile. */
    private void fillAll() {
        long started = System.nanoTime();
        int added = 0;
        try {
            while (true) {
                List<Text> missing;
                synchronized (this) {
                    missing = missing();
                }
                int now = missing.isEmpty() ? 0 : fill(missing);
                if (now == 0) {
                    break;
                }
                added += now;
            }
            LOG.info(
                    "Sentence embeddings of {} node texts added in the background in {} ms",
                    added,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Could not add the sentence embeddings of the node texts: {}", e.toString());
        } finally {
            synchronized (this) {
                filling = false;
            }
        }
    }

    /** The wanted texts whose vector the index lacks. Called holding this object's lock. */
    private List<Text> missing() {
        Map<String, String> indexed = index.keys();
        List<Text> missing = new ArrayList<>();
        for (Text text : wanted.values()) {
            if (!text.key().equals(indexed.get(text.id()))) {
                missing.add(text);
            }
        }
        missing.sort((a, b) -> a.id().compareTo(b.id()));
        return missing;
    }

    /**
     * Adds the vectors of {@code texts}, chunk by chunk: read from Neo4j when stored there with the same key, else
     * encoded and stored; a chunk whose texts changed meanwhile adds only those still wanted.
     *
     * @return how many vectors were added
     */
    private int fill(List<Text> texts) {
        int added = 0;
        for (int from = 0; from < texts.size(); from += CHUNK) {
            List<Text> chunk = texts.subList(from, Math.min(texts.size(), from + CHUNK));
            Map<String, float[]> vectors = stored(chunk);
            List<Text> toEncode =
                    chunk.stream().filter(t -> !vectors.containsKey(t.id())).toList();
            List<float[]> encoded =
                    encoder.encodeAll(toEncode.stream().map(Text::text).toList());
            Map<String, StoredEmbedding> toStore = new HashMap<>();
            for (int i = 0; i < toEncode.size(); i++) {
                vectors.put(toEncode.get(i).id(), encoded.get(i));
                toStore.put(
                        toEncode.get(i).id(),
                        new StoredEmbedding(toEncode.get(i).key(), encoded.get(i)));
            }
            store(toStore);
            List<VectorIndex.Entry> entries = new ArrayList<>(chunk.size());
            synchronized (this) {
                for (Text text : chunk) {
                    Text now = wanted.get(text.id());
                    float[] vector = vectors.get(text.id());
                    if (now != null && now.key().equals(text.key()) && vector != null) {
                        entries.add(new VectorIndex.Entry(text.id(), text.key(), vector));
                    }
                }
                index.add(entries);
            }
            added += entries.size();
        }
        return added;
    }

    /** The vectors of {@code texts} stored in Neo4j for the same text and model, by node id. */
    private Map<String, float[]> stored(List<Text> texts) {
        Map<String, float[]> vectors = new HashMap<>();
        if (repository == null) {
            return vectors;
        }
        Map<String, Text> byId = new HashMap<>();
        texts.forEach(text -> byId.put(text.id(), text));
        repository.embeddings().read(byId.keySet()).forEach((id, embedding) -> {
            Text text = byId.get(id);
            if (text != null
                    && embedding.key().equals(text.key())
                    && embedding.vector().length == SentenceEncoder.DIMENSIONS) {
                vectors.put(id, embedding.vector());
            }
        });
        return vectors;
    }

    /** Stores encoded vectors on their nodes; a failure only costs encoding them again next time. */
    private void store(Map<String, StoredEmbedding> embeddings) {
        if (repository == null || embeddings.isEmpty()) {
            return;
        }
        try {
            repository.embeddings().write(embeddings);
        } catch (RuntimeException e) {
            LOG.warn("Could not store {} sentence embeddings in Neo4j: {}", embeddings.size(), e.getMessage());
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
