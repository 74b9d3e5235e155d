package dev.skillgraph.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One node of the roadmap graph as stored in Neo4j; kind-specific fields are null where they do not apply.
 *
 * @param name what learners call it (an FAQ entry's question); never null: a node without one is named by its id
 * @param weeks the stage's duration as the roadmap words it, e.g. {@code 4–6 weeks}
 * @param format a resource's format: book, course, paper, docs, video
 * @param salary a career's salary range as the roadmap words it
 * @param roadmapLine a topic's line exactly as the roadmap page words it
 * @param audience a roadmap's "who this is for"
 * @param duration a roadmap's length as worded, e.g. {@code 6–9 months}
 * @param difficulty a roadmap's difficulty as worded, e.g. {@code Intermediate → Advanced}
 * @param roadmap the id of the roadmap whose pack defines the node (a stage's or topic's is its stage's roadmap); null
 *     for a pack without exactly one roadmap and for nodes added by hand
 * @param caseIdentifier the CASE {@code identifier} (a UUID) of a node imported from a CASE package
 * @param source {@code seed} for nodes the importer owns; anything else was added by hand
 */
public record GraphNode(
        String id,
        Kind kind,
        String name,
        @Nullable String summary,
        @Nullable String description,
        List<String> aliases,
        @Nullable Double hours,
        @Nullable String level,
        @Nullable String url,
        @Nullable Integer order,
        @Nullable String weeks,
        @Nullable String format,
        @Nullable String salary,
        @Nullable String roadmapLine,
        @Nullable String audience,
        @Nullable String duration,
        @Nullable String difficulty,
        @Nullable String roadmap,
        @Nullable String caseIdentifier,
        @Nullable String source) {

    public static final String SEED_SOURCE = "seed";

    public GraphNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The properties written to Neo4j, without nulls (Neo4j stores no null properties). */
    public Map<String, Object> properties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", id);
        put(props, "name", name);
        put(props, "summary", summary);
        put(props, "description", description);
        props.put("aliases", aliases);
        put(props, "hours", hours);
        put(props, "level", level);
        put(props, "url", url);
        put(props, "order", order);
        put(props, "weeks", weeks);
        put(props, "format", format);
        put(props, "salary", salary);
        put(props, "roadmapLine", roadmapLine);
        put(props, "audience", audience);
        put(props, "duration", duration);
        put(props, "difficulty", difficulty);
        put(props, "roadmap", roadmap);
        put(props, "caseIdentifier", caseIdentifier);
        put(props, "source", source);
        return props;
    }

    /** This node, defined by the pack of roadmap {@code roadmapId}. */
    public GraphNode withRoadmap(@Nullable String roadmapId) {
        return new GraphNode(
                id,
                kind,
                name,
                summary,
                description,
                aliases,
                hours,
                level,
                url,
                order,
                weeks,
                format,
                salary,
                roadmapLine,
                audience,
                duration,
                difficulty,
                roadmapId,
                caseIdentifier,
                source);
    }

    private static void put(Map<String, Object> props, String key, @Nullable Object value) {
        if (value != null) {
            props.put(key, value);
        }
    }
}
