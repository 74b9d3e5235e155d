package dev.skillgraph.path;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.skillgraph.domain.StageRef;
import java.util.List;

/**
 * One node with its direct neighbourhood: what it requires and why, what requires it, tools, resources, careers, and
 * for a tool the topics practised with it ({@code usedBy}). Empty lists and absent values are left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeDetails(
        String id,
        String kind,
        String name,
        String summary,
        String description,
        List<String> aliases,
        Integer hours,
        String level,
        String url,
        Integer order,
        String weeks,
        String format,
        String salary,
        String roadmapLine,
        String source,
        StageRef stage,
        List<Requirement> prerequisites,
        List<NodeRef> dependents,
        List<NodeRef> tools,
        List<LearningPlan.Resource> resources,
        List<NodeRef> careers,
        List<NodeRef> topics,
        List<NodeRef> teaches,
        List<TopicUse> usedBy) {

    /** A direct prerequisite and the reason for it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Requirement(String id, String kind, String name, String reason, String strength) {}
}
