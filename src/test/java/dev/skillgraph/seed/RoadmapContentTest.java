package dev.skillgraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RelType;
import dev.skillgraph.domain.SeedGraph;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped seed's roadmaps: several, complete, and sharing topic nodes rather than copying them. */
class RoadmapContentTest {

    private static final SeedGraph SEED = new SeedLoader().load(Path.of("graph-seed"));

    private static List<GraphNode> nodes(Kind kind) {
        return SEED.nodes().stream().filter(n -> n.kind() == kind).toList();
    }

    private static List<GraphEdge> edges(RelType type) {
        return SEED.edges().stream().filter(e -> e.type() == type).toList();
    }

    /** Topic id to the roadmaps whose stages hold it (home stage or include). */
    private static Map<String, Set<String>> roadmapsOfTopics() {
        Map<String, String> roadmapOfStage = new HashMap<>();
        edges(RelType.HAS_STAGE).forEach(e -> roadmapOfStage.put(e.to(), e.from()));
        Map<String, Set<String>> on = new HashMap<>();
        edges(RelType.IN_STAGE)
                .forEach(e -> on.computeIfAbsent(e.from(), k -> new HashSet<>()).add(roadmapOfStage.get(e.to())));
        edges(RelType.INCLUDES)
                .forEach(e -> on.computeIfAbsent(e.to(), k -> new HashSet<>()).add(roadmapOfStage.get(e.from())));
        return on;
    }

    @Test
    void everyPythonToolRequiresPythonNearOrFar() {
        // Knowing a tool implies knowing what it requires: a plan for someone who knows pandas must not teach Python.
        Map<String, List<String>> requires = new HashMap<>();
        edges(RelType.REQUIRES).forEach(e -> requires.computeIfAbsent(e.from(), k -> new ArrayList<>())
                .add(e.to()));
        List<GraphNode> pythonTools = nodes(Kind.TOOL).stream()
                .filter(tool -> tool.summary().matches("(?s).*\\bPython\\b.*"))
                .toList();
        assertThat(pythonTools).hasSizeGreaterThanOrEqualTo(10);
        for (GraphNode tool : pythonTools) {
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(tool.id()));
            while (!todo.isEmpty()) {
                requires.getOrDefault(todo.pop(), List.of()).stream()
                        .filter(seen::add)
                        .forEach(todo::push);
            }
            assertThat(seen).as(tool.id() + ": " + tool.summary()).contains("python");
        }
    }

    @Test
    void fourRoadmapsEachWithHeaderFactsStagesAndCareers() {
        List<GraphNode> roadmaps = nodes(Kind.ROADMAP);
        assertThat(roadmaps).hasSizeGreaterThanOrEqualTo(4);
        for (GraphNode roadmap : roadmaps) {
            assertThat(roadmap.audience()).as(roadmap.id()).isNotBlank();
            assertThat(roadmap.duration()).as(roadmap.id()).isNotBlank();
            assertThat(roadmap.difficulty()).as(roadmap.id()).isNotBlank();
            assertThat(edges(RelType.HAS_STAGE).stream().filter(e -> e.from().equals(roadmap.id())))
                    .as(roadmap.id() + " stages")
                    .hasSizeGreaterThanOrEqualTo(4);
            assertThat(edges(RelType.LEADS_TO).stream().filter(e -> e.from().equals(roadmap.id())))
                    .as(roadmap.id() + " careers")
                    .isNotEmpty();
        }
    }

    @Test
    void atLeastTenTopicsAreSharedByTwoOrMoreRoadmaps() {
        long shared = roadmapsOfTopics().values().stream()
                .filter(roadmaps -> roadmaps.size() > 1)
                .count();
        assertThat(shared).isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyTopicIsOnARoadmapWithASummaryHoursAndExplainedPrerequisites() {
        Map<String, Set<String>> on = roadmapsOfTopics();
        for (GraphNode topic : nodes(Kind.TOPIC)) {
            assertThat(on).as(topic.id()).containsKey(topic.id());
            assertThat(topic.summary()).as(topic.id()).isNotBlank();
            assertThat(topic.hours()).as(topic.id()).isNotNull();
            assertThat(topic.roadmap()).as(topic.id() + " home roadmap").isNotNull();
        }
        assertThat(edges(RelType.REQUIRES))
                .allSatisfy(e ->
                        assertThat(e.reason()).as(e.from() + " -> " + e.to()).isNotBlank());
    }

    @Test
    void everyResourceLinksOverHttpsAndTeachesSomething() {
        Set<String> teaching = new HashSet<>();
        edges(RelType.TEACHES).forEach(e -> teaching.add(e.from()));
        assertThat(nodes(Kind.RESOURCE)).hasSizeGreaterThanOrEqualTo(40).allSatisfy(r -> {
            assertThat(r.url()).as(r.id()).startsWith("https://");
            assertThat(teaching).as(r.id()).contains(r.id());
        });
    }
}
