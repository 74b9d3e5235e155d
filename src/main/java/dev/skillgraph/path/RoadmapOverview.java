package dev.skillgraph.path;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The roadmap at a glance: stages in order with their topics, and careers with what they require. */
public final class RoadmapOverview {

    private RoadmapOverview() {}

    /** A stage with its topics in curriculum order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stage(
            String id,
            String name,
            int order,
            String weeks,
            String summary,
            String description,
            int totalHours,
            List<Topic> topics,
            List<NodeRef> leadsTo) {}

    /** A topic inside a stage. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Topic(String id, String name, String summary, Integer hours, String level) {}

    /** A career and what it requires directly. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Career(
            String id,
            String name,
            String summary,
            String salary,
            List<NodeDetails.Requirement> requires,
            int planHours) {}
}
