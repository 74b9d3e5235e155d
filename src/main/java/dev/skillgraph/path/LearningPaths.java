package dev.skillgraph.path;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.path.PlanNodes.PlanNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The learning-path questions, answered on one immutable {@link RoadmapGraph}: what must I learn before X (or before
 * several goals at once), what can I learn next, what does X unlock, the shortest chain from A to B, and how far each
 * node is from what a learner knows. Every method is pure and thread-safe.
 *
 * <p>Home-made rather than a graph library's: a plan is a walk back from the goal that stops at what is known (as
 * Metacademy plans), ordered by a curriculum rank computed once per graph, which no general graph library offers.
 */
public final class LearningPaths {

    private final RoadmapGraph graph;
    private final PlanNodes planNodes;
    private final Frontier frontier;

    public LearningPaths(RoadmapGraph graph) {
        this.graph = graph;
        this.planNodes = new PlanNodes(graph);
        this.frontier = new Frontier(graph, planNodes);
    }

    public RoadmapGraph graph() {
        return graph;
    }

    /**
     * Plans the way to {@code goalId}: walk back from the goal, stop at what is known (ticked, or hard-required by
     * something ticked), and order the rest prerequisites first.
     *
     * @param hoursPerWeek a learning pace (hours per week) for an ETA and weekly milestones, or empty
     * @throws SkillGraphException invalid input for a goal that is a resource or an FAQ answer, or for unknown ids in
     *     {@code knownIds}
     * @throws IllegalArgumentException for an unknown goal (callers check ids first)
     */
    public LearningPlan plan(String goalId, Collection<String> knownIds, Optional<Integer> hoursPerWeek) {
        return plan(List.of(requireGoal(goalId, null)), false, knowledge(knownIds), hoursPerWeek);
    }

    /**
     * One plan covering every goal of {@code goalIds}: the union of their plans, each step once and ordered as in a
     * one-goal plan, each naming the goals that need it. A goal that another goal needs is a step of the plan.
     *
     * @throws SkillGraphException as {@link #plan(String, Collection, Optional)}, for any of the goals
     */
    public LearningPlan plan(List<String> goalIds, Collection<String> knownIds, Optional<Integer> hoursPerWeek) {
        List<GraphNode> goals = new LinkedHashSet<>(goalIds)
                .stream().map(id -> requireGoal(id, "goals")).toList();
        return plan(goals, true, knowledge(knownIds), hoursPerWeek);
    }

    /** How far every node is from {@code knownIds}; see {@link Reach}. */
    public Reach reach(Collection<String> knownIds) {
        return new Reach(planNodes, knowledge(knownIds));
    }

    /**
     * The frontier: see {@link Frontier#next}.
     *
     * @throws SkillGraphException invalid input when the goal is a resource or an FAQ answer, as for a plan
     */
    public NextSteps next(Collection<String> knownIds, Optional<String> goalId, int limit) {
        Optional<GraphNode> goal = goalId.map(id -> requireGoal(id, "goal"));
        return frontier.next(knowledge(knownIds), goal, limit);
    }

    /** Everything that depends on {@code id}: see {@link Frontier#unlocks}. */
    public Unlocks unlocks(String id) {
        return frontier.unlocks(graph.require(id));
    }

    /**
     * The shortest chain of {@code REQUIRES} hops leading from {@code fromId} up to {@code toId}.
     *
     * @throws SkillGraphException not found when {@code toId} does not depend on {@code fromId}; invalid input when
     *     either is a resource or an FAQ answer, which no prerequisite edge joins
     */
    public PrerequisiteChain chain(String fromId, String toId) {
        GraphNode from = requireGoal(fromId, "from");
        GraphNode to = requireGoal(toId, "to");
        if (fromId.equals(toId)) {
            throw SkillGraphException.invalidParameter(
                    "to", "'from' and 'to' are both '" + fromId + "'; name two different nodes");
        }
        return PrerequisiteChain.shortest(graph, from, to);
    }

