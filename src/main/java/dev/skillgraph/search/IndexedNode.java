package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.RoadmapRef;
import dev.skillgraph.domain.StageRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One node as the index sees it.
 *
 * @param stage the stage it belongs to (a stage is its own), or null
 * @param related names of related nodes (tools, stage, what a resource teaches), searched with a low weight
 * @param importance how much depends on it, used to rank ties and completions
 * @param roadmaps the roadmaps it is on, for the roadmap filter and facet
 */
public record IndexedNode(
        GraphNode node, @Nullable StageRef stage, List<String> related, int importance, List<RoadmapRef> roadmaps) {

    public IndexedNode {
        related = List.copyOf(related);
        roadmaps = List.copyOf(roadmaps);
    }

    /** A node on no roadmap. */
    public IndexedNode(GraphNode node, @Nullable StageRef stage, List<String> related, int importance) {
        this(node, stage, related, importance, List.of());
    }
}
