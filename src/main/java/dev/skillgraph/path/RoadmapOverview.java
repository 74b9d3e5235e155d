package dev.skillgraph.path;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.skillgraph.domain.NodeRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Roadmaps at a glance: stages in order with their topics, and careers with what they require. */
public final class RoadmapOverview {

    private RoadmapOverview() {}

    /** A stage with its topics in curriculum order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stage(
            String id,
            String name,
            int order,
            @Nullable String weeks,
            @Nullable String summary,
            @Nullable String description,
            @Nullable NodeRef roadmap,
            double totalHours,
            List<Topic> topics,
            List<NodeRef> leadsTo) {}

    /**
     * A topic inside a stage.
     *
     * @param roadmaps every roadmap the topic is on (this one among them): the roadmaps that share it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Topic(
            String id,
            String kind,
            String name,
            @Nullable String summary,
            @Nullable Double hours,
            @Nullable String level,
            List<NodeRef> roadmaps) {}

    /** A career and what it requires directly. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Career(
            String id,
            String name,
            @Nullable String summary,
            @Nullable String salary,
            List<NodeDetails.Requirement> requires,
            double planHours) {}
}
