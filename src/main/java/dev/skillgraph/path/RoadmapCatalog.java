package dev.skillgraph.path;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.NodeRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The roadmaps of the graph: each one's header facts, its stages in order with their topics, and what it shares with
 * the others. Answers on one immutable {@link RoadmapGraph}; thread-safe.
 */
public final class RoadmapCatalog {

    /**
     * One roadmap in the list.
     *
     * @param topics distinct topics on it (its stages' own and included ones)
     * @param sharedTopics how many of them are on another roadmap too
     * @param totalHours the hours of its whole plan from scratch: its topics and every prerequisite they need
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(
            String id,
            String name,
            @Nullable String summary,
            @Nullable String audience,
            @Nullable String duration,
            @Nullable String difficulty,
            int stages,
            int topics,
            int sharedTopics,
            double totalHours,
            List<NodeRef> careers) {}

    /** One roadmap whole: {@link Summary}'s facts, its stages in order with their topics, its careers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(
            String id,
            String kind,
            String name,
            @Nullable String summary,
            @Nullable String description,
            List<String> aliases,
            @Nullable String audience,
            @Nullable String duration,
            @Nullable String difficulty,
            @Nullable String url,
            int topics,
            int sharedTopics,
            double totalHours,
            List<RoadmapOverview.Stage> stages,
            List<NodeRef> careers,
            @Nullable String caseIdentifier) {}

    private final RoadmapGraph graph;
    private final LearningPaths paths;
    private final NodeCatalog nodes;

    public RoadmapCatalog(LearningPaths paths) {
        this.graph = paths.graph();
        this.paths = paths;
        this.nodes = new NodeCatalog(paths);
    }

    /** Every roadmap, by name. */
    public List<Summary> roadmaps() {
        return graph.roadmaps().stream()
                .map(graph::require)
                .map(r -> {
                    Set<String> topics = topicsOf(r.id());
                    return new Summary(
                            r.id(),
                            r.name(),
                            r.summary(),
                            r.audience(),
                            r.duration(),
                            r.difficulty(),
                            graph.stagesOf(r.id()).size(),
                            topics.size(),
                            shared(topics),
                            totalHours(r),
                            careers(r));
                })
                .toList();
    }

    /** Roadmap {@code id}, which the caller has checked is a roadmap. */
    public Details roadmap(String id) {
        GraphNode r = graph.require(id);
        Set<String> topics = topicsOf(id);
        return new Details(
                r.id(),
                r.kind().key(),
                r.name(),
                r.summary(),
                r.description(),
                r.aliases(),
                r.audience(),
                r.duration(),
                r.difficulty(),
                r.url(),
                topics.size(),
                shared(topics),
                totalHours(r),
                graph.stagesOf(id).stream()
                        .map(graph::require)
                        .map(nodes::stage)
                        .toList(),
                careers(r),
                r.caseIdentifier());
    }

    /** The distinct topics of a roadmap's stages, stage by stage. */
    private Set<String> topicsOf(String roadmapId) {
        Set<String> topics = new LinkedHashSet<>();
        graph.prerequisitesOf(roadmapId).forEach(p -> topics.add(p.id()));
        return topics;
    }

    private int shared(Set<String> topics) {
        return (int) topics.stream().filter(t -> graph.roadmapsOf(t).size() > 1).count();
    }

    private double totalHours(GraphNode roadmap) {
        return paths.plan(roadmap.id(), List.of(), Optional.empty()).totalHours();
    }

    private List<NodeRef> careers(GraphNode roadmap) {
        return graph.leadsTo(roadmap.id()).stream()
                .map(graph::require)
                .filter(c -> c.kind() == Kind.CAREER)
                .map(NodeRef::of)
                .toList();
    }
}
