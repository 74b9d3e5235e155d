package dev.skillgraph.path;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.domain.StageRef;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Browsing answers on the immutable graph view: one node's neighbourhood, the stages, the careers. */
public final class NodeCatalog {

    private final RoadmapGraph graph;
    private final LearningPaths paths;

    public NodeCatalog(LearningPaths paths) {
        this.graph = paths.graph();
        this.paths = paths;
    }

    /** @throws IllegalArgumentException when there is no such node (callers check ids first) */
    public NodeDetails details(String id) {
        GraphNode n = graph.require(id);
        List<NodeDetails.Requirement> prerequisites = n.kind() == Kind.STAGE || n.kind() == Kind.ROADMAP
                ? List.of()
                : graph.prerequisitesOf(id).stream()
                        .sorted(Comparator.comparingInt(p -> graph.rank(p.id())))
                        .map(p -> requirement(p))
                        .flatMap(Optional::stream)
                        .toList();
        Set<String> careers = new LinkedHashSet<>();
        graph.dependentsOf(id).stream().filter(d -> kindOf(d) == Kind.CAREER).forEach(careers::add);
        careers.addAll(graph.leadsTo(id));
        return new NodeDetails(
                n.id(),
                n.kind().key(),
                n.name(),
                n.summary(),
                n.description(),
                n.aliases(),
                n.hours(),
                n.level(),
                n.url(),
                n.order(),
                n.weeks(),
                n.format(),
                n.salary(),
                n.roadmapLine(),
                n.source(),
                graph.stageOf(id).map(StageRef::of).orElse(null),
                roadmapsOf(id),
                graph.stagesOf(id).stream().map(graph::require).map(NodeRef::of).toList(),
                prerequisites,
                refs(graph.dependentsOf(id).stream()
                        .filter(d -> kindOf(d) != Kind.CAREER)
                        .toList()),
                refs(graph.toolsOf(id)),
                graph.resourcesFor(id).stream()
                        .map(graph::node)
                        .flatMap(Optional::stream)
                        .map(r -> new LearningPlan.Resource(r.id(), r.name(), r.url(), r.format()))
                        .sorted(Comparator.comparing(LearningPlan.Resource::name))
                        .toList(),
                refs(List.copyOf(careers)),
                refs(graph.topicsOfStage(id)),
                refs(graph.taughtBy(id)),
                TopicUse.usersOf(graph, n));
    }

    /**
     * Every stage, roadmap by roadmap (as {@link RoadmapGraph#roadmaps()} orders them, stages on no roadmap last) and
     * in order within each, with its topics in curriculum order and total hours.
     */
    public List<RoadmapOverview.Stage> stages() {
        List<String> roadmaps = graph.roadmaps();
        Comparator<GraphNode> byRoadmap = Comparator.comparingInt(stage -> graph.roadmapsOf(stage.id()).stream()
                .findFirst()
                .map(roadmaps::indexOf)
                .orElse(Integer.MAX_VALUE));
        return graph.nodes().stream()
                .filter(n -> n.kind() == Kind.STAGE)
                .sorted(byRoadmap.thenComparingInt(NodeCatalog::orderOf).thenComparing(GraphNode::id))
                .map(this::stage)
                .toList();
    }

    /** One stage with its topics (its own and those it includes) in curriculum order, and their total hours. */
    RoadmapOverview.Stage stage(GraphNode stage) {
        List<RoadmapOverview.Topic> topics = graph.topicsOfStage(stage.id()).stream()
                .sorted(Comparator.comparingInt(graph::rank))
                .map(graph::require)
                .map(t -> new RoadmapOverview.Topic(
                        t.id(), t.kind().key(), t.name(), t.summary(), t.hours(), t.level(), roadmapsOf(t.id())))
                .toList();
        double hours = topics.stream()
                .mapToDouble(t -> t.hours() == null ? 0 : t.hours())
                .sum();
        return new RoadmapOverview.Stage(
                stage.id(),
                stage.name(),
                orderOf(stage),
                stage.weeks(),
                stage.summary(),
                stage.description(),
                graph.roadmapsOf(stage.id()).stream()
                        .findFirst()
                        .map(graph::require)
                        .map(NodeRef::of)
                        .orElse(null),
                hours,
                topics,
                refs(graph.leadsTo(stage.id())));
    }

    /** Every career with its direct requirements and the hours of its full plan from scratch. */
    public List<RoadmapOverview.Career> careers() {
        return graph.nodes().stream()
                .filter(n -> n.kind() == Kind.CAREER)
                .sorted(Comparator.comparing(GraphNode::name))
                .map(c -> new RoadmapOverview.Career(
                        c.id(),
                        c.name(),
                        c.summary(),
                        c.salary(),
                        graph.prerequisitesOf(c.id()).stream()
                                .sorted(Comparator.comparingInt(p -> graph.rank(p.id())))
                                .map(this::requirement)
                                .flatMap(Optional::stream)
                                .toList(),
                        paths.plan(c.id(), List.of(), Optional.empty()).totalHours()))
                .toList();
    }

    private Optional<NodeDetails.Requirement> requirement(Prerequisite p) {
        return graph.node(p.id())
                .map(t -> new NodeDetails.Requirement(t.id(), t.kind().key(), t.name(), p.reason(), p.strength()));
    }

    private @Nullable Kind kindOf(String id) {
        return graph.node(id).map(GraphNode::kind).orElse(null);
    }

    /** The roadmaps {@code id} is on, by name. */
    List<NodeRef> roadmapsOf(String id) {
        return graph.roadmapsOf(id).stream()
                .map(graph::require)
                .map(NodeRef::of)
                .toList();
    }

    List<NodeRef> refs(List<String> ids) {
        return ids.stream()
                .sorted(Comparator.comparingInt(graph::rank))
                .map(graph::node)
                .flatMap(Optional::stream)
                .map(NodeRef::of)
                .toList();
    }

    private static int orderOf(GraphNode stage) {
        return stage.order() == null ? 0 : stage.order();
    }
}
