package dev.skillgraph.graph;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RelType;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;

/** Maps the rows of {@link GraphRepository}'s queries to records; lenient with properties edited by hand. */
final class GraphRows {

    private GraphRows() {}

    static GraphState state(Record row, String changeToken) {
        return new GraphState(
                optionalString(row.get("version")),
                optionalString(row.get("hash")),
                row.get("nodes").asLong(),
                row.get("relationships").asLong(),
                changeToken);
    }

    static GraphNode node(Record row) {
        Value p = row.get("props");
        Kind kind = Kind.fromLabel(row.get("label").asString()).orElseThrow();
        String id = row.get("id").asString();
        String name = text(p, "name");
        return new GraphNode(
                id,
                kind,
                name == null ? id : name, // a node added by hand without a name is shown by its id
                text(p, "summary"),
                text(p, "description"),
                texts(p.get("aliases")),
                number(p.get("hours")),
                text(p, "level"),
                text(p, "url"),
                integer(p.get("order")),
                text(p, "weeks"),
                text(p, "format"),
                text(p, "salary"),
                text(p, "roadmapLine"),
                text(p, "audience"),
                text(p, "duration"),
                text(p, "difficulty"),
                text(p, "roadmap"),
                text(p, "caseIdentifier"),
                text(p, "source"));
    }

    static GraphEdge edge(Record row) {
        return new GraphEdge(
                row.get("from").asString(),
                RelType.valueOf(row.get("type").asString()),
                row.get("to").asString(),
                row.get("reason").isNull() ? null : row.get("reason").asString(),
                row.get("strength").isNull() ? null : row.get("strength").asString());
    }

    /** Properties edited by hand may have any type; anything not text is shown as text rather than refused. */
    private static @Nullable String text(Value props, String key) {
        Value value = props.get(key);
        if (value.isNull()) {
            return null;
        }
        return value.hasType(TypeSystem.getDefault().STRING()) ? value.asString() : value.toString();
    }

    private static List<String> texts(Value value) {
        if (value.isNull()) {
            return List.of();
        }
        if (value.hasType(TypeSystem.getDefault().LIST())) {
            return value.asList(v -> v.hasType(TypeSystem.getDefault().STRING()) ? v.asString() : v.toString());
        }
        return List.of(value.hasType(TypeSystem.getDefault().STRING()) ? value.asString() : value.toString());
    }

    private static @Nullable Double number(Value value) {
        return value.hasType(TypeSystem.getDefault().NUMBER()) ? value.asDouble() : null;
    }

    private static @Nullable Integer integer(Value value) {
        if (value.hasType(TypeSystem.getDefault().INTEGER())) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value.asLong()));
        }
        if (value.hasType(TypeSystem.getDefault().FLOAT())) {
            return (int) Math.round(value.asDouble());
        }
        return null;
    }

    private static Optional<String> optionalString(Value value) {
        return value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }
}
