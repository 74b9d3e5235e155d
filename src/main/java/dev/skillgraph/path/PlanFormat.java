package dev.skillgraph.path;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a learning plan can be exported in, each with its media type and file extension. */
public enum PlanFormat {
    JSON("application/json", "json"),
    MARKDOWN("text/markdown; charset=utf-8", "md"),
    MERMAID("text/vnd.mermaid; charset=utf-8", "mmd"),
    DOT("text/vnd.graphviz; charset=utf-8", "dot"),
    CSV("text/csv; charset=utf-8", "csv"),
    CYPHER("application/x-cypher-query; charset=utf-8", "cypher"),
    /** iCalendar (RFC 5545): one event per weekly milestone; needs a pace. */
    ICS("text/calendar; charset=utf-8", "ics");

    private final String contentType;
    private final String extension;

    PlanFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PlanFormat> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }
}
