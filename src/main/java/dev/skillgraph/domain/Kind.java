package dev.skillgraph.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of node in the roadmap graph, each stored under its own Neo4j label next to {@code :Entity}. */
public enum Kind {
    STAGE("Stage"),
    TOPIC("Topic"),
    TOOL("Tool"),
    RESOURCE("Resource"),
    CAREER("Career"),
    FAQ("Faq"),
    ROADMAP("Roadmap");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    /** The Neo4j label. */
    public String label() {
        return label;
    }

    /** The lowercase name used in seed files and the HTTP API. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
    }

    public static Optional<Kind> fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }
}