    private LearningPlan plan(
            List<GraphNode> goalNodes, boolean several, Knowledge knowledge, Optional<Integer> hoursPerWeek) {
        List<PlanNode> goals =
                goalNodes.stream().map(g -> planNodes.get(g.id())).toList();
        List<PlanNode> open = goals.stream().filter(g -> !knowledge.knows(g)).toList();
        BitSet inPlan = planNodes.newSet();
        List<PlanNode> ordered = closure(open, knowledge.all(), inPlan);
        ordered.sort(PlanNodes.BY_RANK);
        BitSet everything = planNodes.newSet();
        closure(goals, planNodes.newSet(), everything);
        goals.forEach(goal -> everything.set(goal.index));

        Map<PlanNode, List<LearningPlan.Why>> why = why(open, ordered, inPlan);
        Map<PlanNode, List<String>> forGoals = several ? forGoals(open, inPlan) : Map.of();
        List<LearningPlan.Step> steps = new ArrayList<>(ordered.size());
        double total = 0;
        for (PlanNode node : ordered) {
            LearningPlan.Step step = step(
                    steps.size() + 1, node, why.getOrDefault(node, List.of()), inPlan, forGoals.get(node), several);
            total += step.hours() == null ? 0 : step.hours();
            steps.add(step);
        }
        Integer eta = null;
        List<LearningPlan.Milestone> milestones = null;
        if (hoursPerWeek.isPresent()) {
            // A plan of steps without hours still takes a week: its milestones say week 1.
            eta = steps.isEmpty() ? 0 : Math.max(1, LearningPlan.Milestone.weeks(total, hoursPerWeek.get()));
            milestones = LearningPlan.Milestone.weekly(steps, hoursPerWeek.get());
        }
        List<NodeRef> goalRefs = goalNodes.stream().map(NodeRef::of).toList();
        return new LearningPlan(
                several ? null : goalRefs.get(0),
                several ? goalRefs : null,
                steps,
                total,
                refs(knowledge.ticked()),
                knowledge.implied(everything),
                hoursPerWeek.orElse(null),
                eta,
                milestones,
                message(goals, open, steps, knowledge));
    }

    /** A sentence when a goal is already known or nothing is left to learn; null otherwise. */
    private static @Nullable String message(
            List<PlanNode> goals, List<PlanNode> open, List<LearningPlan.Step> steps, Knowledge knowledge) {
        List<String> sentences = new ArrayList<>();
        for (PlanNode goal : goals) {
            if (open.contains(goal)) {
                continue;
            }
            List<String> by = knowledge.impliedBy(goal);
            sentences.add("'" + goal.node.name() + "' is already known"
                    + (by == null ? "" : " (implied by knowing " + String.join(", ", by) + ")"));
        }
        if (steps.isEmpty()) {
            sentences.add(
                    open.isEmpty()
                            ? "there is nothing to learn"
                            : open.stream().map(g -> "'" + g.node.name() + "'").collect(Collectors.joining(", "))
                                    + (open.size() == 1 ? " has" : " have") + " no prerequisites left to learn");
        }
        return sentences.isEmpty() ? null : String.join("; ", sentences);
    }

    /**
     * For every step, which later steps (or goals) need it and why, latest last. Walks the prerequisites of the plan's
     * own nodes, not the dependents of each step: a foundation topic can have thousands of dependents in a large
     * graph, and only the few inside the plan matter. For a stage goal, its topics are needed as "part of the stage".
     */
    private static Map<PlanNode, List<LearningPlan.Why>> why(
            List<PlanNode> goals, List<PlanNode> steps, BitSet inPlan) {
        Map<PlanNode, List<LearningPlan.Why>> why = new HashMap<>();
        Set<PlanNode> needing = new LinkedHashSet<>(steps);
        needing.addAll(goals);
        List<PlanNode> byRank = new ArrayList<>(needing);
        byRank.sort(PlanNodes.BY_RANK);
        // In rank order, so that each step's list comes out latest last without sorting it.
        for (PlanNode dependent : byRank) {
            for (int i = 0; i < dependent.prerequisites.length; i++) {
                PlanNode prerequisite = dependent.prerequisites[i];
                if (inPlan.get(prerequisite.index)) {
                    Prerequisite link = dependent.links[i];
                    why.computeIfAbsent(prerequisite, p -> new ArrayList<>())
                            .add(new LearningPlan.Why(
                                    dependent.id(), dependent.node.name(), link.reason(), link.strength()));
                }
            }
        }
        return why;
    }

