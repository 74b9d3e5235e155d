package dev.skillgraph.path;

/** A direct prerequisite: {@code id} must be known first, because of {@code reason}. */
public record Prerequisite(String id, String reason, String strength) {}
