package dev.skillgraph.path;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * "What must I learn before X": every prerequisite not yet known, each after all of its own prerequisites.
 *
 * @param assumedKnown prerequisites reachable only through known nodes, so not steps
 * @param etaWeeks weeks to finish at {@code hoursPerWeek}, when a pace was given
 * @param message a sentence for the learner when the plan is empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearningPlan(
        NodeRef goal,
        List<Step> steps,
        int totalHours,
        List<NodeRef> known,
        List<NodeRef> assumedKnown,
        Integer hoursPerWeek,
        Integer etaWeeks,
        List<Milestone> milestones,
        String message) {

    /** One thing to learn, in order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(
            int position,
            String id,
            String kind,
            String name,
            String summary,
            StageRef stage,
            Integer hours,
            List<Resource> resources,
            List<Why> why,
            List<String> prerequisites) {}

    /** The stage a step belongs to. */
    public record StageRef(String id, String name, int order) {}

    /** A learning resource for a step. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resource(String id, String name, String url, String format) {}

    /** Why a step is in the plan: which later step (or the goal) needs it, and the edge's reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Why(String neededBy, String name, String reason, String strength) {}

    /** What is finished by the end of one week at the chosen pace. */
    public record Milestone(int week, int hoursDone, List<String> completes) {}
}
