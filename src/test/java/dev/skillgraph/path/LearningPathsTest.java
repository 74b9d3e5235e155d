package dev.skillgraph.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.domain.RelType;
import dev.skillgraph.error.SkillGraphException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LearningPathsTest {

    /**
     * Brute force for the rule of implied knowledge (docs/graph-model.md): the known ids plus every node reachable from one of them over hard
     * REQUIRES edges.
     */
    private static Set<String> referenceKnown(RandomDags.Dag dag, Set<String> ticked) {
        Map<String, List<String>> hard = requires(dag, true);
        Set<String> known = new HashSet<>(ticked);
        for (String k : ticked) {
            for (GraphNode node : dag.nodes()) {
                if (reachable(hard, k, node.id(), Set.of())) {
                    known.add(node.id());
                }
            }
        }
        return known;
    }

    /** Brute force: v is a step iff v is reachable from an open goal in the graph with the known nodes taken out. */
    private static Set<String> referenceSteps(RandomDags.Dag dag, Collection<String> goals, Set<String> known) {
        Map<String, List<String>> requires = requires(dag, false);
        Set<String> steps = new HashSet<>();
        for (GraphNode node : dag.nodes()) {
            String v = node.id();
            if (known.contains(v) || node.kind() != Kind.TOPIC) {
                continue;
            }
            for (String goal : goals) {
                if (!known.contains(goal) && reachable(requires, goal, v, known)) {
                    steps.add(v);
                }
            }
        }
        return steps;
    }

    private static boolean reachable(Map<String, List<String>> requires, String from, String to, Set<String> avoid) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>(List.of(from));
        while (!todo.isEmpty()) {
            String current = todo.pop();
            for (String next : requires.getOrDefault(current, List.of())) {
                if (next.equals(to)) {
                    return true;
                }
                if (!avoid.contains(next) && seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return false;
    }

    private static Map<String, List<String>> requires(RandomDags.Dag dag, boolean hardOnly) {
        Map<String, List<String>> requires = new HashMap<>();
        for (GraphEdge e : dag.edges()) {
            if (e.type() == RelType.REQUIRES && (!hardOnly || "hard".equals(e.strength()))) {
                requires.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            }
        }
        return requires;
    }

    private static List<String> topics(RandomDags.Dag dag) {
        return dag.nodes().stream()
                .filter(n -> n.kind() == Kind.TOPIC)
                .map(GraphNode::id)
                .toList();
    }

    private static Set<String> randomTopics(Random random, List<String> topics, int max) {
        Set<String> picked = new LinkedHashSet<>();
        int count = random.nextInt(max + 1);
        for (int k = 0; k < count; k++) {
            picked.add(topics.get(random.nextInt(topics.size())));
        }
        return picked;
    }

    @Test
    void plansNextStepsAndWhatIsImpliedMatchABruteForceReferenceOnRandomDags() {
        Random random = new Random(42);
        int plans = 0;
        for (int graphSeed = 0; graphSeed < 25; graphSeed++) {
            RandomDags.Dag dag = RandomDags.generate(graphSeed, 150 + random.nextInt(250), 1 + random.nextInt(5), 30);
            LearningPaths paths = new LearningPaths(RoadmapGraph.of(dag.nodes(), dag.edges()));
            List<String> topics = topics(dag);
            Map<String, List<String>> requires = requires(dag, false);
            Map<String, List<String>> hard = requires(dag, true);
            for (int q = 0; q < 20; q++) {
                String goal = topics.get(random.nextInt(topics.size()));
                Set<String> ticked = randomTopics(random, topics, 11);
                ticked.remove(goal);
                Set<String> known = referenceKnown(dag, ticked);

                LearningPlan plan = paths.plan(goal, ticked, Optional.empty());

                List<String> order =
                        plan.steps().stream().map(LearningPlan.Step::id).toList();
                assertThat(Set.copyOf(order)).isEqualTo(referenceSteps(dag, List.of(goal), known));
                assertValidOrder(order, requires);
                Set<String> implied = new HashSet<>(known);
                implied.removeAll(ticked);
                implied.removeIf(v -> !v.equals(goal) && !reachable(requires, goal, v, Set.of()));
                assertThat(plan.assumedKnown())
                        .extracting(LearningPlan.Assumed::id)
                        .containsExactlyInAnyOrderElementsOf(implied);
                for (LearningPlan.Assumed assumed : plan.assumedKnown()) {
                    assertThat(assumed.impliedBy())
                            .containsExactlyInAnyOrderElementsOf(ticked.stream()
                                    .filter(k -> reachable(hard, k, assumed.id(), Set.of()))
                                    .toList());
                }
                assertThat(plan.totalHours())
                        .isEqualTo(plan.steps().stream()
                                .mapToDouble(LearningPlan.Step::hours)
                                .sum());

                Set<String> frontier = new HashSet<>();
                for (String v : topics) {
                    if (!known.contains(v) && known.containsAll(requires.getOrDefault(v, List.of()))) {
                        frontier.add(v);
                    }
                }
                assertThat(paths.next(ticked, Optional.empty(), 1000).next())
                        .extracting(NextSteps.Candidate::id)
                        .containsExactlyInAnyOrderElementsOf(frontier);
                plans++;
            }
        }
        assertThat(plans).isEqualTo(500);
    }

    @Test
    void aPlanForSeveralGoalsIsTheUnionOfTheirPlansEachStepOnceAndNamingItsGoals() {
        Random random = new Random(7);
        int plans = 0;
        for (int graphSeed = 0; graphSeed < 15; graphSeed++) {
            RandomDags.Dag dag = RandomDags.generate(graphSeed, 100 + random.nextInt(200), 3, 30);
            LearningPaths paths = new LearningPaths(RoadmapGraph.of(dag.nodes(), dag.edges()));
            List<String> topics = topics(dag);
            Map<String, List<String>> requires = requires(dag, false);
            for (int q = 0; q < 20; q++) {
                List<String> goals = List.copyOf(randomTopics(random, topics, 4));
                if (goals.isEmpty()) {
                    continue;
                }
                Set<String> ticked = randomTopics(random, topics, 8);
                Set<String> known = referenceKnown(dag, ticked);

                LearningPlan plan = paths.plan(goals, ticked, Optional.of(7));

                List<String> order =
                        plan.steps().stream().map(LearningPlan.Step::id).toList();
                assertThat(order).containsExactlyInAnyOrderElementsOf(referenceSteps(dag, goals, known));
                assertValidOrder(order, requires);
                assertThat(plan.goals()).extracting(NodeRef::id).containsExactlyElementsOf(goals);
                assertThat(plan.goal()).isNull();
                for (LearningPlan.Step step : plan.steps()) {
                    assertThat(step.goals())
                            .as(step.id())
                            .containsExactlyElementsOf(goals.stream()
                                    .filter(g -> !known.contains(g) && reachable(requires, g, step.id(), known))
                                    .toList());
                }
                double hours = plan.steps().stream()
                        .mapToDouble(LearningPlan.Step::hours)
                        .sum();
                assertThat(plan.totalHours()).isEqualTo(hours);
                assertThat(plan.etaWeeks())
                        .isEqualTo(Math.max(plan.steps().isEmpty() ? 0 : 1, (int) Math.ceil(hours / 7 - 1e-9)));
                plans++;
            }
        }
        assertThat(plans).isGreaterThan(200);
    }

    private static void assertValidOrder(List<String> order, Map<String, List<String>> requires) {
        assertThat(order).doesNotHaveDuplicates();
        for (int i = 0; i < order.size(); i++) {
            for (String prerequisite : requires.getOrDefault(order.get(i), List.of())) {
                if (order.contains(prerequisite)) {
                    assertThat(order.indexOf(prerequisite))
                            .as("%s before %s", prerequisite, order.get(i))
                            .isLessThan(i);
                }
            }
        }
    }

    @Test
    void plansAreDeterministic() {
        RandomDags.Dag dag = RandomDags.generate(7, 300, 4);
        LearningPlan first =
                new LearningPaths(RoadmapGraph.of(dag.nodes(), dag.edges())).plan("t5", Set.of(), Optional.of(10));
        List<GraphNode> reversed = new ArrayList<>(dag.nodes());
        Collections.reverse(reversed);
        LearningPlan second =
                new LearningPaths(RoadmapGraph.of(reversed, dag.edges())).plan("t5", Set.of(), Optional.of(10));
        assertThat(second).isEqualTo(first);
    }

    /**
     * a <- b <- c <- goal (hard), x <- goal (soft), and a <- y (soft): knowing b implies a; knowing the goal empties
     * the plan.
     */
    private static LearningPaths small() {
        List<GraphNode> nodes = List.of(
                RandomDags.topic("a", 10),
                RandomDags.topic("b", 10),
                RandomDags.topic("c", 10),
                RandomDags.topic("x", 10),
                RandomDags.topic("y", 10),
                RandomDags.topic("goal", 10));
        List<GraphEdge> edges = List.of(
                new GraphEdge("b", RelType.REQUIRES, "a", "b builds on a", "hard"),
                new GraphEdge("c", RelType.REQUIRES, "b", "c builds on b", "hard"),
                new GraphEdge("goal", RelType.REQUIRES, "c", "goal needs c", "hard"),
                new GraphEdge("goal", RelType.REQUIRES, "x", "goal needs x", "soft"),
                new GraphEdge("y", RelType.REQUIRES, "a", "y uses a", "soft"));
        return new LearningPaths(RoadmapGraph.of(nodes, edges));
    }

    @Test
    void walkingBackStopsAtKnownNodesAndReportsWhatLiesBehindThemAsAssumedKnown() {
        LearningPlan plan = small().plan("goal", Set.of("b"), Optional.empty());

        // x has no prerequisites, c sits two levels up: shallower first, as a curriculum reads.
        assertThat(plan.steps()).extracting(LearningPlan.Step::id).containsExactly("x", "c");
        assertThat(plan.assumedKnown())
                .containsExactly(new LearningPlan.Assumed("a", "topic", "Topic a", List.of("b")));
        assertThat(plan.known()).extracting(NodeRef::id).containsExactly("b");
        assertThat(plan.totalHours()).isEqualTo(10);
        assertThat(plan.steps().get(1).why())
                .containsExactly(new LearningPlan.Why("goal", "Topic goal", "goal needs c", "hard"));
    }

    @Test
    void knowingATopicImpliesWhatItHardRequiresButNotWhatItSoftRequires() {
        LearningPaths paths = small();

        LearningPlan plan = paths.plan("goal", Set.of("c"), Optional.empty());
        assertThat(plan.steps()).extracting(LearningPlan.Step::id).containsExactly("x");
        assertThat(plan.assumedKnown())
                .extracting(LearningPlan.Assumed::id, LearningPlan.Assumed::impliedBy)
                .containsExactly(tuple("a", List.of("c")), tuple("b", List.of("c")));
        assertThat(paths.next(Set.of("c"), Optional.empty(), 10).next())
                .extracting(NextSteps.Candidate::id)
                .containsExactly("x", "y");

        // y only softly requires a: knowing y implies nothing, so a is still to learn.
        NextSteps next = paths.next(Set.of("y"), Optional.empty(), 10);
        assertThat(next.assumedKnown()).isEmpty();
        assertThat(next.next()).extracting(NextSteps.Candidate::id).contains("a");

        // A goal implied by what is known is known: the plan is empty and says why.
        LearningPlan implied = paths.plan("b", Set.of("c"), Optional.empty());
        assertThat(implied.steps()).isEmpty();
        assertThat(implied.message())
                .isEqualTo("'Topic b' is already known (implied by knowing c); there is nothing to learn");
    }

    @Test
    void aGoalThatAnotherGoalNeedsIsAStepOfTheirSharedPlan() {
        LearningPlan plan = small().plan(List.of("goal", "c"), Set.of(), Optional.empty());

        assertThat(plan.steps()).extracting(LearningPlan.Step::id).containsExactly("a", "x", "b", "c");
        assertThat(plan.steps())
                .extracting(LearningPlan.Step::goals)
                .containsExactly(List.of("goal", "c"), List.of("goal"), List.of("goal", "c"), List.of("goal"));
        assertThat(plan.totalHours()).isEqualTo(20);
    }

    @Test
    void aKnownGoalGivesAnEmptyPlanThatSaysSo() {
        LearningPlan plan = small().plan("goal", Set.of("goal"), Optional.empty());

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.message()).contains("already known");
    }

    @Test
    void unknownIdsInKnownAreRefusedByName() {
        assertThatThrownBy(() -> small().plan("goal", List.of("b", "nope", "zilch"), Optional.empty()))
                .isInstanceOf(SkillGraphException.class)
                .hasMessage("'known' names ids that do not exist: nope, zilch");
    }

    @Test
    void aPaceGivesAnEtaAndWeeklyMilestones() {
        LearningPlan plan = small().plan("goal", Set.of(), Optional.of(6));

        assertThat(plan.totalHours()).isEqualTo(20);
        assertThat(plan.etaWeeks()).isEqualTo(4);
        assertThat(plan.milestones()).extracting(LearningPlan.Milestone::week).containsExactly(1, 2, 3, 4);
        assertThat(plan.milestones().get(3).hoursDone()).isEqualTo(20);
    }

    @Test
    void theShortestChainFollowsRequiresEdgesOrSaysThereIsNone() {
        PrerequisiteChain chain = small().chain("a", "goal");
        assertThat(chain.chain()).extracting(PrerequisiteChain.Link::id).containsExactly("a", "b", "c", "goal");
        assertThat(chain.chain().get(1).reason()).isEqualTo("b builds on a");

        assertThatThrownBy(() -> small().chain("goal", "a"))
                .isInstanceOf(SkillGraphException.class)
                .hasMessageContaining("does not depend on");
    }

    @Test
    void nextIsTheFrontierRankedByWhatItUnlocks() {
        NextSteps next = small().next(Set.of(), Optional.empty(), 10);
        assertThat(next.next()).extracting(NextSteps.Candidate::id).containsExactly("a", "x");
        assertThat(next.next().get(0).unlocks()).isEqualTo(4);

        NextSteps towardGoal = small().next(Set.of("a"), Optional.of("goal"), 10);
        assertThat(towardGoal.next()).extracting(NextSteps.Candidate::id).containsExactly("b", "x");
    }

    @Test
    void unlocksListsEveryDependentNearestFirst() {
        Unlocks unlocks = small().unlocks("a");
        assertThat(unlocks.dependents()).extracting(Unlocks.Dependent::id).containsExactly("b", "y", "c", "goal");
        assertThat(unlocks.dependents()).extracting(Unlocks.Dependent::distance).containsExactly(1, 1, 2, 3);
        assertThat(unlocks.usedBy()).as("only a tool has users").isNull();
    }

    @Test
    void aCycleEditedInByHandIsBrokenSoPathsStillWork() {
        List<GraphNode> nodes = List.of(RandomDags.topic("a", 1), RandomDags.topic("b", 1), RandomDags.topic("c", 1));
        List<GraphEdge> edges = List.of(
                GraphEdge.of("a", RelType.REQUIRES, "b"),
                GraphEdge.of("b", RelType.REQUIRES, "c"),
                GraphEdge.of("c", RelType.REQUIRES, "a"));
        RoadmapGraph graph = RoadmapGraph.of(nodes, edges);

        assertThat(graph.droppedCycleEdges()).hasSize(1);
        LearningPlan plan = new LearningPaths(graph).plan("a", Set.of(), Optional.empty());
        assertThat(plan.steps().stream().map(LearningPlan.Step::id).collect(Collectors.toSet()))
                .isSubsetOf(Set.of("b", "c"));
    }
}
