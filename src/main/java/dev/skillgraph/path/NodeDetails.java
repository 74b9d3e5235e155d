package dev.skillgraph.path;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.domain.StageRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One node with its direct neighbourhood: the roadmaps it is on, what it requires and why, what requires it, tools,
 * resources, careers, for a tool the topics practised with it ({@code usedBy}), for a roadmap its stages in order.
 * Empty lists and absent values are left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeDetails(
        String id,
        String kind,
        String name,
        @Nullable String summary,
        @Nullable String description,
        List<String> aliases,
        @Nullable Double hours,
        @Nullable String level,
        @Nullable String url,
        @Nullable Integer order,
        @Nullable String weeks,
        @Nullable String format,
        @Nullable String salary,
        @Nullable String roadmapLine,
        @Nullable String source,
        @Nullable StageRef stage,
        List<NodeRef> roadmaps,
        List<NodeRef> stages,
        List<Requirement> prerequisites,
        List<NodeRef> dependents,
        List<NodeRef> tools,
        List<LearningPlan.Resource> resources,
        List<NodeRef> careers,
        List<NodeRef> topics,
        List<NodeRef> teaches,
        @Nullable List<TopicUse> usedBy) {

    /** A direct prerequisite and the reason for it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Requirement(
            String id, String kind, String name, @Nullable String reason, @Nullable String strength) {}
}
