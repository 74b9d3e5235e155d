package dev.skillgraph.path;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.path.PlanNodes.PlanNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What a learner can learn next (the frontier of what they know), and what knowing one node opens up. */
final class Frontier {

    private final RoadmapGraph graph;
    private final PlanNodes planNodes;

    Frontier(RoadmapGraph graph, PlanNodes planNodes) {
        this.graph = graph;
        this.planNodes = planNodes;
    }

    /**
     * Topics and tools not known (ticked or implied) whose prerequisites are all known, ranked by how much they
     * unlock, or by how much of the plan for {@code goal} they open up when a goal is given: then only the plan's
     * steps and the goal itself (a goal whose prerequisites are all known is what to learn next).
     */
    NextSteps next(Knowledge knowledge, Optional<GraphNode> goal, int limit) {
        BitSet known = knowledge.all();
        BitSet planSteps = planNodes.newSet();
        // The goal is a step toward itself: once its prerequisites are known, it is what to learn next.
        goal.map(g -> planNodes.require(g.id()))
                .filter(g -> !knowledge.knows(g))
                .ifPresent(g -> {
                    planSteps.set(g.index);
                    LearningPaths.closure(List.of(g), known, planSteps);
                });
        List<PlanNode> frontier = new ArrayList<>();
        for (PlanNode node : planNodes.all()) {
            if (isNext(node, known) && (goal.isEmpty() || planSteps.get(node.index))) {
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
        List<NodeRef> ticked = knowledge.ticked().stream()
                .map(id -> NodeRef.of(planNodes.require(id).node))
                .toList();
        return new NextSteps(
                ticked, knowledge.implied(null), goal.map(NodeRef::of).orElse(null), candidates);
    }

    /** A topic or tool not in {@code known} whose every prerequisite is. */
    static boolean isNext(PlanNode node, BitSet known) {
        if (!RoadmapGraph.isLearnable(node.node) || known.get(node.index)) {
            return false;
        }
        for (PlanNode prerequisite : node.prerequisites) {
            if (!known.get(prerequisite.index)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many nodes depend on {@code node}, directly or not: only through nodes of {@code within} when it is given,
     * only topics and tools when {@code learnableOnly}.
     */
    private int dependents(PlanNode node, @Nullable BitSet within, boolean learnableOnly) {
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

    /** Everything that depends on {@code node}, nearest first, the careers it leads to, and for a tool its users. */
    Unlocks unlocks(GraphNode node) {
        String id = node.id();
        Map<String, Integer> distance = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(id));
        distance.put(id, 0);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (String dependent : graph.dependentsOf(current)) {
                if (!distance.containsKey(dependent)) {
                    distance.put(dependent, distance.getOrDefault(current, 0) + 1);
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
        List<NodeRef> careerRefs = careers.stream()
                .sorted(Comparator.comparingInt(graph::rank))
                .map(graph::node)
                .flatMap(Optional::stream)
                .map(NodeRef::of)
                .toList();
        return new Unlocks(NodeRef.of(node), dependents, careerRefs, TopicUse.usersOf(graph, node));
    }
}
