package dev.skillgraph.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** What an admin call did: the import's version stamp, the projection now served, sizes and timings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AdminResponse(
        String status,
        @Nullable String importedVersion,
        @Nullable String graphVersion,
        @Nullable Integer nodes,
        @Nullable Integer relationships,
        @Nullable Long removedNodes,
        @Nullable Long importMillis,
        @Nullable Long projectionMillis) {}
