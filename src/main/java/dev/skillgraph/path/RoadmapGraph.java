package dev.skillgraph.path;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable, in-memory view of the roadmap graph for path queries: prerequisites as a DAG with a precomputed
 * curriculum order, plus the stage, tools, resources and careers of every node. Built once per graph version.
 */
public final class RoadmapGraph {

    private static final Logger LOG = LoggerFactory.getLogger(RoadmapGraph.class);

    private final Map<String, GraphNode> nodes;
    private final LooseIds looseIds;
    private final Map<String, List<Prerequisite>> prerequisites;
    private final Map<String, List<String>> dependents;
    private final Map<String, String> stageOf;
    private final Map<String, List<String>> stageTopics;
    private final Map<String, List<String>> tools;
    private final Map<String, List<String>> usedBy;
    private final Map<String, List<String>> teachers;
    private final Map<String, List<String>> teaches;
    private final Map<String, List<String>> leadsTo;
    private final Map<String, List<String>> roadmapStages;
    private final Map<String, List<String>> roadmapsOf;
    private final List<String> roadmaps;
    private final Map<String, Integer> rank;
    private final Map<String, Integer> depth;
    private final Map<String, Double> weight;
    private final List<String> droppedCycleEdges;

    private RoadmapGraph(Builder b, CurriculumOrder order) {
        this.nodes = frozen(b.nodes);
        this.looseIds = LooseIds.of(nodes.values());
        this.prerequisites = freeze(b.prerequisites);
        this.dependents = freeze(b.dependents);
        this.stageOf = frozen(b.stageOf);
        this.stageTopics = freeze(b.stageTopics);
        this.tools = freeze(b.tools);
        this.usedBy = freeze(b.usedBy);
        this.teachers = freeze(b.teachers);
        this.teaches = freeze(b.teaches);
        this.leadsTo = freeze(b.leadsTo);
        this.roadmapStages = freeze(b.roadmapStages);
        RoadmapMembership membership = RoadmapMembership.of(
                b.nodes, b.roadmapStages, b.stageOf, b.includedIn, b.leadsTo, b.usedBy, b.prerequisites, b.teaches);
        this.roadmapsOf = freeze(membership.roadmapsOf());
        this.roadmaps = membership.roadmaps();
        this.rank = frozen(order.rank);
        this.depth = frozen(order.depth);
        this.weight = frozen(order.weight);
        this.droppedCycleEdges = List.copyOf(order.droppedCycleEdges);
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
                case HAS_STAGE -> b.roadmapStages
                        .computeIfAbsent(e.from(), k -> new ArrayList<>())
                        .add(e.to());
                case INCLUDES -> {
                    b.stageTopics
                            .computeIfAbsent(e.from(), k -> new ArrayList<>())
                            .add(e.to());
                    b.includedIn.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
                }
                case ABOUT -> {}
            }
        }
        b.roadmapStages
                .values()
                .forEach(stages -> stages.sort(Comparator.comparingInt((String stage) -> Objects.requireNonNullElse(
                                Objects.requireNonNull(b.nodes.get(stage), stage)
                                        .order(),
                                0))
                        .thenComparing(stage -> stage)));
        CurriculumOrder order = new CurriculumOrder(b.nodes, b.prerequisites, b.dependents, b.stageOf);
        RoadmapGraph graph = new RoadmapGraph(b, order);
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

    /**
     * The id of the node {@code typed} names: itself when it is an id, else the id it differs from only by case or
     * separators ({@code Pandas}, {@code scikit_learn}, {@code huggingface}), else the node whose whole name it is
     * ({@code Python Programming}; {@link LooseIds}); empty when there is none.
     */
    public Optional<String> resolve(String typed) {
        return nodes.containsKey(typed) ? Optional.of(typed) : looseIds.resolve(typed);
    }

    /**
     * As {@link #resolve(String)}, among the nodes of {@code kind} only: a stage named "Prerequisites" is {@code
     * Prerequisites} though a tool has that name too. Spellings are compared over the nodes of that kind, one pass.
     */
    public Optional<String> resolve(String typed, Kind kind) {
        Optional<String> any = resolve(typed)
                .filter(id -> node(id).filter(node -> node.kind() == kind).isPresent());
        return any.isPresent()
                ? any
                : LooseIds.of(nodes.values().stream()
                                .filter(node -> node.kind() == kind)
                                .toList())
                        .resolve(typed);
    }

    /**
     * Direct prerequisites: {@code REQUIRES} targets; for a stage the topics in it (its own and those it includes); for
     * a roadmap the topics of all its stages, stage by stage.
     */
    public List<Prerequisite> prerequisitesOf(String id) {
        GraphNode node = nodes.get(id);
        if (node != null && node.kind() == Kind.STAGE) {
            return stageTopics.getOrDefault(id, List.of()).stream()
                    .map(topic -> new Prerequisite(topic, "part of the stage", "hard"))
                    .toList();
        }
        if (node != null && node.kind() == Kind.ROADMAP) {
            List<Prerequisite> topics = new ArrayList<>();
            for (String stage : stagesOf(id)) {
                String reason = "part of stage '" + require(stage).name() + "'";
                topicsOfStage(stage).forEach(topic -> topics.add(new Prerequisite(topic, reason, "hard")));
            }
            return topics;
        }
        return prerequisites.getOrDefault(id, List.of());
    }

    /** Every roadmap's id, by name. */
    public List<String> roadmaps() {
        return roadmaps;
    }

    /** The stages of roadmap {@code roadmapId}, in order. */
    public List<String> stagesOf(String roadmapId) {
        return roadmapStages.getOrDefault(roadmapId, List.of());
    }

    /**
     * The roadmaps {@code id} is on, by name: a stage's roadmap; a topic's through its home stage and the stages that
     * include it; a tool's through the topics that use or require it; a career's through the roadmaps and stages that
     * lead to it; a resource's through what it teaches. Empty for roadmaps, FAQ answers and nodes on no roadmap.
     */
    public List<String> roadmapsOf(String id) {
        return roadmapsOf.getOrDefault(id, List.of());
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
     * (a 19-step plan on a 10,000-topic graph costs 0.19 ms with it, 0.12 ms with a HashMap; BENCHMARKS.md).
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
        final Map<String, List<String>> roadmapStages = new HashMap<>();
        final Map<String, List<String>> includedIn = new HashMap<>();
    }

    static boolean isLearnable(GraphNode node) {
        return node.kind() == Kind.TOPIC || node.kind() == Kind.TOOL;
    }
}
