package dev.skillgraph.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code /health} and {@code /ready}.
 *
 * @param graphVersion the version of the projection answering requests
 * @param importedVersion the version stamp of the last seed import
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthResponse(
        String status,
        @Nullable String neo4j,
        @Nullable String graphVersion,
        @Nullable String importedVersion,
        @Nullable String detail) {}
