package dev.skillgraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every field rule of graph-seed/schema/seed-pack.schema.json, the importer and the schema give the same verdict:
 * each field of each kind of entry gets good and bad values (chosen by the field's definition in the schema), an
 * unknown field and, for required fields, no value; the importer must refuse exactly what the schema (validated on its
 * own) refuses, and its message must name the file, the entry and the field.
 */
class SeedSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMA = Path.of("graph-seed/schema/seed-pack.schema.json");

    /** A career beside the valid pack, so that every reference field has a valid target. */
    private static final String PACK = SeedFiles.VALID
            + """
            careers:
              - id: job
                name: Job
                summary: work
            """;

    /** The smallest valid entry of each kind. */
    private static final Map<String, String> MINIMAL = Map.of(
            "roadmap", "{\"id\":\"variant\",\"name\":\"V\",\"summary\":\"S\",\"stages\":[\"s1\"]}",
            "stage", "{\"id\":\"variant\",\"name\":\"V\",\"summary\":\"S\",\"order\":9}",
            "topic", "{\"id\":\"variant\",\"name\":\"V\",\"summary\":\"S\",\"stage\":\"s1\"}",
            "tool", "{\"id\":\"variant\",\"name\":\"V\",\"summary\":\"S\"}",
            "resource",
                    "{\"id\":\"variant\",\"name\":\"V\",\"summary\":\"S\",\"url\":\"https://example.org\","
                            + "\"format\":\"book\",\"teaches\":\"a\"}",
            "career", "{\"id\":\"variant\",\"name\":\"V\",\"summary\":\"S\"}",
            "faq", "{\"id\":\"variant\",\"question\":\"Q?\",\"answer\":\"A\"}");

    /** A value that names an existing node of the right kind, for each reference field. */
    private static final Map<String, String> VALID_REFERENCE = Map.of(
            "stage", "\"s1\"",
            "uses", "\"hammer\"",
            "teaches", "[\"a\", \"hammer\"]",
            "leadsTo", "\"job\"",
            "about", "[\"a\"]",
            "stages", "[\"s1\"]",
            "includes", "[\"a\"]",
            "roadmap", "\"some-roadmap\"",
            "requires", "[\"a\", {\"id\": \"hammer\", \"reason\": \"fine\", \"strength\": \"soft\"}]");

    @TempDir
    Path seed;

    @Test
    void theImporterRefusesExactlyWhatTheSchemaRefusesAndSaysWhere() throws IOException {
        JsonNode document = JSON.readTree(SCHEMA.toFile());
        String schemaText = Files.readString(SCHEMA);
        Schema schema = SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(SeedSchema.ID, schemaText)))
                .getSchema(SchemaLocation.of(SeedSchema.ID));
        SeedLoader loader = new SeedLoader();
        int refused = 0;
        int accepted = 0;
        for (var kinds = document.path("$defs").fields(); kinds.hasNext(); ) {
            var def = kinds.next();
            if (!MINIMAL.containsKey(def.getKey())) {
                continue;
            }
            String section = def.getKey() + "s";
            List<Variant> variants = new ArrayList<>();
            for (var fields = def.getValue().path("properties").fields(); fields.hasNext(); ) {
                var field = fields.next();
                for (String value : values(field.getKey(), field.getValue())) {
                    variants.add(new Variant(field.getKey(), value));
                }
            }
            variants.add(new Variant("colour", "\"red\""));
            def.getValue().path("required").forEach(field -> variants.add(new Variant(field.asText(), null)));

            for (Variant variant : variants) {
                ObjectNode entry = (ObjectNode) JSON.readTree(MINIMAL.get(def.getKey()));
                if (variant.json() == null) {
                    entry.remove(variant.field());
                } else {
                    entry.set(variant.field(), JSON.readTree(variant.json()));
                }
                JsonNode file = JSON.createObjectNode()
                        .set(section, JSON.createArrayNode().add(entry));
                String what = section + "." + variant.field() + " = " + variant.json();
                boolean schemaRefuses = !schema.validate(file).isEmpty();

                SeedFiles.write(seed, "pack/graph.yaml", PACK);
                SeedFiles.write(seed, "pack/variant.yaml", JSON.writeValueAsString(file));
                List<SeedProblem> problems = problems(loader);

                assertThat(!problems.isEmpty())
                        .as("importer refuses " + what + ": " + problems)
                        .isEqualTo(schemaRefuses);
                if (schemaRefuses) {
                    refused++;
                    assertThat(problems).as(what).allSatisfy(problem -> {
                        assertThat(problem.file()).isEqualTo("pack/variant.yaml");
                        assertThat(problem.entry()).startsWith(section + "[0]");
                        assertThat(problem.message()).contains(variant.field());
                    });
                } else {
                    accepted++;
                }
            }
        }
        assertThat(refused).as("refused variants").isGreaterThan(150);
        assertThat(accepted).as("accepted variants").isGreaterThan(50);
    }

    @Test
    void messagesSayWhatIsWrongInTheAuthorsTerms() {
        SeedFiles.write(
                seed,
                "pack/graph.yaml",
                PACK
                        + """
                resources:
                  - id: book
                    name: Book
                    summary: "   "
                    url: "http://"
                    format: scroll
                    teaches: [a, a]
                    hours: 0
                    aliases: [ok, ""]
                  - id: paper
                    name: Paper
                    summary: about A
                    url: https://example.org
                    format: paper
                    teaches: 5
                """);
        assertThat(problems(new SeedLoader()))
                .extracting(SeedProblem::toString)
                .containsExactly(
                        "pack/graph.yaml: resources[0] 'book': field 'summary' must not be blank",
                        "pack/graph.yaml: resources[0] 'book': field 'url' 'http://' must be an absolute http(s) URL",
                        "pack/graph.yaml: resources[0] 'book': field 'format' is 'scroll'; allowed: "
                                + "[book, course, docs, paper, tutorial, video]",
                        "pack/graph.yaml: resources[0] 'book': field 'teaches' names 'a' twice",
                        "pack/graph.yaml: resources[0] 'book': field 'hours' must be a number from 0.1 to 10000, "
                                + "got '0'",
                        "pack/graph.yaml: resources[0] 'book': field 'aliases[1]' must not be blank",
                        "pack/graph.yaml: resources[1] 'paper': field 'teaches' must be a single id or a list of ids");
    }

    @Test
    void textOfUnicodeSpacesAloneIsBlank() {
        SeedFiles.write(seed, "pack/graph.yaml", PACK);
        SeedFiles.write(
                seed,
                "pack/em.yaml",
                """
                tools:
                  - id: em
                    name: "\\u2003"
                    summary: "\\u00a0\\u3000"
                """);
        assertThat(problems(new SeedLoader()))
                .extracting(SeedProblem::toString)
                .containsExactly(
                        "pack/em.yaml: tools[0] 'em': field 'name' must not be blank",
                        "pack/em.yaml: tools[0] 'em': field 'summary' must not be blank");
    }

    private List<SeedProblem> problems(SeedLoader loader) {
        try {
            loader.load(seed);
            return List.of();
        } catch (SeedException e) {
            return e.problems();
        }
    }

    /** Good and bad values for one field, by the definition the schema gives it. */
    private static List<String> values(String field, JsonNode rules) {
        String definition = rules.path("$ref").asText().replace("#/$defs/", "");
        if (VALID_REFERENCE.containsKey(field) && !field.equals("stage")) {
            return switch (definition) {
                case "requires" -> List.of(
                        VALID_REFERENCE.get(field),
                        "[\"Bad Slug\"]",
                        "[5]",
                        "\"a\"",
                        "[{\"id\": \"a\", \"reason\": \"\"}]",
                        "[{\"id\": \"a\", \"reason\": \"   \"}]",
                        "[{\"id\": \"a\", \"strength\": \"maybe\"}]",
                        "[{\"id\": \"a\", \"colour\": \"red\"}]",
                        "[{\"reason\": \"no id\"}]");
                default -> List.of(VALID_REFERENCE.get(field), "\"Bad Slug\"", "[\"x\", \"x\"]", "[5]", "5", "[]");
            };
        }
        return switch (definition) {
            case "id" -> field.equals("id")
                    ? List.of("\"variant\"", "\"Not A Slug\"", "\"\"", "\"-x\"", "5")
                    : List.of(VALID_REFERENCE.get(field), "\"Not A Slug\"", "5");
            case "text" -> List.of(
                    "\"fine\"",
                    "\"\"",
                    "\"   \"",
                    "\"\\u2003\"",
                    "\"\\u00a0 \"",
                    "\"\\u3000x\"",
                    "5",
                    "true",
                    "[\"x\"]");
            case "caseIdentifier" -> List.of(
                    "\"123e4567-e89b-12d3-a456-426614174000\"",
                    "\"not-a-uuid\"",
                    "\"123e4567e89b12d3a456426614174000\"",
                    "5");
            case "aliases" -> List.of("\"ok\"", "[\"ok\", \"other\"]", "\"\"", "\" \"", "[\"ok\", \" \"]", "[5]", "5");
            case "hours" -> List.of("1", "10000", "0.5", "0.1", "0", "0.05", "10001", "\"5\"", "2.5");
            case "level" -> List.of("\"beginner\"", "\"expert\"", "5");
            case "url" -> List.of(
                    "\"https://example.org/x?y=1\"",
                    "\"http://example.org\"",
                    "\"ftp://example.org\"",
                    "\"http://\"",
                    "\"https://\"",
                    "\"example.org\"",
                    "\"https://example.org/a b\"");
            default -> rules.has("enum")
                    ? List.of(rules.path("enum").get(0).toString(), "\"scroll\"")
                    : rules.path("type").asText().equals("integer")
                            ? List.of(
                                    rules.path("minimum").asText(),
                                    rules.path("maximum").asText(),
                                    String.valueOf(rules.path("minimum").asInt() - 1),
                                    String.valueOf(rules.path("maximum").asInt() + 1),
                                    "\"first\"",
                                    "1.5")
                            : List.of("\"x\"", "\"\"", "5", "[\"x\"]");
        };
    }

    private record Variant(String field, String json) {}
}
