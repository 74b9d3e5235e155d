package dev.skillgraph.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.RelType;
import dev.skillgraph.domain.SeedGraph;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedLoaderTest {

    @TempDir
    Path seed;

    private final SeedLoader loader = new SeedLoader();

    private List<String> problems() {
        try {
            loader.load(seed);
        } catch (SeedException e) {
            return e.problems().stream().map(SeedProblem::toString).toList();
        }
        throw new AssertionError("the seed was accepted");
    }

    @Test
    void loadsAValidPackWithItsNodesAndEdges() {
        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID);

        SeedGraph graph = loader.load(seed);

        assertThat(graph.nodes()).extracting(n -> n.id()).containsExactly("a", "b", "c", "hammer", "s1");
        assertThat(graph.edges())
                .contains(new GraphEdge("b", RelType.REQUIRES, "a", "B extends A", "hard"))
                .contains(new GraphEdge("c", RelType.REQUIRES, "b", null, "hard"))
                .contains(GraphEdge.of("a", RelType.USES, "hammer"))
                .contains(GraphEdge.of("a", RelType.IN_STAGE, "s1"));
    }

    @Test
    void contentHashIsStableAndFollowsTheContent() {
        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID);
        String first = loader.load(seed).contentHash();
        assertThat(loader.load(seed).contentHash()).isEqualTo(first);

        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID.replace("Topic C", "Topic C renamed"));
        assertThat(loader.load(seed).contentHash()).isNotEqualTo(first);
    }

    @Test
    void loadsSeveralPacksSideBySide() {
        SeedFiles.write(seed, "one/graph.yaml", SeedFiles.VALID);
        SeedFiles.write(
                seed,
                "two/more.yaml",
                """
                topics:
                  - id: d
                    name: Topic D
                    summary: from another pack
                    stage: s1
                    requires: [c]
                """);

        assertThat(loader.load(seed).nodes()).extracting(n -> n.id()).contains("a", "d");
    }

    @Test
    void refusesDuplicateIdsNamingBothPlaces() {
        SeedFiles.write(seed, "one/graph.yaml", SeedFiles.VALID);
        SeedFiles.write(
                seed,
                "two/dup.yaml",
                """
                tools:
                  - id: a
                    name: Another A
                    summary: clashes with topic a
                """);

        assertThat(problems())
                .containsExactly(
                        "two/dup.yaml: tools[0] 'a': duplicate id 'a', first defined in one/graph.yaml: topics[0] 'a'");
    }

    @Test
    void refusesDanglingReferences() {
        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID.replace("requires: [b]", "requires: [b, nowhere]"));

        assertThat(problems()).containsExactly("pack/graph.yaml: topics[2] 'c': 'requires' names unknown id 'nowhere'");
    }

    @Test
    void refusesReferencesToTheWrongKind() {
        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID.replace("uses: [hammer]", "uses: [b]"));

        assertThat(problems())
                .containsExactly("pack/graph.yaml: topics[0] 'a': 'uses' names 'b', a topic; it must name a [tool]");
    }

    @Test
    void refusesAStageOnTwoRoadmapsStagesOutOfOrderAndAStageIncludingItsOwnTopic() {
        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID);
        SeedFiles.write(
                seed,
                "pack/roadmaps.yaml",
                """
                stages:
                  - id: s2
                    name: Stage Two
                    order: 2
                    summary: after
                    includes: [a, x]
                  - id: s3
                    name: Stage Three
                    order: 3
                    summary: later
                    includes: [s1, z]
                topics:
                  - id: z
                    name: Topic Z
                    summary: at home in s3
                    stage: s3
                roadmaps:
                  - id: one
                    name: One
                    summary: the first
                    stages: [s2, s1]
                  - id: two
                    name: Two
                    summary: the second
                    stages: [s1, s3]
                """);
        assertThat(problems())
                .containsExactlyInAnyOrder(
                        "pack/roadmaps.yaml: stages[0] 's2': 'includes' names unknown id 'x'",
                        "pack/roadmaps.yaml: stages[1] 's3': 'includes' names 's1', a stage; it must name a [topic]",
                        "pack/roadmaps.yaml: stages[1] 's3': 'includes' names 'z', whose home stage this is already",
                        "pack/roadmaps.yaml: roadmaps[1] 'two': 'stages' names 's1', already a stage of roadmap"
                                + " 'one'; a stage belongs to one roadmap (share topics with 'includes')",
                        "pack/roadmaps.yaml: roadmaps[0] 'one': 'stages' lists 's1' (order 1) after 's2' (order 2);"
                                + " list them in ascending order");
    }

    @Test
    void acceptsDecimalHoursDownToATenth() {
        SeedFiles.write(
                seed,
                "pack/graph.yaml",
                SeedFiles.VALID.replace(
                        "stage: s1\n    uses: [hammer]", "stage: s1\n    hours: 0.5\n    uses: [hammer]"));
        var graph = loader.load(seed);
        assertThat(graph.nodes())
                .filteredOn(n -> n.id().equals("a"))
                .singleElement()
                .satisfies(n -> assertThat(n.hours()).isEqualTo(0.5));
    }

    @Test
    void refusesUnknownKindsAndFields() {
        SeedFiles.write(
                seed,
                "pack/graph.yaml",
                SeedFiles.VALID + """
                widgets:
                  - id: w
                """);
        SeedFiles.write(
                seed,
                "pack/extra.yaml",
                """
                tools:
                  - id: saw
                    name: Saw
                    summary: cuts things
                    colour: red
                """);

        assertThat(problems())
                .containsExactly(
                        "pack/extra.yaml: tools[0] 'saw': unknown field 'colour' for a tool; allowed: "
                                + "[aliases, caseIdentifier, description, hours, id, level, name, requires, roadmap, summary, url]",
                        "pack/graph.yaml: unknown kind of entry 'widgets'; expected one of "
                                + "[careers, faqs, resources, roadmaps, stages, tools, topics]");
    }

    @Test
    void refusesMissingRequiredFieldsAndWrongTypes() {
        SeedFiles.write(
                seed,
                "pack/graph.yaml",
                """
                stages:
                  - id: s1
                    name: Stage One
                    order: first
                    summary: the first stage
                topics:
                  - id: a
                    name: Topic A
                    stage: s1
                    hours: -3
                  - id: Not A Slug
                    name: Bad id
                    summary: s
                    stage: s1
                """);

        assertThat(problems())
                .containsExactly(
                        "pack/graph.yaml: stages[0] 's1': field 'order' must be a whole number from 0 to 1000, got 'first'",
                        "pack/graph.yaml: topics[0] 'a': missing required field 'summary'",
                        "pack/graph.yaml: topics[0] 'a': field 'hours' must be a number from 0.1 to 10000, got '-3'",
                        "pack/graph.yaml: topics[1] 'Not A Slug': id 'Not A Slug' must be a lowercase slug such as "
                                + "'linear-regression'");
    }

    @Test
    void refusesSelfLoops() {
        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID.replace("requires: [b]", "requires: [c]"));

        assertThat(problems())
                .containsExactly("pack/graph.yaml: topics[2] 'c': 'requires' names the entry itself ('c')");
    }

    @Test
    void refusesCyclesPrintingTheirPath() {
        SeedFiles.write(
                seed,
                "pack/graph.yaml",
                SeedFiles.VALID.replace(
                        """
                    stage: s1
                    uses: [hammer]
                """,
                        """
                    stage: s1
                    uses: [hammer]
                    requires: [c]
                """));

        assertThat(problems())
                .containsExactly("pack/graph.yaml: topics[0] 'a': 'requires' forms a cycle: a -> c -> b -> a "
                        + "(a prerequisite graph must be acyclic)");
    }

    @Test
    void refusesTruncatedYamlNamingTheLine() {
        SeedFiles.write(seed, "pack/graph.yaml", "topics:\n  - id: a\n    name: [unclosed\n");

        assertThat(problems()).singleElement().asString().startsWith("pack/graph.yaml: not valid YAML at line");
    }

    @Test
    void refusesEmptyFilesAndMissingDirectories() {
        SeedFiles.write(seed, "pack/empty.yaml", "");
        assertThat(problems()).containsExactly("pack/empty.yaml: file is empty");

        assertThatThrownBy(() -> loader.load(seed.resolve("missing")))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("seed directory does not exist");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        SeedFiles.write(
                seed,
                "pack/graph.yaml",
                SeedFiles.VALID
                        .replace("requires: [b]", "requires: [b, ghost]")
                        .replace("uses: [hammer]", "uses: [hammer, anvil]")
                        .replace("summary: hits things", "summary: hits things\n    hue: grey"));

        assertThat(problems()).hasSize(3);
    }

    @Test
    void loadsFilesLargerThanSnakeYamlsDefaultLimit() {
        StringBuilder big = new StringBuilder(SeedFiles.VALID);
        for (int i = 0; i < 12_000; i++) {
            big.append(
                    """
                      - id: filler-%d
                        name: Filler topic number %d with a long enough name
                        summary: %s
                        stage: s1
                    """
                            .formatted(i, i, "words ".repeat(30)));
        }
        SeedFiles.write(seed, "pack/big.yaml", big.toString());

        assertThat(loader.load(seed).nodes()).hasSize(12_005);
    }
}
