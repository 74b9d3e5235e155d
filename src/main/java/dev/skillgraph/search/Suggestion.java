package dev.skillgraph.search;

/** An as-you-type completion. */
public record Suggestion(String id, String kind, String name) {}
