package dev.skillgraph.api;

import org.jspecify.annotations.Nullable;

/**
 * What a client (e.g. the built-in web page) needs to know about this service beyond its data.
 *
 * @param graphVersion version of the projection answering requests
 * @param neo4jBrowser the Neo4j Browser URL, connected to this service's graph, when the embedded database serves
 *     one; null otherwise
 */
public record AboutResponse(String service, String graphVersion, @Nullable String neo4jBrowser) {}
