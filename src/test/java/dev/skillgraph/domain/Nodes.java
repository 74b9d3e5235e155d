package dev.skillgraph.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Graph nodes for tests: the fields a test names, every other one empty, from the seed. */
public final class Nodes {

    private Nodes() {}

    public static GraphNode node(String id, Kind kind, String name, @Nullable String summary, List<String> aliases) {
        return new GraphNode(
                id,
                kind,
                name,
                summary,
                null,
                aliases,
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
                null,
                GraphNode.SEED_SOURCE);
    }

    public static GraphNode node(String id, Kind kind, String name, @Nullable String summary) {
        return node(id, kind, name, summary, List.of());
    }
}
