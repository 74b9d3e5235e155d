package dev.skillgraph.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the fields of one seed entry that the schema has already checked: types are right, text is not blank. */
final class SeedEntries {

    private SeedEntries() {}

    /** The node an entry of {@code kind} describes; an FAQ entry's question and answer are its name and description. */
    static GraphNode node(Kind kind, JsonNode entry) {
        boolean faq = kind == Kind.FAQ;
        return new GraphNode(
                entry.path("id").asText(),
                kind,
                entry.path(faq ? "question" : "name").asText().strip(), // required and not blank (the schema)
                text(entry.get("summary")),
                text(entry.get(faq ? "answer" : "description")),
                texts(entry.get("aliases")),
                number(entry.get("hours")),
                text(entry.get("level")),
                text(entry.get("url")),
                integer(entry.get("order")),
                text(entry.get("weeks")),
                text(entry.get("format")),
                text(entry.get("salary")),
                text(entry.get("roadmapLine")),
                text(entry.get("audience")),
                text(entry.get("duration")),
                text(entry.get("difficulty")),
                text(entry.get("roadmap")), // when not given, known once every file is read: Roadmaps.assignHomes
                text(entry.get("caseIdentifier")),
                GraphNode.SEED_SOURCE);
    }

    /** The stripped text, or null when absent or empty. */
    static @Nullable String text(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** A field that holds one text or a list of them, stripped. */
    static List<String> texts(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            return List.of(value.asText().strip());
        }
        List<String> texts = new ArrayList<>(value.size());
        value.forEach(item -> texts.add(item.asText().strip()));
        return texts;
    }

    private static @Nullable Double number(@Nullable JsonNode value) {
        return value == null || value.isNull() ? null : value.asDouble();
    }

    private static @Nullable Integer integer(@Nullable JsonNode value) {
        return value == null || value.isNull() ? null : value.asInt();
    }
}
