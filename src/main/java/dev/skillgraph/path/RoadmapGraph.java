package dev.skillgraph.path;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable, in-memory view of the roadmap graph for path queries: prerequisites as a DAG with a precomputed
 * curriculum order, plus the stage, tools, resources and careers of every node. Built once per graph version.
 */
public final class RoadmapGraph {

    private static final Logger LOG = LoggerFactory.getLogger(RoadmapGraph.class);

    private final Map<String, GraphNode> nodes;
    private final Map<String, List<Prerequisite>> prerequisites;
    private final Map<String, List<String>> dependents;
    private final Map<String, String> stageOf;
    private final Map<String, List<String>> stageTopics;
    private final Map<String, List<String>> tools;
    private final Map<String, List<String>> usedBy;
    private final Map<String, List<String>> teachers;
    private final Map<String, List<String>> teaches;
    private final Map<String, List<String>> leadsTo;
    private final Map<String, Integer> rank;
    private final Map<String, Integer> depth;
    private final Map<String, Double> weight;
    private final List<String> droppedCycleEdges;

    private RoadmapGraph(Builder b) {
        this.nodes = frozen(b.nodes);
        this.prerequisites = freeze(b.prerequisites);
        this.dependents = freeze(b.dependents);
        this.stageOf = frozen(b.stageOf);
        this.stageTopics = freeze(b.stageTopics);
        this.tools = freeze(b.tools);
        this.usedBy = freeze(b.usedBy);
        this.teachers = freeze(b.teachers);
        this.teaches = freeze(b.teaches);
        this.leadsTo = freeze(b.leadsTo);
        this.rank = frozen(b.rank);
        this.depth = frozen(b.depth);
        this.weight = frozen(b.weight);
        this.droppedCycleEdges = List.copyOf(b.droppedCycleEdges);
    }

