package dev.skillgraph.path;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.domain.StageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * "What must I learn before X": every prerequisite not yet known, each after all of its own prerequisites. A plan
 * leads to one {@code goal}, or to several {@code goals} at once (then each step names the goals that need it).
 *
 * @param goal the goal of a one-goal plan; null in a plan for several goals
 * @param goals the goals of a plan for several goals, in the order asked; null in a one-goal plan
 * @param totalHours the steps' hours added up, each step once (hours)
 * @param known the ids the learner ticked
 * @param assumedKnown prerequisites of the goals that something ticked hard-requires, transitively: known, so not steps
 * @param hoursPerWeek the learning pace asked for (hours per week), if any
 * @param etaWeeks weeks to finish at {@code hoursPerWeek}, when a pace was given
 * @param milestones what is finished by the end of each week, when a pace was given
 * @param message a sentence for the learner when the plan is empty or a goal is already known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearningPlan(
        @Nullable NodeRef goal,
        @Nullable List<NodeRef> goals,
        List<Step> steps,
        double totalHours,
        List<NodeRef> known,
        List<Assumed> assumedKnown,
        @Nullable Integer hoursPerWeek,
        @Nullable Integer etaWeeks,
        @Nullable List<Milestone> milestones,
        @Nullable String message) {

    /** The goals this plan leads to: the one goal, or every goal of a plan for several. */
    @JsonIgnore
    public List<NodeRef> targets() {
        return goal != null ? List.of(goal) : Objects.requireNonNull(goals, "a plan has a goal or goals");
    }

    /**
     * One thing to learn, in order.
     *
     * @param hours estimated learning effort (hours); null when the graph gives none
     * @param goals in a plan for several goals, the goals that need this step (directly or not); null otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(
            int position,
            String id,
            String kind,
            String name,
            @Nullable String summary,
            @Nullable StageRef stage,
            @Nullable Double hours,
            List<Resource> resources,
            List<Why> why,
            List<String> prerequisites,
            @Nullable List<String> goals) {}

    /** A learning resource for a step. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resource(String id, String name, @Nullable String url, @Nullable String format) {}

    /** Why a step is in the plan: which later step (or the goal) needs it, and the edge's reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Why(String neededBy, String name, @Nullable String reason, @Nullable String strength) {}

    /**
     * A prerequisite taken as known because something the learner ticked hard-requires it.
     *
     * @param impliedBy the ticked ids that hard-require it, directly or not, in the order they were given
     */
    public record Assumed(String id, String kind, String name, List<String> impliedBy) {}

    /** What is finished by the end of one week at the chosen pace ({@code hoursDone} in hours, cumulative). */
    public record Milestone(int week, double hoursDone, List<String> completes) {

        /** Whole weeks to learn {@code hours} at {@code pace} hours a week, rounded up. */
        static int weeks(double hours, int pace) {
            return (int) Math.ceil(hours / pace - 1e-9); // 1e-9: sums of tenths are not exact in binary
        }

        /** The weeks in which steps are completed, learning them in order at {@code pace} hours a week. */
        static List<Milestone> weekly(List<Step> steps, int pace) {
            Map<Integer, List<String>> byWeek = new TreeMap<>();
            double done = 0;
            for (Step step : steps) {
                done += step.hours() == null ? 0 : step.hours();
                byWeek.computeIfAbsent(Math.max(1, weeks(done, pace)), w -> new ArrayList<>())
                        .add(step.id());
            }
            double total = done;
            List<Milestone> milestones = new ArrayList<>();
            byWeek.forEach((week, ids) -> milestones.add(new Milestone(week, Math.min(week * pace, total), ids)));
            return milestones;
        }
    }
}
