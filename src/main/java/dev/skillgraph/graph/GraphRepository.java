package dev.skillgraph.graph;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RelType;
import dev.skillgraph.domain.SeedGraph;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * Every Cypher statement of SkillGraph but the embeddings' ({@link EmbeddingStore}), each parameterised and next to the
 * method that runs it.
 */
public final class GraphRepository {

    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final List<String> SCHEMA = List.of(
            "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX entity_source IF NOT EXISTS FOR (n:Entity) ON (n.source)",
            "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
            """
            CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
            FOR (n:Entity) ON EACH [n.name, n.aliases, n.summary, n.description]
            """);

    private static final String STATE =
            """
            OPTIONAL MATCH (m:SkillGraphMeta {id: 'graph'})
            CALL { MATCH (n) RETURN count(n) AS nodes }
            CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
            RETURN m.version AS version, m.contentHash AS hash, nodes, relationships
            """;

    private static final String UPSERT_NODES =
            """
            UNWIND $nodes AS n
            MERGE (e:Entity {id: n.props.id})
            WITH e, n, e.embedding AS embedding, e.embeddingKey AS embeddingKey
            SET e = n.props
            SET e.embedding = embedding, e.embeddingKey = embeddingKey
            REMOVE e:Stage:Topic:Tool:Resource:Career:Faq:Roadmap
            SET e:$(n.label)
            """;

    private static final String DELETE_STALE_NODES =
            """
            MATCH (e:Entity {source: $source})
            WHERE NOT e.id IN $ids
            DETACH DELETE e
            RETURN count(*) AS removed
            """;

    private static final String DELETE_SEED_RELATIONSHIPS =
            """
            MATCH (:Entity)-[r {source: $source}]->(:Entity)
            DELETE r
            """;

    private static final String CREATE_RELATIONSHIPS =
            """
            UNWIND $edges AS e
            MATCH (a:Entity {id: e.from})
            MATCH (b:Entity {id: e.to})
            CREATE (a)-[r:$(e.type)]->(b)
            SET r = e.props
            """;

    private static final String STAMP_VERSION =
            """
            MERGE (m:SkillGraphMeta {id: 'graph'})
            SET m.version = $version, m.contentHash = $hash, m.importedAt = datetime(),
                m.seedNodes = $nodeCount, m.seedRelationships = $relationshipCount
            """;

    private static final String READ_NODES =
            """
            MATCH (n)
            WHERE n.id IS NOT NULL AND any(label IN labels(n) WHERE label IN $labels)
            RETURN n.id AS id, [label IN labels(n) WHERE label IN $labels][0] AS label,
                   n {.*, embedding: null} AS props
            """;

    private static final String READ_EDGES =
            """
            MATCH (a)-[r]->(b)
            WHERE type(r) IN $types AND a.id IS NOT NULL AND b.id IS NOT NULL
            RETURN a.id AS from, type(r) AS type, b.id AS to, r.reason AS reason, r.strength AS strength
            """;

    private final Driver driver;
    private final EmbeddingStore embeddings;

    public GraphRepository(Driver driver) {
        this.driver = driver;
        this.embeddings = new EmbeddingStore(driver);
    }

    /** Creates the unique-id constraint and the indexes; safe to run at every start. */
    public void ensureSchema() {
        try (Session session = session(AccessMode.WRITE)) {
            SCHEMA.forEach(statement -> session.run(statement).consume());
        } catch (Neo4jException e) {
            throw DriverFailures.translate(e, "creating the schema");
        }
    }

    /** True when the server answers a trivial query within {@code timeout}. */
    public boolean ping(Duration timeout) {
        try (Session session = session(AccessMode.READ)) {
            TransactionConfig config =
                    TransactionConfig.builder().withTimeout(timeout).build();
            return session.executeRead(
                            tx -> tx.run("RETURN 1 AS one").single().get("one").asInt(), config)
                    == 1;
        } catch (Neo4jException | IllegalStateException e) { // IllegalStateException: the driver is closed
            return false;
        }
    }

    /** The version stamp and sizes of the graph, in one cheap read (counts come from Neo4j's count store). */
    public GraphState state() {
        try (Session session = session(AccessMode.READ)) {
            return state(session);
        } catch (Neo4jException e) {
            throw DriverFailures.translate(e, "reading the graph version");
        }
    }

    private static GraphState state(Session session) {
        Record row = session.executeRead(tx -> tx.run(STATE).single());
        return GraphRows.state(row, changeToken(session));
    }

