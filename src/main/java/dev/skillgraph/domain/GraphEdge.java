package dev.skillgraph.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One relationship of the roadmap graph.
 *
 * @param reason why the source needs the target (REQUIRES only)
 * @param strength {@code hard} or {@code soft} (REQUIRES only)
 */
public record GraphEdge(String from, RelType type, String to, @Nullable String reason, @Nullable String strength) {

    public GraphEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(to, "to");
    }

    public static GraphEdge of(String from, RelType type, String to) {
        return new GraphEdge(from, type, to, null, null);
    }
}
