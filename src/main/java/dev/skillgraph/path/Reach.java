package dev.skillgraph.path;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.path.PlanNodes.PlanNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How far nodes are from what one learner knows: for a node, the number of steps and the hours of its learning plan
 * (as {@link LearningPaths#plan} would give them), and which nodes are within reach now. Built once per request.
 */
public final class Reach {

    /**
     * @param steps how many steps the node's plan has (0 when it is known or every prerequisite is)
     * @param hours the hours of those steps
     */
    public record Distance(int steps, double hours) {}

    private final PlanNodes planNodes;
    private final Knowledge knowledge;

    Reach(PlanNodes planNodes, Knowledge knowledge) {
        this.planNodes = planNodes;
        this.knowledge = knowledge;
    }

    /**
     * The size of {@code id}'s plan; empty for a node that is no learning goal (a resource or an FAQ answer) or that
     * does not exist.
     */
    public Optional<Distance> of(String id) {
        PlanNode node = planNodes.get(id);
        if (node == null || !isGoal(node)) {
            return Optional.empty();
        }
        if (knowledge.knows(node)) {
            return Optional.of(new Distance(0, 0));
        }
        List<PlanNode> steps = LearningPaths.closure(List.of(node), knowledge.all(), planNodes.newSet());
        double hours = 0;
        for (PlanNode step : steps) {
            hours += step.node.hours() == null ? 0 : step.node.hours();
        }
        return Optional.of(new Distance(steps.size(), hours));
    }

    /**
     * Whether the learner knows {@code id}: they said so, or it is a prerequisite, near or far, of something they said
     * they know. False for an id of no node.
     */
    public boolean knows(String id) {
        PlanNode node = planNodes.get(id);
        return node != null && knowledge.knows(node);
    }

    /**
     * Ids of the topics and tools that can be learned now: not known, every prerequisite known. The same rule as
     * {@code /api/next}'s frontier; one pass over the graph.
     */
    public Set<String> learnableNow() {
        Set<String> ids = new HashSet<>();
        for (PlanNode node : planNodes.all()) {
            if (Frontier.isNext(node, knowledge.all())) {
                ids.add(node.id());
            }
        }
        return ids;
    }

    private static boolean isGoal(PlanNode node) {
        return node.node.kind() != Kind.RESOURCE && node.node.kind() != Kind.FAQ;
    }
}