    /**
     * Builds the view. {@code REQUIRES} edges that would close a cycle (possible only through hand edits in Neo4j,
     * the importer refuses them) are dropped and logged, so path queries always run on a DAG.
     */
    public static RoadmapGraph of(Collection<GraphNode> nodes, Collection<GraphEdge> edges) {
        Builder b = new Builder();
        nodes.forEach(n -> b.nodes.put(n.id(), n));
        List<GraphEdge> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.comparing(GraphEdge::from).thenComparing(GraphEdge::to));
        for (GraphEdge e : sorted) {
            if (!b.nodes.containsKey(e.from()) || !b.nodes.containsKey(e.to())) {
                continue;
            }
            switch (e.type()) {
                case REQUIRES -> b.prerequisites
                        .computeIfAbsent(e.from(), k -> new ArrayList<>())
                        .add(new Prerequisite(e.to(), e.reason(), e.strength() == null ? "hard" : e.strength()));
                case IN_STAGE -> {
                    b.stageOf.putIfAbsent(e.from(), e.to());
                    b.stageTopics
                            .computeIfAbsent(e.to(), k -> new ArrayList<>())
                            .add(e.from());
                }
                case USES -> {
                    b.tools.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
                    b.usedBy.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
                }
                case TEACHES -> {
                    b.teachers.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
                    b.teaches.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
                }
                case LEADS_TO -> b.leadsTo
                        .computeIfAbsent(e.from(), k -> new ArrayList<>())
                        .add(e.to());
                case ABOUT -> {}
            }
        }
        b.order();
        RoadmapGraph graph = new RoadmapGraph(b);
        graph.droppedCycleEdges.forEach(edge -> LOG.warn("Ignoring REQUIRES edge {}: it closes a cycle", edge));
        return graph;
    }

    public int size() {
        return nodes.size();
    }

    public Collection<GraphNode> nodes() {
        return nodes.values();
    }

    public Optional<GraphNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /**
     * The node {@code id}, which the caller has checked exists: ids are checked once, where a request enters (the API
     * answers an unknown id with a 404 naming close matches).
     *
     * @throws IllegalArgumentException when it is not in the graph
     */
    public GraphNode require(String id) {
        GraphNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("not in the graph: '" + id + "'; check ids before asking");
        }
        return node;
    }

    public boolean contains(String id) {
        return nodes.containsKey(id);
    }

    /** Direct prerequisites: {@code REQUIRES} targets, and for a stage the topics in it. */
    public List<Prerequisite> prerequisitesOf(String id) {
        GraphNode node = nodes.get(id);
        if (node != null && node.kind() == Kind.STAGE) {
            return stageTopics.getOrDefault(id, List.of()).stream()
                    .map(topic -> new Prerequisite(topic, "part of the stage", "hard"))
                    .toList();
        }
        return prerequisites.getOrDefault(id, List.of());
    }

    /** Direct dependents: what lists {@code id} among its {@code REQUIRES}. */
    public List<String> dependentsOf(String id) {
        return dependents.getOrDefault(id, List.of());
    }

    public Optional<GraphNode> stageOf(String id) {
        return Optional.ofNullable(stageOf.get(id)).map(nodes::get);
    }

    public List<String> topicsOfStage(String stageId) {
        return stageTopics.getOrDefault(stageId, List.of());
    }

    public List<String> toolsOf(String id) {
        return tools.getOrDefault(id, List.of());
    }

    /** Topics practised with the tool {@code toolId} ({@code USES} edges read backwards), in id order. */
    public List<String> usedBy(String toolId) {
        return usedBy.getOrDefault(toolId, List.of());
    }

    /** Resources that teach {@code id}. */
    public List<String> resourcesFor(String id) {
        return teachers.getOrDefault(id, List.of());
    }

    /** What a resource teaches. */
    public List<String> taughtBy(String resourceId) {
        return teaches.getOrDefault(resourceId, List.of());
    }

    public List<String> leadsTo(String id) {
        return leadsTo.getOrDefault(id, List.of());
    }

    /** Position in the curriculum order: every node ranks after all of its prerequisites. */
    public int rank(String id) {
        return rank.getOrDefault(id, Integer.MAX_VALUE);
    }

    /**
     * How much of the graph builds on {@code id}: each node passes itself plus what builds on it to its prerequisites
     * in equal shares. Computed for every node in one pass (linear in nodes and edges), it ranks what unlocks more
     * without walking each node's whole set of dependents, which is quadratic on large graphs.
     */
    public double weight(String id) {
        return weight.getOrDefault(id, 0.0);
    }

    /** Length of the longest prerequisite chain below {@code id} (0 for a node with no prerequisites). */
    public int depth(String id) {
        return depth.getOrDefault(id, 0);
    }

    public List<String> droppedCycleEdges() {
        return droppedCycleEdges;
    }

    private static <V> Map<String, List<V>> freeze(Map<String, List<V>> map) {
        Map<String, List<V>> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * A read-only copy that stays a {@link HashMap}. Not {@code Map.copyOf}: its open addressing clusters on ids that
     * differ only in their last characters (e.g. {@code topic-1234}), and lookups then scanned long runs of the table
     * (a 19-step plan on a 10,000-topic graph cost 0.3 ms instead of tens of microseconds).
     */
    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new HashMap<>(map));
    }

    private static final class Builder {
        final Map<String, GraphNode> nodes = new HashMap<>();
        final Map<String, List<Prerequisite>> prerequisites = new HashMap<>();
        final Map<String, List<String>> dependents = new HashMap<>();
        final Map<String, String> stageOf = new HashMap<>();
        final Map<String, List<String>> stageTopics = new HashMap<>();
        final Map<String, List<String>> tools = new HashMap<>();
        final Map<String, List<String>> usedBy = new HashMap<>();
        final Map<String, List<String>> teachers = new HashMap<>();
        final Map<String, List<String>> teaches = new HashMap<>();
        final Map<String, List<String>> leadsTo = new HashMap<>();
        final Map<String, Integer> rank = new HashMap<>();
        final Map<String, Integer> depth = new HashMap<>();
        final Map<String, Double> weight = new HashMap<>();
        final List<String> droppedCycleEdges = new ArrayList<>();

        /**
         * Kahn's algorithm with a priority queue, so the order reads like a curriculum: stage order first, then
         * prerequisites-first depth, then name. A node stuck on a cycle is released by dropping its open edges.
         */
        void order() {
            Map<String, Integer> waitingOn = new HashMap<>();
            for (String id : nodes.keySet()) {
                waitingOn.put(id, prerequisites.getOrDefault(id, List.of()).size());
            }
            prerequisites.forEach((from, prereqs) -> prereqs.forEach(p ->
                    dependents.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(from)));
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
                Map<String, Integer> waitingOn,
                Set<String> done,
                Comparator<String> order,
                PriorityQueue<String> ready) {
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

        /** Topics and stages carry a stage; anything else takes the earliest stage of what depends on it. */
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
                    orders.put(node.id(), earliestDependentStage(node.id(), orders, new HashSet<>()));
                }
            }
            return orders;
        }

        private int earliestDependentStage(String id, Map<String, Integer> orders, Set<String> seen) {
            int best = Integer.MAX_VALUE;
            for (String dependent : dependents.getOrDefault(id, List.of())) {
                if (!seen.add(dependent)) {
                    continue;
                }
                Integer order = orders.get(dependent);
                best = Math.min(best, order != null ? order : earliestDependentStage(dependent, orders, seen));
            }
            return best;
        }

        private static String sortName(@Nullable GraphNode node) {
            return node == null ? "" : node.name().toLowerCase(Locale.ROOT);
        }
    }

    static boolean isLearnable(GraphNode node) {
        return node.kind() == Kind.TOPIC || node.kind() == Kind.TOOL;
    }
}
