package dev.skillgraph.path;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The curriculum order of a prerequisite graph, computed once while a {@link RoadmapGraph} is built: every node's rank
 * (after all of its prerequisites), depth (its longest prerequisite chain) and weight (how much depends on it), and
 * the {@code REQUIRES} edges dropped to break cycles that hand edits in Neo4j may have made. Fills in the dependents
 * of each node as it goes.
 */
final class CurriculumOrder {

    private final Map<String, GraphNode> nodes;
    private final Map<String, List<Prerequisite>> prerequisites;
    private final Map<String, List<String>> dependents;
    private final Map<String, String> stageOf;
    final Map<String, Integer> rank = new HashMap<>();
    final Map<String, Integer> depth = new HashMap<>();
    final Map<String, Double> weight = new HashMap<>();
    final List<String> droppedCycleEdges = new ArrayList<>();

    /**
     * @param prerequisites each node's {@code REQUIRES}; an edge that closes a cycle is removed from it
     * @param dependents filled here: what lists each node among its {@code REQUIRES}, in id order
     * @param stageOf the stage of each topic
     */
    CurriculumOrder(
            Map<String, GraphNode> nodes,
            Map<String, List<Prerequisite>> prerequisites,
            Map<String, List<String>> dependents,
            Map<String, String> stageOf) {
        this.nodes = nodes;
        this.prerequisites = prerequisites;
        this.dependents = dependents;
        this.stageOf = stageOf;
        order();
    }

    /**
     * Kahn's algorithm with a priority queue, so the order reads like a curriculum: stage order first, then
     * prerequisites-first depth, then name. A node stuck on a cycle is released by dropping its open edges.
     */
    private void order() {
        Map<String, Integer> waitingOn = new HashMap<>();
        for (String id : nodes.keySet()) {
            waitingOn.put(id, prerequisites.getOrDefault(id, List.of()).size());
        }
        prerequisites.forEach((from, prereqs) -> prereqs.forEach(
                p -> dependents.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(from)));
        dependents.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        Map<String, Integer> stageOrder = effectiveStageOrders();
        Comparator<String> curriculum = Comparator.<String>comparingInt(stageOrder::get)
                .thenComparingInt(id -> depth.getOrDefault(id, 0))
                .thenComparing(id -> sortName(nodes.get(id)))
                .thenComparing(Comparator.naturalOrder());
        PriorityQueue<String> ready = new PriorityQueue<>(curriculum);
        waitingOn.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        Set<String> done = new HashSet<>();
        while (done.size() < nodes.size()) {
            if (ready.isEmpty()) {
                breakCycle(waitingOn, done, curriculum, ready);
            }
            String id = ready.poll();
            rank.put(id, rank.size());
            done.add(id);
            for (String dependent : dependents.getOrDefault(id, List.of())) {
                depth.merge(dependent, depth.getOrDefault(id, 0) + 1, Math::max);
                if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        // Dependents rank after their prerequisites: walking the order backwards, every dependent is final
        // before the prerequisites it shares itself with.
        List<String> byRank = new ArrayList<>(rank.keySet());
        byRank.sort(Comparator.comparingInt(rank::get));
        for (int i = byRank.size() - 1; i >= 0; i--) {
            String id = byRank.get(i);
            List<Prerequisite> prereqs = prerequisites.getOrDefault(id, List.of());
            double share = (1 + weight.getOrDefault(id, 0.0)) / Math.max(1, prereqs.size());
            for (Prerequisite p : prereqs) {
                weight.merge(p.id(), share, Double::sum);
            }
            weight.putIfAbsent(id, 0.0);
        }
    }

    private void breakCycle(
            Map<String, Integer> waitingOn, Set<String> done, Comparator<String> order, PriorityQueue<String> ready) {
        String stuck = waitingOn.keySet().stream()
                .filter(id -> !done.contains(id))
                .min(order)
                .orElseThrow();
        List<Prerequisite> kept = new ArrayList<>();
        for (Prerequisite p : prerequisites.getOrDefault(stuck, List.of())) {
            if (done.contains(p.id())) {
                kept.add(p);
            } else {
                droppedCycleEdges.add(stuck + " -> " + p.id());
                Objects.requireNonNull(dependents.get(p.id()), p.id()).remove(stuck);
            }
        }
        prerequisites.put(stuck, kept);
        waitingOn.put(stuck, 0);
        ready.add(stuck);
    }

    /**
     * Topics and stages carry a stage; anything else takes the earliest stage of what depends on it on its own roadmap
     * (the one whose pack defines it), or of anything depending on it when nothing on its roadmap does. A roadmap that
     * starts with a tool another roadmap teaches late thus does not move that tool in the other roadmap's plans.
     */
    private Map<String, Integer> effectiveStageOrders() {
        Map<String, Integer> orders = new HashMap<>();
        for (GraphNode node : nodes.values()) {
            Integer own = node.kind() == Kind.STAGE
                    ? node.order()
                    : Optional.ofNullable(stageOf.get(node.id()))
                            .map(nodes::get)
                            .map(GraphNode::order)
                            .orElse(null);
            if (own != null) {
                orders.put(node.id(), own);
            }
        }
        for (GraphNode node : nodes.values()) {
            if (!orders.containsKey(node.id())) {
                int own = node.roadmap() == null
                        ? Integer.MAX_VALUE
                        : earliestDependentStage(node.id(), node.roadmap(), orders, new HashSet<>());
                orders.put(
                        node.id(),
                        own != Integer.MAX_VALUE
                                ? own
                                : earliestDependentStage(node.id(), null, orders, new HashSet<>()));
            }
        }
        return orders;
    }

    /** The earliest stage of the dependents of {@code id}, only those of {@code roadmap} when it is not null. */
    private int earliestDependentStage(
            String id, @Nullable String roadmap, Map<String, Integer> orders, Set<String> seen) {
        int best = Integer.MAX_VALUE;
        for (String dependent : dependents.getOrDefault(id, List.of())) {
            if (!seen.add(dependent)) {
                continue;
            }
            Integer order = orders.get(dependent);
            if (order == null) {
                best = Math.min(best, earliestDependentStage(dependent, roadmap, orders, seen));
            } else if (roadmap == null || roadmap.equals(roadmapOf(dependent))) {
                best = Math.min(best, order);
            }
        }
        return best;
    }

    private @Nullable String roadmapOf(String id) {
        GraphNode node = nodes.get(id);
        return node == null ? null : node.roadmap();
    }

    private static String sortName(@Nullable GraphNode node) {
        return node == null ? "" : node.name().toLowerCase(Locale.ROOT);
    }
}
