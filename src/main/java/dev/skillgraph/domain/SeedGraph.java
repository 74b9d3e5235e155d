package dev.skillgraph.domain;

import java.util.List;

/** A complete, already validated seed graph, ready to be written in one transaction. */
public record SeedGraph(List<GraphNode> nodes, List<GraphEdge> edges, String contentHash) {

    public SeedGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
