package dev.skillgraph.path;

import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.graph.GraphNode;
import dev.skillgraph.graph.Kind;
import dev.skillgraph.path.PlanNodes.PlanNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The learning-path questions, answered on one immutable {@link RoadmapGraph}: what must I learn before X, what can
 * I learn next, what does X unlock, and the shortest chain from A to B. Every method is pure and thread-safe.
 */
public final class LearningPaths {

    private final RoadmapGraph graph;
    private final PlanNodes planNodes;

    public LearningPaths(RoadmapGraph graph) {
        this.graph = graph;
        this.planNodes = new PlanNodes(graph);
    }

    public RoadmapGraph graph() {
        return graph;
    }

    /**
     * Plans the way to {@code goalId} as Metacademy does: walk back from the goal, stop at what is known, and order
     * the rest prerequisites first.
     *
     * @param hoursPerWeek a learning pace for an ETA and weekly milestones, or empty
     */
    public LearningPlan plan(String goalId, Collection<String> knownIds, Optional<Integer> hoursPerWeek) {
        GraphNode goal = require(goalId);
        if (goal.kind() == Kind.RESOURCE || goal.kind() == Kind.FAQ) {
            throw SkillGraphException.badRequest(
                    "'" + goalId + "' is a " + goal.kind().key()
                            + ", not a learning goal; plan for a topic, tool, stage or career"
                            + (goal.kind() == Kind.RESOURCE ? " (it teaches: " + graph.taughtBy(goalId) + ")" : ""));
        }
        Set<String> known = knownSet(knownIds);
        List<NodeRef> knownRefs = refs(known);
        if (known.contains(goalId)) {
            return new LearningPlan(
                    NodeRef.of(goal),
                    List.of(),
                    0,
                    knownRefs,
                    List.of(),
                    hoursPerWeek.orElse(null),
                    hoursPerWeek.map(h -> 0).orElse(null),
                    hoursPerWeek.map(h -> List.<LearningPlan.Milestone>of()).orElse(null),
                    "'" + goal.name() + "' is already known: there is nothing to learn");
        }
        PlanNode target = planNodes.get(goalId);
        BitSet knownSet = planNodes.setOf(known);
        BitSet inPlan = planNodes.newSet();
        List<PlanNode> ordered = closure(target, knownSet, inPlan);
        ordered.sort(PlanNodes.BY_RANK);
        List<NodeRef> assumed = known.isEmpty() ? List.of() : assumedKnown(target, knownSet, inPlan);

        Map<PlanNode, List<LearningPlan.Why>> why = why(target, ordered, inPlan);
        List<LearningPlan.Step> planSteps = new ArrayList<>(ordered.size());
        int total = 0;
        for (PlanNode node : ordered) {
            LearningPlan.Step step = step(planSteps.size() + 1, node, why.getOrDefault(node, List.of()), inPlan);
            total += step.hours() == null ? 0 : step.hours();
            planSteps.add(step);
        }
        Integer eta = null;
        List<LearningPlan.Milestone> milestones = null;
        if (hoursPerWeek.isPresent()) {
            int pace = hoursPerWeek.get();
            eta = (total + pace - 1) / pace;
            milestones = milestones(planSteps, pace);
        }
        String message = planSteps.isEmpty() ? "'" + goal.name() + "' has no prerequisites left to learn" : null;
        return new LearningPlan(
                NodeRef.of(goal),
                planSteps,
                total,
                knownRefs,
                assumed,
                hoursPerWeek.orElse(null),
                eta,
                milestones,
                message);
    }

