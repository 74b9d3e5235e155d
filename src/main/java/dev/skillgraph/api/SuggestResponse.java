package dev.skillgraph.api;

import dev.skillgraph.search.Suggestion;
import java.util.List;

/** The body of {@code /api/suggest}. */
public record SuggestResponse(String query, List<Suggestion> suggestions) {}
