package dev.skillgraph.path;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RelType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded random prerequisite DAGs for property tests: node i may only require nodes created before it. */
final class RandomDags {

    record Dag(List<GraphNode> nodes, List<GraphEdge> edges) {}

    private RandomDags() {}

    /** A topic of {@code halfHours} / 2 hours: half hours, so that plans add fractions as imported frameworks do. */
    static GraphNode topic(String id, int halfHours) {
        return new GraphNode(
                id,
                Kind.TOPIC,
                "Topic " + id,
                null,
                null,
                List.of(),
                halfHours / 2.0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "seed");
    }

    static Dag generate(long seed, int size, int stages) {
        return generate(seed, size, stages, 0);
    }

    /** As {@link #generate(long, int, int)}, with about {@code softPercent} % of the REQUIRES edges soft. */
    static Dag generate(long seed, int size, int stages, int softPercent) {
        Random random = new Random(seed);
        Random strengths = new Random(seed + 1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ids.add("t" + i);
        }
        Collections.shuffle(ids, random); // creation order is not id order
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            nodes.add(new GraphNode(
                    "s" + s,
                    Kind.STAGE,
                    "Stage " + s,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    s,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "seed"));
        }
        for (int i = 0; i < size; i++) {
            nodes.add(topic(ids.get(i), 1 + random.nextInt(20)));
            if (random.nextInt(4) > 0) {
                edges.add(GraphEdge.of(ids.get(i), RelType.IN_STAGE, "s" + (i * stages / size)));
            }
            int prerequisites = i == 0 ? 0 : random.nextInt(Math.min(i, 6) + 1);
            Set<String> targets = new LinkedHashSet<>();
            for (int p = 0; p < prerequisites; p++) {
                targets.add(ids.get(random.nextInt(i)));
            }
            for (String target : targets) {
                String strength = strengths.nextInt(100) < softPercent ? "soft" : "hard";
                edges.add(new GraphEdge(ids.get(i), RelType.REQUIRES, target, "because", strength));
            }
        }
        return new Dag(nodes, edges);
    }
}
