package dev.skillgraph.path;

import dev.skillgraph.path.PlanNodes.PlanNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a learner knows: the ids they ticked, and everything those hard-require, transitively. Someone who knows the
 * Transformer architecture knows the linear algebra it hard-requires; a soft prerequisite ("helps to know first") is
 * not implied. The rule is stated in docs/graph-model.md; {@code LearningPathsTest} checks it against a brute-force reference.
 */
final class Knowledge {

    private final Set<String> ticked;
    private final BitSet all;
    private final Map<PlanNode, List<String>> impliedBy;

    private Knowledge(Set<String> ticked, BitSet all, Map<PlanNode, List<String>> impliedBy) {
        this.ticked = ticked;
        this.all = all;
        this.impliedBy = impliedBy;
    }

    /**
     * Walks the hard prerequisites of every ticked node. Costs one walk per ticked node (at most
     * {@code QueryParams.MAX_IDS}), so that each implied node can name every ticked node that implies it.
     *
     * @param ticked ids that all exist in {@code nodes}, in the order the learner gave them
     */
    static Knowledge of(PlanNodes nodes, Set<String> ticked) {
        BitSet tickedSet = nodes.setOf(ticked);
        BitSet all = (BitSet) tickedSet.clone();
        Map<PlanNode, List<String>> impliedBy = new HashMap<>();
        for (String id : ticked) {
            BitSet seen = nodes.newSet();
            Deque<PlanNode> todo = new ArrayDeque<>(List.of(nodes.get(id)));
            while (!todo.isEmpty()) {
                PlanNode node = todo.pop();
                for (int i = 0; i < node.prerequisites.length; i++) {
                    PlanNode prerequisite = node.prerequisites[i];
                    if (node.links[i].isHard() && !seen.get(prerequisite.index)) {
                        seen.set(prerequisite.index);
                        todo.push(prerequisite);
                        if (!tickedSet.get(prerequisite.index)) {
                            all.set(prerequisite.index);
                            impliedBy
                                    .computeIfAbsent(prerequisite, p -> new ArrayList<>())
                                    .add(id);
                        }
                    }
                }
            }
        }
        return new Knowledge(ticked, all, impliedBy);
    }

    /** The ids the learner ticked, in their order. */
    Set<String> ticked() {
        return ticked;
    }

    /** Whether {@code node} was ticked or is implied by something ticked. */
    boolean knows(PlanNode node) {
        return all.get(node.index);
    }

    /** Ticked and implied nodes as a set over {@link PlanNodes}' numbers; callers must not change it. */
    BitSet all() {
        return all;
    }

    /** The ticked nodes that imply {@code node}, or null when nothing implies it. */
    @Nullable
    List<String> impliedBy(PlanNode node) {
        return impliedBy.get(node);
    }

    /** Implied nodes of {@code within} (every implied node when it is null), in curriculum order. */
    List<LearningPlan.Assumed> implied(@Nullable BitSet within) {
        return impliedBy.entrySet().stream()
                .filter(e -> within == null || within.get(e.getKey().index))
                .sorted(Map.Entry.comparingByKey(PlanNodes.BY_RANK))
                .map(e -> new LearningPlan.Assumed(
                        e.getKey().id(),
                        e.getKey().node.kind().key(),
                        e.getKey().node.name(),
                        List.copyOf(e.getValue())))
                .toList();
    }
}
