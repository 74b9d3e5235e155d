package dev.skillgraph.path;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.seed.SeedLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Export a roadmap as a CASE package, import that file as the only seed, and every plan is the same: toward the
 * roadmap, each of its stages and every topic or tool the package holds, from scratch, with a topic known and with a
 * pace (steps in order, hours, stages, reasons, resources).
 */
class CaseRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SeedGraph SEED = new SeedLoader().load(Path.of("graph-seed"));
    private static final LearningPaths ORIGINAL = new LearningPaths(RoadmapGraph.of(SEED.nodes(), SEED.edges()));

    @TempDir
    Path seed;

    @org.junit.jupiter.api.Test
    void fractionalHoursComeBackExactly(@TempDir Path pack) throws IOException {
        Files.writeString(
                pack.resolve("tiny.yaml"),
                """
                roadmaps:
                  - {id: tiny-roadmap, name: Tiny, summary: small, stages: [tiny-stage]}
                stages:
                  - {id: tiny-stage, name: Stage, summary: one, order: 0}
                topics:
                  - {id: quarter, name: Quarter, summary: a quarter hour, stage: tiny-stage, hours: 0.25}
                  - {id: odd, name: Odd, summary: more, stage: tiny-stage, hours: 1.05, requires: [quarter]}
                """);
        SeedGraph tiny = new SeedLoader().load(pack);
        RoadmapGraph graph = RoadmapGraph.of(tiny.nodes(), tiny.edges());
        Files.write(
                seed.resolve("tiny.case.json"),
                JSON.writeValueAsBytes(
                        new CaseExport(graph, "http://127.0.0.1:7000", Instant.EPOCH).export("tiny-roadmap")));
        RoadmapGraph copy = RoadmapGraph.of(
                new SeedLoader().load(seed).nodes(), new SeedLoader().load(seed).edges());
        assertThat(copy.require("quarter").hours()).isEqualTo(0.25);
        assertThat(copy.require("odd").hours()).isEqualTo(1.05);
        assertThat(new LearningPaths(copy).plan("tiny-roadmap", Set.of(), Optional.empty()))
                .isEqualTo(new LearningPaths(graph).plan("tiny-roadmap", Set.of(), Optional.empty()));
    }

    @org.junit.jupiter.api.Test
    void theFourExportsImportTogetherAsTheFourRoadmapsSharingTheirTopics() throws IOException {
        for (String roadmap : ORIGINAL.graph().roadmaps()) {
            Files.write(
                    seed.resolve(roadmap + ".case.json"),
                    JSON.writeValueAsBytes(
                            new CaseExport(ORIGINAL.graph(), "http://127.0.0.1:7000", Instant.EPOCH).export(roadmap)));
        }
        SeedGraph imported = new SeedLoader().load(seed);
        LearningPaths copy = new LearningPaths(RoadmapGraph.of(imported.nodes(), imported.edges()));
        assertThat(copy.graph().roadmaps()).hasSameElementsAs(ORIGINAL.graph().roadmaps());
        assertThat(copy.graph().roadmapsOf("python")).hasSize(4);
        for (String roadmap : ORIGINAL.graph().roadmaps()) {
            assertThat(copy.plan(roadmap, Set.of(), Optional.empty()).steps())
                    .extracting(LearningPlan.Step::id)
                    .as(roadmap)
                    .containsExactlyElementsOf(ORIGINAL.plan(roadmap, Set.of(), Optional.empty()).steps().stream()
                            .map(LearningPlan.Step::id)
                            .toList());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ml-engineer-roadmap", "data-scientist-roadmap", "mlops-engineer-roadmap", "llm-engineer-roadmap"
            })
    void everyPlanOfTheRoadmapIsTheSameAfterARoundTrip(String roadmap) throws IOException {
        CaseExport.CfPackage pkg =
                new CaseExport(ORIGINAL.graph(), "http://127.0.0.1:7000", Instant.EPOCH).export(roadmap);
        Files.write(seed.resolve(roadmap + ".case.json"), JSON.writeValueAsBytes(pkg));
        SeedGraph imported = new SeedLoader().load(seed);
        LearningPaths copy = new LearningPaths(RoadmapGraph.of(imported.nodes(), imported.edges()));

        List<String> goals = new java.util.ArrayList<>(List.of(roadmap));
        goals.addAll(ORIGINAL.graph().stagesOf(roadmap));
        pkg.items().stream()
                .map(CaseExport.CfItem::humanCodingScheme)
                .filter(id -> ORIGINAL.graph().require(id).kind() != Kind.STAGE)
                .forEach(goals::add);
        int compared = 0;
        for (String goal : goals) {
            for (Set<String> known : List.of(Set.<String>of(), Set.of("python"))) {
                for (Optional<Integer> pace : List.of(Optional.<Integer>empty(), Optional.of(10))) {
                    assertThat(copy.plan(goal, known, pace))
                            .as(goal + " known " + known + " pace " + pace)
                            .isEqualTo(ORIGINAL.plan(goal, known, pace));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
        GraphNode copied = copy.graph().require(roadmap);
        assertThat(copied.caseIdentifier())
                .isEqualTo(CaseExport.identifier(ORIGINAL.graph().require(roadmap)));
        assertThat(copied.duration())
                .isEqualTo(ORIGINAL.graph().require(roadmap).duration());
    }
}
