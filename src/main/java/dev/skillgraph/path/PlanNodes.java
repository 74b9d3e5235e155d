package dev.skillgraph.path;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.StageRef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every node of one {@link RoadmapGraph} with what plans and next steps need of it resolved once: its curriculum rank
 * and weight, stage, resources, and its direct prerequisites and dependents as references to other plan nodes. A plan
 * then walks references and bit sets instead of looking each id up in a dozen maps, which on a large graph are cache
 * misses more than work.
 */
final class PlanNodes {

    /** One node, numbered {@code index} (0 to size - 1), and what a plan step needs of it. */
    static final class PlanNode {
        final int index;
        final GraphNode node;
        final int rank;
        final double weight;
        final @Nullable StageRef stage;
        final List<LearningPlan.Resource> resources;
        /**
         * Direct prerequisites (for a stage, its topics), and at the same position the link's reason and strength. Set
         * once while {@link PlanNodes} is built, before any plan can see it.
         */
        PlanNode[] prerequisites = new PlanNode[0];

        Prerequisite[] links = new Prerequisite[0];

        /** What lists this node among its {@code REQUIRES}; set like {@link #prerequisites}. */
        PlanNode[] dependents = new PlanNode[0];

        private PlanNode(
                int index,
                GraphNode node,
                int rank,
                double weight,
                @Nullable StageRef stage,
                List<LearningPlan.Resource> resources) {
            this.index = index;
            this.node = node;
            this.rank = rank;
            this.weight = weight;
            this.stage = stage;
            this.resources = resources;
        }

        String id() {
            return node.id();
        }
    }

    static final Comparator<PlanNode> BY_RANK = Comparator.comparingInt(n -> n.rank);

    private final Map<String, PlanNode> byId = new HashMap<>();
    private final List<PlanNode> all;

    PlanNodes(RoadmapGraph graph) {
        List<PlanNode> all = new ArrayList<>();
        for (GraphNode node : graph.nodes()) {
            StageRef stage = graph.stageOf(node.id()).map(StageRef::of).orElse(null);
            List<LearningPlan.Resource> resources = graph.resourcesFor(node.id()).stream()
                    .map(graph::node)
                    .flatMap(Optional::stream)
                    .map(r -> new LearningPlan.Resource(r.id(), r.name(), r.url(), r.format()))
                    .sorted(Comparator.comparing(LearningPlan.Resource::name))
                    .toList();
            PlanNode planNode =
                    new PlanNode(all.size(), node, graph.rank(node.id()), graph.weight(node.id()), stage, resources);
            all.add(planNode);
            byId.put(node.id(), planNode);
        }
        for (PlanNode planNode : all) {
            List<Prerequisite> links = graph.prerequisitesOf(planNode.id()).stream()
                    .filter(p -> byId.containsKey(p.id()))
                    .toList();
            planNode.links = links.toArray(Prerequisite[]::new);
            planNode.prerequisites = links.stream().map(p -> byId.get(p.id())).toArray(PlanNode[]::new);
            planNode.dependents = graph.dependentsOf(planNode.id()).stream()
                    .map(byId::get)
                    .filter(Objects::nonNull)
                    .toArray(PlanNode[]::new);
        }
        this.all = List.copyOf(all);
    }

    @Nullable
    PlanNode get(String id) {
        return byId.get(id);
    }

    /** The node {@code id}, which the caller knows exists. */
    PlanNode require(String id) {
        return Objects.requireNonNull(byId.get(id), id);
    }

    /** A set of these nodes, as a bit set over their numbers. */
    BitSet newSet() {
        return new BitSet(all.size());
    }

    /** The set of the nodes with these ids, which must all exist. */
    BitSet setOf(Collection<String> ids) {
        BitSet set = newSet();
        ids.forEach(id -> set.set(require(id).index));
        return set;
    }

    /** Every node, in no particular order. */
    List<PlanNode> all() {
        return all;
    }
}