    /** For every step of a plan for several goals, the goals (in the order asked) whose own plan contains it. */
    private Map<PlanNode, List<String>> forGoals(List<PlanNode> goals, BitSet inPlan) {
        Map<PlanNode, List<String>> forGoals = new HashMap<>();
        for (PlanNode goal : goals) {
            BitSet seen = planNodes.newSet();
            Deque<PlanNode> todo = new ArrayDeque<>(List.of(goal));
            while (!todo.isEmpty()) {
                for (PlanNode p : todo.pop().prerequisites) {
                    if (inPlan.get(p.index) && !seen.get(p.index)) {
                        seen.set(p.index);
                        forGoals.computeIfAbsent(p, k -> new ArrayList<>()).add(goal.id());
                        todo.push(p);
                    }
                }
            }
        }
        return forGoals;
    }

    private static LearningPlan.Step step(
            int position,
            PlanNode planNode,
            List<LearningPlan.Why> why,
            BitSet inPlan,
            @Nullable List<String> goals,
            boolean several) {
        GraphNode node = planNode.node;
        List<PlanNode> prerequisites = new ArrayList<>(planNode.prerequisites.length);
        for (PlanNode prerequisite : planNode.prerequisites) {
            if (inPlan.get(prerequisite.index)) {
                prerequisites.add(prerequisite);
            }
        }
        prerequisites.sort(PlanNodes.BY_RANK);
        return new LearningPlan.Step(
                position,
                node.id(),
                node.kind().key(),
                node.name(),
                node.summary(),
                planNode.stage,
                node.hours(),
                planNode.resources,
                why,
                prerequisites.stream().map(PlanNode::id).toList(),
                several ? (goals == null ? List.of() : List.copyOf(goals)) : null);
    }

    /**
     * Prerequisites of {@code goals}, walking back and stopping at (not including) nodes of {@code known}; each is
     * also set in {@code seen}. A goal is found only when another goal needs it.
     */
    static List<PlanNode> closure(List<PlanNode> goals, BitSet known, BitSet seen) {
        List<PlanNode> found = new ArrayList<>();
        Deque<PlanNode> todo = new ArrayDeque<>(goals);
        while (!todo.isEmpty()) {
            for (PlanNode p : todo.pop().prerequisites) {
                if (!known.get(p.index) && !seen.get(p.index)) {
                    seen.set(p.index);
                    found.add(p);
                    todo.push(p);
                }
            }
        }
        return found;
    }

    /**
     * The node {@code id}, a learning goal; {@code parameter}: the request's parameter that named it, none for a path.
     *
     * @throws SkillGraphException invalid input, naming {@code parameter}, for a resource or an FAQ answer
     */
    private GraphNode requireGoal(String id, @Nullable String parameter) {
        GraphNode goal = graph.require(id);
        if (goal.kind() == Kind.RESOURCE || goal.kind() == Kind.FAQ) {
            String message = "'" + id + "' is a " + goal.kind().key()
                    + ", not a learning goal; plan for a topic, tool, stage, career or roadmap"
                    + (goal.kind() == Kind.RESOURCE ? " (it teaches: " + graph.taughtBy(id) + ")" : "");
            throw parameter == null
                    ? SkillGraphException.invalidInput(message)
                    : SkillGraphException.invalidParameter(parameter, message);
        }
        return goal;
    }

    /** @throws SkillGraphException bad parameter {@code known} naming every id that does not exist */
    private Knowledge knowledge(Collection<String> ids) {
        Set<String> known = new LinkedHashSet<>(ids);
        List<String> unknown =
                known.stream().filter(id -> !graph.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw SkillGraphException.invalidParameter(
                    "known",
                    "'known' names " + (unknown.size() == 1 ? "an id that does not exist: " : "ids that do not exist: ")
                            + String.join(", ", unknown));
        }
        return Knowledge.of(planNodes, known);
    }

    private List<NodeRef> refs(Collection<String> ids) {
        return ids.stream()
                .map(graph::node)
                .flatMap(Optional::stream)
                .map(NodeRef::of)
                .toList();
    }
}
