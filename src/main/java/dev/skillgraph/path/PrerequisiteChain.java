package dev.skillgraph.path;

import java.util.List;

/** The shortest prerequisite chain from {@code from} up to {@code to}: each link requires the one before it. */
public record PrerequisiteChain(NodeRef from, NodeRef to, List<Link> chain, int hops) {

    /** One node of the chain and the reason it needs the previous one (null for the first). */
    public record Link(String id, String kind, String name, String reason) {}
}