    /**
     * The shortest chain of {@code REQUIRES} hops leading from {@code fromId} up to {@code toId}.
     *
     * @throws SkillGraphException not found when {@code toId} does not depend on {@code fromId}
     */
    public PrerequisiteChain chain(String fromId, String toId) {
        GraphNode from = require(fromId);
        GraphNode to = require(toId);
        if (fromId.equals(toId)) {
            throw SkillGraphException.badRequest("'from' and 'to' are both '" + fromId + "'; name two different nodes");
        }
        Map<String, String> via = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(toId));
        via.put(toId, null);
        while (!queue.isEmpty() && !via.containsKey(fromId)) {
            String current = queue.poll();
            for (Prerequisite p : graph.prerequisitesOf(current)) {
                if (!via.containsKey(p.id())) {
                    via.put(p.id(), current);
                    reasons.put(p.id(), p.reason());
                    queue.add(p.id());
                }
            }
        }
        if (!via.containsKey(fromId)) {
            throw SkillGraphException.notFound("'" + to.name() + "' (" + toId + ") does not depend on '" + from.name()
                    + "' (" + fromId + "): no chain of prerequisites leads from one to the other");
        }
        List<PrerequisiteChain.Link> links = new ArrayList<>();
        String reason = null;
        for (String at = fromId; at != null; at = via.get(at)) {
            GraphNode node = graph.node(at).orElseThrow();
            links.add(new PrerequisiteChain.Link(at, node.kind().key(), node.name(), reason));
            reason = reasons.get(at);
        }
        return new PrerequisiteChain(NodeRef.of(from), NodeRef.of(to), links, links.size() - 1);
    }

    /**
     * The frontier: topics and tools not known whose prerequisites are all known, ranked by how much they unlock, or
     * by how much of the plan for {@code goalId} they open up when a goal is given.
     */
    public NextSteps next(Collection<String> knownIds, Optional<String> goalId, int limit) {
        Set<String> known = knownSet(knownIds);
        Optional<GraphNode> goal = goalId.map(this::require);
        BitSet knownSet = planNodes.setOf(known);
        BitSet planSteps = planNodes.newSet();
        goal.ifPresent(g -> closure(planNodes.get(g.id()), knownSet, planSteps));
        List<PlanNode> frontier = new ArrayList<>();
        for (PlanNode node : planNodes.all()) {
            if (RoadmapGraph.isLearnable(node.node)
                    && !knownSet.get(node.index)
                    && (goal.isEmpty() || planSteps.get(node.index))
                    && allIn(node.prerequisites, knownSet)) {
                frontier.add(node);
            }
        }
        // Rank on what is cheap for every candidate (the plan steps it opens, or its weight in the graph); count
        // exactly what each unlocks only for the page returned.
        Map<PlanNode, Integer> toward = new HashMap<>();
        if (goal.isPresent()) {
            frontier.forEach(node -> toward.put(node, dependents(node, planSteps, false)));
        }
        frontier.sort(Comparator.<PlanNode>comparingInt(n -> -toward.getOrDefault(n, 0))
                .thenComparingDouble(n -> -n.weight)
                .thenComparingInt(n -> n.rank));
        List<NextSteps.Candidate> candidates = frontier.stream()
                .limit(limit)
                .map(node -> new NextSteps.Candidate(
                        node.id(),
                        node.node.kind().key(),
                        node.node.name(),
                        node.stage == null ? null : node.stage.id(),
                        node.node.hours(),
                        dependents(node, null, true),
                        goal.isPresent() ? toward.get(node) : null))
                .toList();
        return new NextSteps(refs(known), goal.map(NodeRef::of).orElse(null), candidates);
    }

    private static boolean allIn(PlanNode[] nodes, BitSet set) {
        for (PlanNode node : nodes) {
            if (!set.get(node.index)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many nodes depend on {@code node}, directly or not: only through nodes of {@code within} when it is given,
     * only topics and tools when {@code learnableOnly}.
     */
    private int dependents(PlanNode node, BitSet within, boolean learnableOnly) {
        BitSet seen = planNodes.newSet();
        Deque<PlanNode> todo = new ArrayDeque<>();
        todo.push(node);
        int count = 0;
        while (!todo.isEmpty()) {
            for (PlanNode dependent : todo.pop().dependents) {
                if ((within == null || within.get(dependent.index)) && !seen.get(dependent.index)) {
                    seen.set(dependent.index);
                    todo.push(dependent);
                    if (!learnableOnly || RoadmapGraph.isLearnable(dependent.node)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** Everything that depends on {@code id}, nearest first, and the careers it leads to. */
    public Unlocks unlocks(String id) {
        GraphNode node = require(id);
        Map<String, Integer> distance = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(id));
        distance.put(id, 0);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (String dependent : graph.dependentsOf(current)) {
                if (!distance.containsKey(dependent)) {
                    distance.put(dependent, distance.get(current) + 1);
                    queue.add(dependent);
                }
            }
        }
        distance.remove(id);
        List<Unlocks.Dependent> dependents = distance.entrySet().stream()
                .map(e -> graph.node(e.getKey())
                        .map(n -> new Unlocks.Dependent(n.id(), n.kind().key(), n.name(), e.getValue())))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(Unlocks.Dependent::distance).thenComparingInt(d -> graph.rank(d.id())))
                .toList();
        Set<String> careers = new LinkedHashSet<>();
        dependents.stream().filter(d -> d.kind().equals(Kind.CAREER.key())).forEach(d -> careers.add(d.id()));
        Set<String> origins = new LinkedHashSet<>(List.of(id));
        graph.stageOf(id).ifPresent(stage -> origins.add(stage.id()));
        origins.forEach(origin -> careers.addAll(graph.leadsTo(origin)));
        return new Unlocks(NodeRef.of(node), dependents, sortedRefs(careers));
    }

    /**
     * For every step, which later steps (or the goal) need it and why, latest last. Walks the prerequisites of the
     * plan's own nodes, not the dependents of each step: a foundation topic can have thousands of dependents in a large
     * graph, and only the few inside the plan matter. For a stage goal, its topics are needed as "part of the stage".
     */
    private static Map<PlanNode, List<LearningPlan.Why>> why(PlanNode goal, List<PlanNode> steps, BitSet inPlan) {
        Map<PlanNode, List<PlanNode>> neededBy = new HashMap<>();
        Map<PlanNode, List<LearningPlan.Why>> why = new HashMap<>();
        List<PlanNode> needing = new ArrayList<>(steps);
        needing.add(goal);
        needing.sort(PlanNodes.BY_RANK);
        // In rank order, so that each step's list comes out latest last without sorting it.
        for (PlanNode dependent : needing) {
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

    private static LearningPlan.Step step(int position, PlanNode planNode, List<LearningPlan.Why> why, BitSet inPlan) {
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
                prerequisites.stream().map(PlanNode::id).toList());
    }

    private static List<LearningPlan.Milestone> milestones(List<LearningPlan.Step> steps, int pace) {
        Map<Integer, List<String>> byWeek = new TreeMap<>();
        int done = 0;
        for (LearningPlan.Step step : steps) {
            done += step.hours() == null ? 0 : step.hours();
            int week = Math.max(1, (done + pace - 1) / pace);
            byWeek.computeIfAbsent(week, w -> new ArrayList<>()).add(step.id());
        }
        int total = done;
        List<LearningPlan.Milestone> milestones = new ArrayList<>();
        byWeek.forEach(
                (week, ids) -> milestones.add(new LearningPlan.Milestone(week, Math.min(week * pace, total), ids)));
        return milestones;
    }

    /** Prerequisites of the goal reachable only through known nodes: learnt with them, so not steps. */
    private List<NodeRef> assumedKnown(PlanNode goal, BitSet known, BitSet steps) {
        BitSet excluded = planNodes.newSet();
        excluded.or(known);
        excluded.or(steps);
        List<PlanNode> assumed = closure(goal, planNodes.newSet(), planNodes.newSet());
        assumed.removeIf(node -> excluded.get(node.index));
        assumed.sort(PlanNodes.BY_RANK);
        return assumed.stream().map(node -> NodeRef.of(node.node)).toList();
    }

    /**
     * Prerequisites of {@code goal}, walking back and stopping at (not including) known nodes; each is also set in
     * {@code seen}.
     */
    private static List<PlanNode> closure(PlanNode goal, BitSet known, BitSet seen) {
        List<PlanNode> found = new ArrayList<>();
        Deque<PlanNode> todo = new ArrayDeque<>();
        todo.push(goal);
        seen.set(goal.index);
        while (!todo.isEmpty()) {
            for (PlanNode p : todo.pop().prerequisites) {
                if (!known.get(p.index) && !seen.get(p.index)) {
                    seen.set(p.index);
                    found.add(p);
                    todo.push(p);
                }
            }
        }
        seen.clear(goal.index);
        return found;
    }

    private GraphNode require(String id) {
        return graph.node(id).orElseThrow(() -> SkillGraphException.notFound("no node with id '" + id + "'"));
    }

    private Set<String> knownSet(Collection<String> ids) {
        Set<String> known = new LinkedHashSet<>(ids);
        List<String> unknown =
                known.stream().filter(id -> !graph.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw SkillGraphException.badParameter(
                    "known",
                    "'known' names " + (unknown.size() == 1 ? "an id that does not exist: " : "ids that do not exist: ")
                            + String.join(", ", unknown));
        }
        return known;
    }

    private List<NodeRef> refs(Collection<String> ids) {
        return ids.stream()
                .map(graph::node)
                .flatMap(Optional::stream)
                .map(NodeRef::of)
                .toList();
    }

    private List<NodeRef> sortedRefs(Collection<String> ids) {
        return ids.stream()
                .sorted(Comparator.comparingInt(graph::rank))
                .map(graph::node)
                .flatMap(Optional::stream)
                .map(NodeRef::of)
                .collect(Collectors.toList());
    }
}
