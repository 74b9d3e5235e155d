package dev.skillgraph.graph;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import java.util.List;

/** Everything a projection is built from: the roadmap nodes and the relationships among them, read in one go. */
public record GraphData(List<GraphNode> nodes, List<GraphEdge> edges, GraphState state) {

    public GraphData {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
