package dev.skillgraph.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code /health} and {@code /ready}.
 *
 * @param graphVersion the version of the projection answering requests
 * @param importedVersion the version stamp of the last seed import
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthResponse(String status, String neo4j, String graphVersion, String importedVersion, String detail) {}
