package dev.skillgraph.path;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.skillgraph.domain.NodeRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The frontier: what can be learned now because every prerequisite is known, best first.
 *
 * @param known the ids the learner ticked
 * @param assumedKnown what those hard-require, transitively: known too, so never in {@code next}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NextSteps(
        List<NodeRef> known, List<LearningPlan.Assumed> assumedKnown, @Nullable NodeRef goal, List<Candidate> next) {

    /**
     * @param hours estimated learning effort (hours), if the graph gives one
     * @param unlocks how many topics and tools (transitively) depend on it
     * @param towardGoal how many steps of the plan for the goal it opens up, when a goal was given
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(
            String id,
            String kind,
            String name,
            @Nullable String stage,
            @Nullable Double hours,
            int unlocks,
            @Nullable Integer towardGoal) {}
}
