package dev.skillgraph.path;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a learning plan can be exported in, with their media types. */
public enum PlanFormat {
    JSON("application/json"),
    MARKDOWN("text/markdown; charset=utf-8"),
    MERMAID("text/vnd.mermaid; charset=utf-8"),
    DOT("text/vnd.graphviz; charset=utf-8"),
    CSV("text/csv; charset=utf-8"),
    CYPHER("application/x-cypher-query; charset=utf-8");

    private final String contentType;

    PlanFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PlanFormat> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }
}
