package dev.skillgraph.path;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which roadmaps each node is on, derived once per graph from its edges: a stage's roadmap; a topic's through its home
 * stage and the stages that include it; a tool's through the topics that use or require it; a career's through the
 * roadmaps and stages that lead to it; a resource's through what it teaches. Roadmaps and FAQ answers are on none.
 *
 * @param roadmaps every roadmap's id, by name (case-insensitive), then id
 * @param roadmapsOf the roadmaps of each node that is on any, in the order of {@code roadmaps}
 */
record RoadmapMembership(List<String> roadmaps, Map<String, List<String>> roadmapsOf) {

    /** The membership of every node, from the graph's nodes and its edges read into maps by {@link RoadmapGraph}. */
    static RoadmapMembership of(
            Map<String, GraphNode> nodes,
            Map<String, List<String>> roadmapStages,
            Map<String, String> stageOf,
            Map<String, List<String>> includedIn,
            Map<String, List<String>> leadsTo,
            Map<String, List<String>> usedBy,
            Map<String, List<Prerequisite>> prerequisites,
            Map<String, List<String>> teaches) {
        List<String> roadmaps = nodes.values().stream()
                .filter(n -> n.kind() == Kind.ROADMAP)
                .sorted(Comparator.comparing((GraphNode n) -> n.name().toLowerCase(Locale.ROOT))
                        .thenComparing(GraphNode::id))
                .map(GraphNode::id)
                .toList();
        Map<String, Set<String>> on = new HashMap<>();
        Map<String, String> ofStage = new HashMap<>();
        roadmapStages.forEach((roadmap, stages) -> stages.forEach(stage -> ofStage.putIfAbsent(stage, roadmap)));
        ofStage.forEach((stage, roadmap) -> add(on, stage, roadmap));
        stageOf.forEach((topic, stage) -> addFrom(on, topic, Optional.ofNullable(ofStage.get(stage)).stream()));
        includedIn.forEach((topic, stages) ->
                addFrom(on, topic, stages.stream().map(ofStage::get).filter(Objects::nonNull)));
        for (String roadmap : roadmaps) {
            leadsTo.getOrDefault(roadmap, List.of()).forEach(career -> add(on, career, roadmap));
        }
        Map<String, Set<String>> ofTopics = Map.copyOf(on);
        Set<String> none = Set.of();
        usedBy.forEach(
                (tool, topics) -> topics.forEach(t -> addFrom(on, tool, ofTopics.getOrDefault(t, none).stream())));
        prerequisites.forEach((dependent, links) -> {
            if (kind(nodes, dependent) == Kind.TOPIC) {
                links.forEach(p -> addFrom(on, p.id(), ofTopics.getOrDefault(dependent, none).stream()));
            }
        });
        leadsTo.forEach((from, careers) -> {
            if (kind(nodes, from) == Kind.STAGE) {
                careers.forEach(c -> addFrom(on, c, ofTopics.getOrDefault(from, none).stream()));
            }
        });
        teaches.forEach((resource, taught) ->
                taught.forEach(t -> addFrom(on, resource, ofTopics.getOrDefault(t, none).stream())));
        Map<String, Integer> byName = new HashMap<>();
        roadmaps.forEach(r -> byName.put(r, byName.size()));
        Map<String, List<String>> roadmapsOf = new HashMap<>();
        on.forEach((id, ids) -> {
            Kind kind = kind(nodes, id);
            if (kind != Kind.ROADMAP && kind != Kind.FAQ) {
                List<String> sorted = new ArrayList<>(ids);
                sorted.sort(Comparator.comparingInt(byName::get));
                roadmapsOf.put(id, sorted);
            }
        });
        return new RoadmapMembership(roadmaps, roadmapsOf);
    }

    /** The kind of a node an edge names: only edges between known nodes are kept. */
    private static Kind kind(Map<String, GraphNode> nodes, String id) {
        return Objects.requireNonNull(nodes.get(id), id).kind();
    }

    private static void add(Map<String, Set<String>> on, String id, String roadmap) {
        on.computeIfAbsent(id, k -> new HashSet<>()).add(roadmap);
    }

    private static void addFrom(Map<String, Set<String>> on, String id, Stream<String> roadmaps) {
        roadmaps.forEach(r -> add(on, id, r));
    }
}
