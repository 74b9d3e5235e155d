package dev.skillgraph.seed;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RelType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The seed rules about roadmaps that a JSON Schema cannot say, and which roadmap defines each node. A roadmap lists its
 * stages ({@code HAS_STAGE}); a topic's home stage ({@code IN_STAGE}) places it in one roadmap, and other roadmaps'
 * stages share it by {@code INCLUDES}.
 */
final class Roadmaps {

    private Roadmaps() {}

    /**
     * Reports, through {@code problem} (the id of the entry at fault and a message): a stage listed by two roadmaps,
     * a roadmap whose stages are not listed in ascending {@code order}, and a stage that includes a topic whose home
     * stage it already is.
     *
     * @param stageLists each roadmap's {@code stages} as its entry lists them
     */
    static void check(
            Map<String, GraphNode> nodes,
            List<GraphEdge> edges,
            Map<String, List<String>> stageLists,
            BiConsumer<String, String> problem) {
        Map<String, String> roadmapOfStage = new HashMap<>();
        Map<String, String> homeStage = new HashMap<>();
        for (GraphEdge edge : edges) {
            if (edge.type() == RelType.IN_STAGE) {
                homeStage.put(edge.from(), edge.to());
            }
        }
        for (GraphEdge edge : edges) {
            switch (edge.type()) {
                case HAS_STAGE -> {
                    String other = roadmapOfStage.putIfAbsent(edge.to(), edge.from());
                    if (other != null) {
                        problem.accept(
                                edge.from(),
                                "'stages' names '" + edge.to() + "', already a stage of roadmap '" + other
                                        + "'; a stage belongs to one roadmap (share topics with 'includes')");
                    }
                }
                case INCLUDES -> {
                    if (edge.from().equals(homeStage.get(edge.to()))) {
                        problem.accept(
                                edge.from(), "'includes' names '" + edge.to() + "', whose home stage this is already");
                    }
                }
                default -> {}
            }
        }
        stageLists.forEach((roadmap, listed) -> checkOrder(roadmap, listed, nodes, problem));
    }

    private static void checkOrder(
            String roadmap, List<String> listed, Map<String, GraphNode> nodes, BiConsumer<String, String> problem) {
        @Nullable GraphNode previous = null;
        for (String stageId : listed) {
            GraphNode stage = nodes.get(stageId);
            if (stage == null || stage.kind() != Kind.STAGE) {
                continue; // reported as a dangling or wrong-kind reference
            }
            if (previous != null && order(stage) < order(previous)) {
                problem.accept(
                        roadmap,
                        "'stages' lists '" + stageId + "' (order " + order(stage) + ") after '" + previous.id()
                                + "' (order " + order(previous) + "); list them in ascending order");
            }
            previous = stage;
        }
    }

    private static int order(GraphNode stage) {
        return stage.order() == null ? 0 : stage.order();
    }

    /**
     * The nodes, each with the roadmap that defines it: a stage's is the roadmap listing it, a topic's its home
     * stage's, and any other node's the one roadmap its pack declares (none when the pack declares none or several).
     *
     * @param packs the pack (folder) each node id was read from
     */
    static Collection<GraphNode> assignHomes(
            Map<String, GraphNode> nodes, List<GraphEdge> edges, Map<String, String> packs) {
        Map<String, String> roadmapOf = new HashMap<>();
        edges.stream().filter(e -> e.type() == RelType.HAS_STAGE).forEach(e -> roadmapOf.putIfAbsent(e.to(), e.from()));
        edges.stream()
                .filter(e -> e.type() == RelType.IN_STAGE && roadmapOf.containsKey(e.to()))
                .forEach(e -> roadmapOf.put(e.from(), roadmapOf.get(e.to())));
        Map<String, Set<String>> roadmapsOfPack = new HashMap<>();
        nodes.values().stream().filter(n -> n.kind() == Kind.ROADMAP).forEach(n -> roadmapsOfPack
                .computeIfAbsent(Objects.requireNonNull(packs.get(n.id())), k -> new HashSet<>())
                .add(n.id()));
        List<GraphNode> homed = new ArrayList<>(nodes.size());
        for (GraphNode node : nodes.values()) {
            if (node.roadmap() != null) {
                homed.add(node); // said by the entry itself (a CASE package exported by SkillGraph)
                continue;
            }
            String roadmap = roadmapOf.get(node.id());
            if (roadmap == null && node.kind() != Kind.ROADMAP) {
                Set<String> ofPack = roadmapsOfPack.getOrDefault(packs.get(node.id()), Set.of());
                roadmap = ofPack.size() == 1 ? ofPack.iterator().next() : null;
            }
            homed.add(roadmap == null ? node : node.withRoadmap(roadmap));
        }
        return homed;
    }
}
