package dev.skillgraph.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.path.LearningPlan;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.projection.ProjectionManager;
import dev.skillgraph.search.SearchQuery;
import dev.skillgraph.search.SearchResult;
import dev.skillgraph.search.Synonyms;
import dev.skillgraph.seed.SeedImporter;
import dev.skillgraph.seed.SeedLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * What SkillGraph needs from a Neo4j server, as one suite run against every kind of server we support: the embedded
 * default and the official {@code neo4j:5.26} image.
 */
abstract class GraphContract {

    /** A driver connected to an empty (or emptiable) database of the server under test. */
    protected abstract Driver driver();

    private ProjectionManager projections;

    @BeforeEach
    void importSeed() {
        driver().executableQuery("MATCH (n) DETACH DELETE n").execute();
        GraphRepository repository = new GraphRepository(driver());
        repository.ensureSchema();
        new SeedImporter(new SeedLoader(), repository, Path.of("graph-seed")).importSeed();
        projections = new ProjectionManager(repository, () -> Synonyms.load(Path.of("graph-seed/synonyms.txt")));
    }

    @AfterEach
    void close() throws Exception {
        projections.close();
    }

    private <T> T on(Function<Projection, T> work) {
        return projections.apply(work);
    }

    @Test
    void importsTheSeedWithItsSchema() {
        long topics = driver().executableQuery("MATCH (t:Topic) RETURN count(t) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
        assertThat(topics).isGreaterThanOrEqualTo(38);
        List<String> constraints =
                driver().executableQuery("SHOW CONSTRAINTS YIELD name RETURN name").execute().records().stream()
                        .map(r -> r.get("name").asString())
                        .toList();
        assertThat(constraints).contains("entity_id");
    }

    @Test
    void searchesTheImportedGraph() throws Exception {
        SearchResult result =
                on(p -> p.index().search(new SearchQuery("transfomer", Optional.empty(), Optional.empty(), 5, 0)));
        assertThat(result.hits().get(0).id()).isEqualTo("transformer-architecture");
    }

    @Test
    void plansLearningPaths() throws Exception {
        LearningPlan plan = on(p -> p.paths().plan("fine-tuning-peft", Set.of(), Optional.empty()));
        assertThat(plan.steps())
                .extracting(LearningPlan.Step::id)
                .contains("transformer-architecture", "transfer-learning", "backpropagation");
    }

    @Test
    void seesEditsMadeDirectlyInNeo4j() throws Exception {
        driver().executableQuery(
                        """
                        MATCH (t:Entity {id: 'rag-evaluation'}) DETACH DELETE t
                        WITH count(*) AS ignored
                        MATCH (rag:Entity {id: 'retrieval-augmented-generation'})
                        CREATE (:Entity:Topic {id: 'rag-evaluation', name: 'RAG Evaluation',
                                summary: 'Measuring retrieval and answer quality'})-[:REQUIRES {reason: 'evaluates it'}]->(rag)
                        """)
                .execute();

        projections.maybeRefreshBlocking();

        SearchResult found =
                on(p -> p.index().search(new SearchQuery("rag evaluation", Optional.empty(), Optional.empty(), 5, 0)));
        assertThat(found.hits().get(0).id()).isEqualTo("rag-evaluation");
        LearningPlan plan = on(p -> p.paths().plan("rag-evaluation", Set.of(), Optional.empty()));
        assertThat(plan.steps())
                .extracting(LearningPlan.Step::id)
                .contains("retrieval-augmented-generation", "language-models");
    }
}
