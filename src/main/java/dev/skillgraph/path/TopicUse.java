package dev.skillgraph.path;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.StageRef;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A topic practised with a tool ({@code (topic)-[:USES]->(tool)}), with the stage the topic belongs to. */
public record TopicUse(String id, String kind, String name, @Nullable StageRef stage) {

    /** The topics that use {@code tool}, in curriculum order; null when {@code tool} is not a tool. */
    static @Nullable List<TopicUse> usersOf(RoadmapGraph graph, GraphNode tool) {
        if (tool.kind() != Kind.TOOL) {
            return null;
        }
        return graph.usedBy(tool.id()).stream()
                .sorted(Comparator.comparingInt(graph::rank))
                .map(graph::node)
                .flatMap(Optional::stream)
                .map(topic -> new TopicUse(
                        topic.id(),
                        topic.kind().key(),
                        topic.name(),
                        graph.stageOf(topic.id()).map(StageRef::of).orElse(null)))
                .toList();
    }
}
