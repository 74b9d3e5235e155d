package dev.skillgraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RelType;
import dev.skillgraph.domain.SeedGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CASE packages in a seed folder: a real one (Smarter Balanced's, src/test/resources/case/README.md) imports as a
 * roadmap; broken ones are refused naming the file and the item, through the same checks as a YAML pack.
 */
class CasePackagesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/case");

    @TempDir
    Path seed;

    private List<String> problems() {
        try {
            new SeedLoader().load(seed);
        } catch (SeedException e) {
            return e.problems().stream().map(SeedProblem::toString).toList();
        }
        throw new AssertionError("the seed was accepted");
    }

    private void copy(String fixture) throws IOException {
        Files.copy(FIXTURES.resolve(fixture), seed.resolve(fixture));
    }

    @Test
    void aRealPackageImportsAsARoadmapBesideTheYamlPackItPointsInto() throws IOException {
        copy("sbac-math.case.json");
        copy("common-core-8ee.yaml");

        SeedGraph graph = new SeedLoader().load(seed);

        List<GraphNode> roadmaps =
                graph.nodes().stream().filter(n -> n.kind() == Kind.ROADMAP).toList();
        assertThat(roadmaps).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Smarter Balanced Math Content Specification");
            assertThat(r.caseIdentifier()).isEqualTo("255adad7-2854-47d7-9aa4-c5e1750eb8ca");
        });
        assertThat(graph.nodes().stream().filter(n -> n.kind() == Kind.TOPIC)).hasSizeGreaterThan(500);
        assertThat(graph.edges().stream().filter(e -> e.type() == RelType.REQUIRES))
                .hasSizeGreaterThan(300);
        assertThat(graph.nodes())
                .filteredOn(n -> n.id().equals("m-g8-c1ee-td-8-ee-c-7"))
                .singleElement()
                .satisfies(n -> assertThat(n.caseIdentifier()).isNotNull());
    }

    @Test
    void aPrerequisiteInNoPackIsRefusedNamingTheItemsThatNeedIt() throws IOException {
        copy("sbac-math.case.json");

        assertThat(problems())
                .containsExactly(
                        "sbac-math.case.json: CFItems[495] 'm-ghs-c1a-tf': 'requires' names unknown id '8-ee-c-7'",
                        "sbac-math.case.json: CFItems[497] 'm-ghs-c1a-tg': 'requires' names unknown id '8-ee-c-7'",
                        "sbac-math.case.json: CFItems[500] 'm-ghs-c1a-th': 'requires' names unknown id '8-ee-c-7'");
    }

    @Test
    void malformedPackagesAreRefusedNotCrashedOn() throws IOException {
        Files.writeString(seed.resolve("comma.case.json"), "{" + DOC + ",\"CFItems\":[],}");
        Files.writeString(seed.resolve("lists.case.json"), "{" + DOC + ",\"CFItems\":{},\"CFAssociations\":{}}");
        Files.writeString(
                seed.resolve("short.case.json"),
                "{" + DOC + ",\"CFItems\":[{\"identifier\":\"a1\",\"fullStatement\":\"数学\"},"
                        + "{\"identifier\":\"b2\",\"fullStatement\":\"数学\"}],\"CFAssociations\":[]}");
        assertThat(problems())
                .anySatisfy(p -> assertThat(p).startsWith("comma.case.json: not valid JSON"))
                .anySatisfy(p -> assertThat(p).isEqualTo("lists.case.json: CFItems: CFItems must be a list"))
                .anySatisfy(
                        p -> assertThat(p).isEqualTo("lists.case.json: CFAssociations: CFAssociations must be a list"))
                .anySatisfy(p -> assertThat(p)
                        .isEqualTo(
                                "short.case.json: CFItems[1] 'item-b2': field 'caseIdentifier' 'b2' must be a UUID"));
    }

    private static final String DOC =
            "\"CFDocument\":{\"identifier\":\"11111111-1111-4111-8111-111111111111\",\"title\":\"Tiny\"}";

    private static String item(String uuid, String code) {
        return "{\"identifier\":\"" + uuid + "\",\"fullStatement\":\"Item " + code + "\",\"humanCodingScheme\":\""
                + code + "\"}";
    }

    private static String association(String type, String from, String to) {
        return "{\"identifier\":\"" + java.util.UUID.randomUUID() + "\",\"associationType\":\"" + type
                + "\",\"originNodeURI\":{\"identifier\":\"" + from + "\",\"title\":\"o\"},"
                + "\"destinationNodeURI\":{\"identifier\":\"" + to + "\",\"title\":\"d\"}}";
    }

    private static final String STAGE = "22222222-2222-4222-8222-222222222222";
    private static final String A = "33333333-3333-4333-8333-333333333333";
    private static final String B = "44444444-4444-4444-8444-444444444444";

    @Test
    void aCycleADanglingParentAndADuplicateAreRefusedWithFileAndItem() throws IOException {
        String items = "[" + item(STAGE, "S.1") + "," + item(A, "A.1") + "," + item(B, "B.1") + "]";
        Files.writeString(
                seed.resolve("cycle.case.json"),
                "{" + DOC + ",\"CFItems\":" + items + ",\"CFAssociations\":["
                        + association("isChildOf", STAGE, "11111111-1111-4111-8111-111111111111") + ","
                        + association("isChildOf", A, STAGE) + "," + association("isChildOf", B, STAGE) + ","
                        + association("precedes", A, B) + "," + association("precedes", B, A) + "]}");
        assertThat(problems())
                .singleElement()
                .asString()
                .startsWith("cycle.case.json: CFItems[")
                .contains("'requires' forms a cycle: ");

        Files.delete(seed.resolve("cycle.case.json"));
        Files.writeString(
                seed.resolve("dangling.case.json"),
                "{" + DOC + ",\"CFItems\":[" + item(A, "A.1") + "," + item(A, "A.2") + "],\"CFAssociations\":["
                        + association("isChildOf", A, "55555555-5555-4555-8555-555555555555") + "]}");
        assertThat(problems())
                .anySatisfy(p ->
                        assertThat(p).startsWith("dangling.case.json: CFItems[1] '" + A + "': duplicate identifier"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("dangling.case.json: CFAssociations[0]")
                        .contains("isChildOf names destination '55555555-5555-4555-8555-555555555555'"));
    }
}
