package dev.skillgraph.search;

/** The stage of a hit or facet value. */
public record StageRef(String id, String name, int order) {}
