package dev.skillgraph.path;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.skillgraph.domain.NodeRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What knowing a node opens up: everything that depends on it, nearest first, and the careers it leads to.
 *
 * @param usedBy for a tool, the topics practised with it (each with its stage); absent for other kinds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Unlocks(
        NodeRef node, List<Dependent> dependents, List<NodeRef> careers, @Nullable List<TopicUse> usedBy) {

    /** A dependent and how many {@code REQUIRES} hops away it is. */
    public record Dependent(String id, String kind, String name, int distance) {}
}
