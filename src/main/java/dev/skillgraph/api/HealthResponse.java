package dev.skillgraph.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code /health} and {@code /ready}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthResponse(String status, String neo4j, String graphVersion) {}
