package dev.skillgraph.path;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.seed.SeedLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped roadmap exports as a valid CASE 1.1 package: 1EdTech's own CFPackage JSON Schema (src/test/resources/case,
 * formats asserted), and what a schema cannot say: UUIDs, date-times, the association vocabulary of the CASE 1.1
 * information model, every association's ends in the package, our id as humanCodingScheme, the same identifiers twice.
 */
class CaseExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SeedGraph SEED = new SeedLoader().load(java.nio.file.Path.of("graph-seed"));
    private static final RoadmapGraph GRAPH = RoadmapGraph.of(SEED.nodes(), SEED.edges());
    private static final String SCHEMA_ID =
            "https://purl.imsglobal.org/spec/case/v1p1/schema/json/case_v1p1_cfpackage-jsonschema1.json";
    /** Versions 1 to 5 and the RFC 4122 variant, lowercase, as the CASE 1.1 schema's uuid pattern. */
    private static final Pattern UUID =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    /** The association types of the CASE 1.1 information model (section CFAssociationTypeEnum). */
    private static final Set<String> VOCABULARY = Set.of(
            "isChildOf",
            "isPeerOf",
            "isPartOf",
            "exactMatchOf",
            "precedes",
            "isRelatedTo",
            "replacedBy",
            "exemplar",
            "hasSkillLevel",
            "isTranslationOf");

    private static Schema caseSchema() throws IOException {
        try (InputStream in = CaseExportTest.class.getResourceAsStream("/case/case_v1p1_cfpackage-jsonschema1.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(
                            SpecificationVersion.DRAFT_2019_09, b -> b.schemas(Map.of(SCHEMA_ID, text))
                                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                            .formatAssertionsEnabled(true)
                                            .build()))
                    .getSchema(SchemaLocation.of(SCHEMA_ID));
        }
    }

    private static JsonNode export(String roadmap) {
        CaseExport.CfPackage pkg =
                new CaseExport(GRAPH, "http://127.0.0.1:7000", Instant.parse("2026-11-29T12:00:00Z")).export(roadmap);
        return JSON.valueToTree(pkg);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ml-engineer-roadmap", "data-scientist-roadmap", "mlops-engineer-roadmap", "llm-engineer-roadmap"
            })
    void eachRoadmapIsAValidCfPackage(String roadmap) throws IOException {
        JsonNode pkg = export(roadmap);

        assertThat(caseSchema().validate(pkg)).as(roadmap).isEmpty();
        JsonNode broken = pkg.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("CFDocument")).remove("creator");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("CFItems").get(0))
                .put("lastChangeDateTime", "yesterday")
                .put("identifier", "not-a-uuid");
        assertThat(caseSchema().validate(broken)).as("the schema is live").hasSizeGreaterThanOrEqualTo(3);

        JsonNode document = pkg.get("CFDocument");
        assertThat(document.get("caseVersion").asText()).isEqualTo("1.1");
        Set<String> identifiers =
                new HashSet<>(Set.of(document.get("identifier").asText()));
        List<JsonNode> items = new java.util.ArrayList<>();
        pkg.get("CFItems").forEach(items::add);
        for (JsonNode item : items) {
            assertThat(identifiers.add(item.get("identifier").asText()))
                    .as("unique " + item)
                    .isTrue();
            assertThat(GRAPH.contains(item.get("humanCodingScheme").asText()))
                    .as(item.toString())
                    .isTrue();
            assertThat(item.get("CFItemType").asText()).isIn("Stage", "Topic", "Tool");
        }
        assertThat(items.stream().filter(i -> i.get("CFItemType").asText().equals("Stage")))
                .hasSizeGreaterThanOrEqualTo(GRAPH.stagesOf(roadmap).size());
        int precedes = 0;
        for (JsonNode association : pkg.get("CFAssociations")) {
            String type = association.get("associationType").asText();
            assertThat(VOCABULARY).as(association.toString()).contains(type);
            assertThat(identifiers)
                    .as("origin of " + association)
                    .contains(association.get("originNodeURI").get("identifier").asText());
            if (!type.equals("exemplar")) {
                assertThat(identifiers)
                        .as("destination of " + association)
                        .contains(association
                                .get("destinationNodeURI")
                                .get("identifier")
                                .asText());
            }
            precedes += type.equals("precedes") ? 1 : 0;
        }
        assertThat(precedes).isPositive();
        for (JsonNode node :
                List.of(document, items.get(0), pkg.get("CFAssociations").get(0))) {
            assertThat(node.get("identifier").asText()).matches(UUID);
            assertThat(OffsetDateTime.parse(node.get("lastChangeDateTime").asText()))
                    .isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ml-engineer-roadmap"})
    void identifiersAreTheSameEveryTimeAndPrerequisitesPrecedeWhatNeedsThem(String roadmap) {
        assertThat(export(roadmap)).isEqualTo(export(roadmap));
        JsonNode pkg = export(roadmap);
        Map<String, String> idOf = new java.util.HashMap<>();
        pkg.get("CFItems")
                .forEach(i -> idOf.put(
                        i.get("identifier").asText(), i.get("humanCodingScheme").asText()));
        Set<String> precedes = new HashSet<>();
        for (JsonNode a : pkg.get("CFAssociations")) {
            if (a.get("associationType").asText().equals("precedes")) {
                precedes.add(idOf.get(a.get("originNodeURI").get("identifier").asText()) + " -> "
                        + idOf.get(a.get("destinationNodeURI").get("identifier").asText()));
            }
        }
        assertThat(precedes).contains("transfer-learning -> fine-tuning-peft", "python -> linear-logistic-regression");
    }
}
