package dev.skillgraph.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The field rules of a seed file, exactly as {@code graph-seed/schema/seed-pack.schema.json} states them (the schema
 * editors use, packed into the jar): checked by networknt's JSON Schema validator (draft 2020-12, nothing fetched), each
 * violation worded by {@link SchemaMessages} with its file, entry and field. Thread-safe.
 */
final class SeedSchema {

    static final String ID = "https://skillgraph.dev/schema/seed-pack.schema.json";
    static final String RESOURCE = "/skillgraph-schema/seed-pack.schema.json";

    private final Schema schema;
    private final SchemaMessages messages;

    private SeedSchema(String text) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(ID, text))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .locale(Locale.ENGLISH)
                                .build()));
        this.schema = registry.getSchema(SchemaLocation.of(ID));
        this.schema.initializeValidators(); // fails here, not on the first file, if a $ref does not resolve
        this.messages = new SchemaMessages(new ObjectMapper().readTree(text));
    }

    /** The schema packed into the jar. */
    static SeedSchema load() {
        try (InputStream in = Objects.requireNonNull(
                SeedSchema.class.getResourceAsStream(RESOURCE), RESOURCE + " is missing from the jar")) {
            return new SeedSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed schema " + RESOURCE, e);
        }
    }

    /** Every rule {@code file} breaks, in the order of the file: by section, entry, then field. */
    List<Violation> validate(SeedFile file) {
        // Each violation's place is looked up once, not again in every comparison of the sort.
        Map<Violation, int[]> positions = new LinkedHashMap<>();
        for (Error error : explainOneOf(schema.validate(file.tree()))) {
            Violation violation = messages.violation(file, error);
            positions.computeIfAbsent(violation, v -> v.position(file));
        }
        List<Violation> violations = new ArrayList<>(positions.keySet());
        violations.sort((a, b) -> Arrays.compare(positions.get(a), positions.get(b)));
        return violations;
    }

    /**
     * A value that matches no branch of a {@code oneOf} gets the errors of every branch; the branch meant is the one
     * whose type fits (a list for "an id or a list of ids"), so when exactly one branch fits, its errors replace the
     * bare "matches no branch".
     */
    private static List<Error> explainOneOf(List<Error> errors) {
        List<Error> result = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            Error error = errors.get(i);
            if (!"oneOf".equals(error.getKeyword())) {
                result.add(error);
                continue;
            }
            NodePath at = error.getEvaluationPath();
            Map<Object, List<Error>> branches = new LinkedHashMap<>();
            int j = i + 1;
            for (; j < errors.size() && startsWith(errors.get(j).getEvaluationPath(), at); j++) {
                Error child = errors.get(j);
                branches.computeIfAbsent(
                                child.getEvaluationPath().getElement(at.getNameCount()), b -> new ArrayList<>())
                        .add(child);
            }
            List<List<Error>> fitting = branches.values().stream()
                    .filter(branch -> branch.stream()
                            .noneMatch(e -> "type".equals(e.getKeyword())
                                    && e.getInstanceLocation().equals(error.getInstanceLocation())))
                    .toList();
            if (fitting.size() == 1) {
                result.addAll(explainOneOf(fitting.get(0)));
            } else {
                result.add(error);
            }
            i = j - 1;
        }
        return result;
    }

    private static boolean startsWith(NodePath path, NodePath prefix) {
        if (path.getNameCount() <= prefix.getNameCount()) {
            return false;
        }
        for (int k = 0; k < prefix.getNameCount(); k++) {
            if (!Objects.equals(path.getElement(k), prefix.getElement(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * One broken rule.
     *
     * @param location where in the file: section, entry index, then field names and list indexes
     * @param rank 0 for an unknown field, 1 for a missing one, 2 for a bad value (the order messages are listed in)
     */
    record Violation(List<Object> location, int rank, String entry, String message) {

        SeedProblem problem(SeedFile file) {
            return new SeedProblem(file.name(), entry, message);
        }

        /** Sort key: the section's place in the file, the entry, the rank, then the field's place in the entry. */
        int[] position(SeedFile file) {
            return new int[] {
                location.isEmpty() ? -1 : fieldIndex(file.tree(), (String) location.get(0)),
                location.size() < 2 ? -1 : (Integer) location.get(1),
                rank,
                location.size() < 3
                        ? -1
                        : fieldIndex(
                                file.tree().path((String) location.get(0)).path((Integer) location.get(1)),
                                (String) location.get(2))
            };
        }

        private static int fieldIndex(JsonNode object, String field) {
            int index = 0;
            for (var names = object.fieldNames(); names.hasNext(); index++) {
                if (names.next().equals(field)) {
                    return index;
                }
            }
            return index;
        }
    }
}
