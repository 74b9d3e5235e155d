package dev.skillgraph.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What an admin call did: the import's version stamp, the projection now served, sizes and timings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AdminResponse(
        String status,
        String importedVersion,
        String graphVersion,
        Integer nodes,
        Integer relationships,
        Long removedNodes,
        Long importMillis,
        Long projectionMillis) {}
