package dev.skillgraph.graph;

/** What one seed import wrote. */
public record ImportResult(String version, int nodes, int relationships, long removedNodes, long millis) {}
