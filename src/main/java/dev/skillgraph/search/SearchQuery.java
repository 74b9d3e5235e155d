package dev.skillgraph.search;

import dev.skillgraph.graph.Kind;
import java.util.Optional;

/** A validated search request: plain text (never query syntax), optional filters and a page. */
public record SearchQuery(String text, Optional<Kind> kind, Optional<String> stage, int limit, int offset) {}