    /** The bookmark the server gave the session's last transaction: it moves with every commit to the database. */
    private static String changeToken(Session session) {
        return session.lastBookmarks().stream().map(Bookmark::value).sorted().collect(Collectors.joining(","));
    }

    /**
     * Reads every roadmap node (any node with an {@code id} and a kind label, whether the seed or a user made it) and
     * the relationships among them, in one read transaction. The state they are said to come from is read first, in a
     * transaction of its own: Neo4j reads committed data, not a snapshot, so a write that commits while the nodes and
     * relationships are read may be half seen (its relationship without its node). Recorded before, the state is then
     * older than that write, and the next {@link #state} check reads the graph again; recorded after, it matched the
     * write, and the half-seen graph was served until the next change.
     */
    public GraphData readGraph() {
        List<String> labels = Arrays.stream(Kind.values()).map(Kind::label).toList();
        List<String> types = Arrays.stream(RelType.values()).map(RelType::name).toList();
        try (Session session = session(AccessMode.READ)) {
            GraphState before = state(session);
            return session.executeRead(tx -> {
                List<GraphNode> nodes =
                        tx.run(READ_NODES, Map.of("labels", labels)).list(GraphRows::node);
                List<GraphEdge> edges =
                        tx.run(READ_EDGES, Map.of("types", types)).list(GraphRows::edge);
                return new GraphData(nodes, edges, before);
            });
        } catch (Neo4jException e) {
            throw DriverFailures.translate(e, "reading the graph");
        }
    }

    /** The sentence embeddings stored on the nodes. */
    public EmbeddingStore embeddings() {
        return embeddings;
    }

    /**
     * Writes {@code seed} in one transaction: upserts its nodes, replaces the relationships the seed owns, removes
     * seed-owned nodes that are no longer in it, and stamps a new version. Nodes and relationships added by hand
     * (without {@code source: 'seed'}) are left alone. Either all of it is committed or none of it.
     */
    public ImportResult replaceSeed(SeedGraph seed) {
        long started = System.nanoTime();
        String version =
                VERSION_TIME.format(Instant.now()) + "-" + seed.contentHash().substring(0, 12);
        List<Map<String, Object>> nodes = new ArrayList<>(seed.nodes().size());
        List<String> ids = new ArrayList<>(seed.nodes().size());
        for (GraphNode node : seed.nodes()) {
            Map<String, Object> props = node.properties();
            props.put("source", GraphNode.SEED_SOURCE);
            nodes.add(Map.of("label", node.kind().label(), "props", props));
            ids.add(node.id());
        }
        List<Map<String, Object>> edges = new ArrayList<>(seed.edges().size());
        for (GraphEdge edge : seed.edges()) {
            Map<String, Object> props = new HashMap<>();
            props.put("source", GraphNode.SEED_SOURCE);
            if (edge.reason() != null) {
                props.put("reason", edge.reason());
            }
            if (edge.strength() != null) {
                props.put("strength", edge.strength());
            }
            edges.add(Map.of("from", edge.from(), "type", edge.type().name(), "to", edge.to(), "props", props));
        }
        long removed;
        try (Session session = session(AccessMode.WRITE)) {
            removed = session.executeWrite(tx -> {
                tx.run(UPSERT_NODES, Map.of("nodes", nodes)).consume();
                long stale = tx.run(DELETE_STALE_NODES, Map.of("source", GraphNode.SEED_SOURCE, "ids", ids))
                        .single()
                        .get("removed")
                        .asLong();
                tx.run(DELETE_SEED_RELATIONSHIPS, Map.of("source", GraphNode.SEED_SOURCE))
                        .consume();
                tx.run(CREATE_RELATIONSHIPS, Map.of("edges", edges)).consume();
                tx.run(
                                STAMP_VERSION,
                                Map.of(
                                        "version", version,
                                        "hash", seed.contentHash(),
                                        "nodeCount", nodes.size(),
                                        "relationshipCount", edges.size()))
                        .consume();
                return stale;
            });
        } catch (Neo4jException e) {
            throw DriverFailures.translate(e, "writing the seed");
        }
        return new ImportResult(
                version,
                nodes.size(),
                edges.size(),
                removed,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private Session session(AccessMode mode) {
        return session(driver, mode);
    }

    static Session session(Driver driver, AccessMode mode) {
        return driver.session(
                SessionConfig.builder().withDefaultAccessMode(mode).build());
    }
}
