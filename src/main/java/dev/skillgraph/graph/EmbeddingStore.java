package dev.skillgraph.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The sentence embeddings stored on the nodes in Neo4j, so that each text is encoded once, not at every projection
 * build ({@code embedding}, a list of floats, and {@code embeddingKey}, the hash of the text and model it embeds).
 */
public final class EmbeddingStore {

    private static final String READ_EMBEDDINGS =
            """
            UNWIND $ids AS id
            MATCH (n:Entity {id: id})
            WHERE n.embeddingKey IS NOT NULL
            RETURN n.id AS id, n.embeddingKey AS key, n.embedding AS vector
            """;

    private static final String WRITE_EMBEDDINGS =
            """
            UNWIND $rows AS row
            MATCH (n:Entity {id: row.id})
            SET n.embedding = row.vector, n.embeddingKey = row.key
            """;

    private static final int EMBEDDINGS_PER_TRANSACTION = 1_000;

    private final Driver driver;

    EmbeddingStore(Driver driver) {
        this.driver = driver;
    }

    /**
     * The sentence embeddings stored on the nodes with these ids ({@code embedding}, a list of floats, and
     * {@code embeddingKey}, which says from what text and model it was computed), by id; nodes without one are absent.
     */
    public Map<String, StoredEmbedding> read(Collection<String> ids) {
        try (Session session = GraphRepository.session(driver, AccessMode.READ)) {
            return session.executeRead(tx -> {
                Map<String, StoredEmbedding> stored = new HashMap<>();
                tx.run(READ_EMBEDDINGS, Map.of("ids", List.copyOf(ids))).forEachRemaining(row -> {
                    List<Object> values = row.get("vector").asList();
                    float[] vector = new float[values.size()];
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] = ((Number) values.get(i)).floatValue();
                    }
                    stored.put(
                            row.get("id").asString(),
                            new StoredEmbedding(row.get("key").asString(), vector));
                });
                return stored;
            });
        } catch (Neo4jException e) {
            throw DriverFailures.translate(e, "reading the sentence embeddings");
        }
    }

    /**
     * Stores sentence embeddings on their nodes, in transactions of {@value #EMBEDDINGS_PER_TRANSACTION}; a node that
     * is gone meanwhile is skipped. They are a cache: losing them costs only their recomputation.
     */
    public void write(Map<String, StoredEmbedding> byId) {
        List<Map<String, Object>> rows = new ArrayList<>(byId.size());
        byId.forEach(
                (id, embedding) -> rows.add(Map.of("id", id, "key", embedding.key(), "vector", embedding.vector())));
        try (Session session = GraphRepository.session(driver, AccessMode.WRITE)) {
            for (int from = 0; from < rows.size(); from += EMBEDDINGS_PER_TRANSACTION) {
                List<Map<String, Object>> batch =
                        rows.subList(from, Math.min(rows.size(), from + EMBEDDINGS_PER_TRANSACTION));
                session.executeWrite(
                        tx -> tx.run(WRITE_EMBEDDINGS, Map.of("rows", batch)).consume());
            }
        } catch (Neo4jException e) {
            throw DriverFailures.translate(e, "storing the sentence embeddings");
        }
    }
}
