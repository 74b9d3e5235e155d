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

    /** A node on no roadmap, found by its words only. */
    public IndexedNode(GraphNode node, @Nullable StageRef stage, List<String> related, int importance) {
        this(node, stage, related, importance, List.of());
    }

    /**
     * What semantic retrieval embeds of a node: its name, aliases, summary and description. Measured on the learners'
     * set (train part, vectors alone): success@3 0.52 with the name only, 0.62 with aliases and summary, 0.66 with the
     * description too, whose wording is nearest a learner's own.
     */
    public String semanticText() {
        return semanticText(node);
    }

    /** {@link #semanticText()} of {@code node}. */
    public static String semanticText(GraphNode node) {
        StringBuilder text = new StringBuilder(node.name());
        if (!node.aliases().isEmpty()) {
            text.append(" (").append(String.join(", ", node.aliases())).append(')');
        }
        for (String part : new String[] {node.summary(), node.description()}) {
            if (part != null && !part.isBlank()) {
                text.append(". ").append(part);
            }
        }
        return text.toString();
    }
}
