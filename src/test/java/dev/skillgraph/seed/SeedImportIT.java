package dev.skillgraph.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.GraphSnapshot;
import dev.skillgraph.graph.ImportResult;
import dev.skillgraph.graph.SharedNeo4j;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

/** Imports into a real Neo4j over Bolt: atomic, idempotent, and respectful of what users add by hand. */
@ExtendWith(SharedNeo4j.class)
class SeedImportIT {

    @TempDir
    Path seed;

    private final Driver driver;
    private final GraphRepository repository;

    SeedImportIT(Driver driver) {
        this.driver = driver;
        this.repository = new GraphRepository(driver);
    }

    @BeforeEach
    void emptyGraph() {
        SharedNeo4j.clear(driver);
    }

    private SeedImporter importer(Path dir) {
        return new SeedImporter(new SeedLoader(), repository, dir);
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get(0).asLong();
    }

    private List<String> strings(String cypher) {
        return driver.executableQuery(cypher).execute().records().stream()
                .map(r -> r.get(0).asString())
                .toList();
    }

    @Test
    void theShippedSeedBecomesTheRoadmapGraph() {
        ImportResult result = importer(Path.of("graph-seed")).importSeed();

        SeedGraph seed = new SeedLoader().load(Path.of("graph-seed"));
        for (Kind kind : Kind.values()) {
            assertThat(count("MATCH (n:" + kind.label() + ") RETURN count(n)"))
                    .as(kind.label())
                    .isEqualTo(
                            seed.nodes().stream().filter(n -> n.kind() == kind).count());
        }
        assertThat(count("MATCH (r:Roadmap) RETURN count(r)")).isGreaterThanOrEqualTo(4);
        assertThat(count("MATCH (t:Topic) RETURN count(t)")).isGreaterThanOrEqualTo(38);
        assertThat(count("MATCH (n:Entity) WHERE n.source <> 'seed' RETURN count(n)"))
                .isZero();
        assertThat(count("MATCH ()-[r:REQUIRES]->() WHERE r.reason IS NULL RETURN count(r)"))
                .isZero();
        assertThat(repository.state().importedVersion()).contains(result.version());
        assertThat(result.version())
                .endsWith(repository.state().importedHash().orElseThrow().substring(0, 12));
    }

    @Test
    void theImportedPrerequisiteGraphIsAcyclicAndGroundedInTheRoadmapsPrerequisites() {
        importer(Path.of("graph-seed")).importSeed();

        assertThat(count("MATCH p = (n)-[:REQUIRES*]->(n) RETURN count(p)")).isZero();
        assertThat(
                        strings(
                                """
                MATCH (t:Topic)
                WHERE NOT (t)-[:IN_STAGE]->(:Stage {order: 0})
                  AND NOT EXISTS { (t)-[:REQUIRES*]->(:Topic)-[:IN_STAGE]->(:Stage {order: 0}) }
                RETURN t.id
                """))
                .isEmpty();
        assertThat(
                        strings(
                                """
                MATCH (:Topic {id: 'fine-tuning-peft'})-[:REQUIRES*]->(p) RETURN DISTINCT p.id
                """))
                .contains("transformer-architecture", "transfer-learning", "backpropagation");
    }

    @Test
    void importingTwiceYieldsTheSameGraph() {
        importer(Path.of("graph-seed")).importSeed();
        GraphSnapshot first = GraphSnapshot.of(driver).withoutMeta();

        importer(Path.of("graph-seed")).importSeed();

        assertThat(GraphSnapshot.of(driver).withoutMeta()).isEqualTo(first);
    }

    @Test
    void anInvalidSeedIsRefusedAndWritesNothing() {
        importer(Path.of("graph-seed")).importSeed();
        GraphSnapshot before = GraphSnapshot.of(driver);
        SeedFiles.write(seed, "broken/graph.yaml", SeedFiles.VALID.replace("requires: [b]", "requires: [b, ghost]"));

        assertThatThrownBy(() -> importer(seed).importSeed())
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("'requires' names unknown id 'ghost'");

        assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
    }

    @Test
    void reimportUpdatesAndRemovesSeedDataButKeepsWhatUsersAdded() {
        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID);
        importer(seed).importSeed();
        driver.executableQuery(
                        """
                        MATCH (b:Entity {id: 'b'})
                        CREATE (mine:Entity:Topic {id: 'my-topic', name: 'My Topic', source: 'user'})-[:REQUIRES]->(b)
                        """)
                .execute();

        SeedFiles.write(
                seed,
                "pack/graph.yaml",
                SeedFiles.VALID
                        .replace("name: Topic A", "name: Topic A renamed")
                        .replace(
                                """
                          - id: c
                            name: Topic C
                            summary: builds on B
                            stage: s1
                            requires: [b]
                        """,
                                ""));
        importer(seed).importSeed();

        assertThat(strings("MATCH (n:Entity) RETURN n.id ORDER BY n.id"))
                .containsExactly("a", "b", "hammer", "my-topic", "s1");
        assertThat(strings("MATCH (a:Entity {id: 'a'}) RETURN a.name")).containsExactly("Topic A renamed");
        assertThat(count("MATCH (:Entity {id: 'my-topic'})-[:REQUIRES]->(:Entity {id: 'b'}) RETURN count(*)"))
                .isOne();
    }

    @Test
    void importIfChangedWritesOnlyWhenTheSeedChanged() {
        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID);
        assertThat(importer(seed).importIfChanged()).isPresent();
        driver.executableQuery("MATCH (a:Entity {id: 'a'}) SET a.name = 'Edited in Browser'")
                .execute();

        assertThat(importer(seed).importIfChanged()).isEmpty();
        assertThat(strings("MATCH (a:Entity {id: 'a'}) RETURN a.name")).containsExactly("Edited in Browser");

        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID.replace("Topic B", "Topic B v2"));
        assertThat(importer(seed).importIfChanged()).isPresent();
        assertThat(strings("MATCH (a:Entity {id: 'a'}) RETURN a.name")).containsExactly("Topic A");
    }

    @Test
    void kindsAreLabelsAndAKindChangeMovesTheLabel() {
        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID);
        importer(seed).importSeed();
        assertThat(strings("MATCH (n:Entity {id: 'hammer'}) RETURN [l IN labels(n) WHERE l <> 'Entity'][0]"))
                .containsExactly("Tool");

        SeedFiles.write(
                seed,
                "pack/graph.yaml",
                SeedFiles.VALID
                                .replace("uses: [hammer]", "")
                                .replace(
                                        """
                        tools:
                          - id: hammer
                            name: Hammer
                            summary: hits things
                        """,
                                        "")
                        + """
                          - id: hammer
                            name: Hammer
                            summary: now a topic
                            stage: s1
                        """);
        importer(seed).importSeed();

        assertThat(strings("MATCH (n:Entity {id: 'hammer'}) RETURN [l IN labels(n) WHERE l <> 'Entity'][0]"))
                .containsExactly("Topic");
        assertThat(count("MATCH (n:Tool) RETURN count(n)")).isZero();
    }
}
