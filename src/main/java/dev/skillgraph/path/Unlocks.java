package dev.skillgraph.path;

import java.util.List;

/** What knowing a node opens up: everything that depends on it, nearest first, and the careers it leads to. */
public record Unlocks(NodeRef node, List<Dependent> dependents, List<NodeRef> careers) {

    /** A dependent and how many {@code REQUIRES} hops away it is. */
    public record Dependent(String id, String kind, String name, int distance) {}
}
