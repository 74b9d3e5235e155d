package dev.skillgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.SharedNeo4j;
import dev.skillgraph.path.LearningPlan;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.search.SearchQuery;
import dev.skillgraph.search.Synonyms;
import dev.skillgraph.seed.SeedImporter;
import dev.skillgraph.seed.SeedLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

/** The benchmark graphs are deterministic, valid seeds that load through the normal import path (no timing here). */
@ExtendWith(SharedNeo4j.class)
class SyntheticRoadmapIT {

    @TempDir
    Path work;

    @Test
    void generatesADeterministicSeedOfRoadmapsThatImportsAndServes(Driver driver) {
        SeedGraph first =
                new SeedLoader().load(SyntheticRoadmap.write(Path.of("graph-seed"), work.resolve("a"), 400, 42));
        SeedGraph again =
                new SeedLoader().load(SyntheticRoadmap.write(Path.of("graph-seed"), work.resolve("b"), 400, 42));
        assertThat(again.contentHash()).isEqualTo(first.contentHash());
        long requires = first.edges().stream()
                .filter(e -> e.type().name().equals("REQUIRES"))
                .count();
        assertThat(requires / 400.0).isBetween(2.0, 4.0);

        SharedNeo4j.clear(driver);
        GraphRepository repository = new GraphRepository(driver);
        new SeedImporter(new SeedLoader(), repository, work.resolve("a")).importSeed();
        Projection projection =
                Projection.build(repository.readGraph(), Synonyms.load(Path.of("graph-seed/synonyms.txt")));

        assertThat(projection.graph().size()).isEqualTo(first.nodes().size());
        int deepest = projection.graph().nodes().stream()
                .mapToInt(n -> projection.graph().depth(n.id()))
                .max()
                .orElseThrow();
        assertThat(deepest).isBetween(15, 25);
        BenchGraphs.Queries queries = BenchGraphs.queries(first, 20);
        for (int i = 0; i < 20; i++) {
            assertThat(projection
                            .index()
                            .search(new SearchQuery(queries.plain().get(i), Optional.empty(), Optional.empty(), 10, 0))
                            .total())
                    .isPositive();
            LearningPlan plan = projection.paths().plan(queries.goals().get(i), Set.of(), Optional.empty());
            assertThat(plan.goal().id()).isEqualTo(queries.goals().get(i));
            assertThat(plan.steps())
                    .as("a topic needs at most its own roadmap and the foundations")
                    .hasSizeLessThanOrEqualTo(2 * SyntheticRoadmap.ROADMAP_SIZE);
        }
    }
}
