package dev.skillgraph.path;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.error.SkillGraphException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The shortest prerequisite chain from {@code from} up to {@code to}: each link requires the one before it. */
public record PrerequisiteChain(NodeRef from, NodeRef to, List<Link> chain, int hops) {

    /** One node of the chain and the reason it needs the previous one (null for the first). */
    public record Link(String id, String kind, String name, @Nullable String reason) {}

    /**
     * Breadth-first from {@code to} down its prerequisites until {@code from} is reached.
     *
     * @throws SkillGraphException not found when {@code to} does not depend on {@code from}
     */
    static PrerequisiteChain shortest(RoadmapGraph graph, GraphNode from, GraphNode to) {
        Map<String, String> via = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(to.id()));
        via.put(to.id(), null);
        while (!queue.isEmpty() && !via.containsKey(from.id())) {
            String current = queue.poll();
            for (Prerequisite p : graph.prerequisitesOf(current)) {
                if (!via.containsKey(p.id())) {
                    via.put(p.id(), current);
                    reasons.put(p.id(), p.reason());
                    queue.add(p.id());
                }
            }
        }
        if (!via.containsKey(from.id())) {
            throw SkillGraphException.notFound(
                    null,
                    "'" + to.name() + "' (" + to.id() + ") does not depend on '" + from.name() + "' (" + from.id()
                            + "): no chain of prerequisites leads from one to the other");
        }
        List<PrerequisiteChain.Link> links = new ArrayList<>();
        String reason = null;
        for (String at = from.id(); at != null; at = via.get(at)) {
            GraphNode node = graph.node(at).orElseThrow();
            links.add(new PrerequisiteChain.Link(at, node.kind().key(), node.name(), reason));
            reason = reasons.get(at);
        }
        return new PrerequisiteChain(NodeRef.of(from), NodeRef.of(to), links, links.size() - 1);
    }
}
