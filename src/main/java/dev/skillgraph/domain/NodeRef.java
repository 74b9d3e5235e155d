package dev.skillgraph.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A short reference to a node, as it appears inside answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeRef(String id, String kind, String name) {

    public static NodeRef of(GraphNode node) {
        return new NodeRef(node.id(), node.kind().key(), node.name());
    }
}
