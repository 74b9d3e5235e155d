package dev.skillgraph.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.StageRef;
import dev.skillgraph.graph.GraphData;
import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.SharedNeo4j;
import dev.skillgraph.seed.SeedImporter;
import dev.skillgraph.seed.SeedLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/** The in-memory projection agrees with what Neo4j itself computes, and every export is usable as it claims. */
@ExtendWith(SharedNeo4j.class)
class LearningPathsIT {

    private final Driver driver;
    private LearningPaths paths;

    LearningPathsIT(Driver driver) {
        this.driver = driver;
    }

    @BeforeEach
    void seedGraph() {
        SharedNeo4j.clear(driver);
        GraphRepository repository = new GraphRepository(driver);
        new SeedImporter(new SeedLoader(), repository, Path.of("graph-seed")).importSeed();
        GraphData data = repository.readGraph();
        paths = new LearningPaths(RoadmapGraph.of(data.nodes(), data.edges()));
    }

    private Set<String> neo4jClosure(GraphNode goal) {
        String stageTopics = "MATCH (t:Topic) WHERE (t)-[:IN_STAGE]->(s) OR (s)-[:INCLUDES]->(t) "
                + "OPTIONAL MATCH (t)-[:REQUIRES*]->(p) "
                + "WITH collect(DISTINCT t.id) + collect(DISTINCT p.id) AS ids UNWIND ids AS id "
                + "RETURN DISTINCT id";
        String query =
                switch (goal.kind()) {
                    case STAGE -> "MATCH (s:Stage {id: $id}) " + stageTopics;
                    case ROADMAP -> "MATCH (:Roadmap {id: $id})-[:HAS_STAGE]->(s:Stage) " + stageTopics;
                    default -> "MATCH (:Entity {id: $id})-[:REQUIRES*1..]->(p) RETURN DISTINCT p.id AS id";
                };
        return driver.executableQuery(query).withParameters(Map.of("id", goal.id())).execute().records().stream()
                .map(r -> r.get("id").asString())
                .filter(id -> !id.equals(goal.id()))
                .collect(Collectors.toSet());
    }

    @Test
    void forEveryNodeThePlanIsTheClosureNeo4jComputesInAValidOrder() {
        int checked = 0;
        for (GraphNode node : paths.graph().nodes()) {
            if (node.kind() == Kind.RESOURCE || node.kind() == Kind.FAQ) {
                continue;
            }
            LearningPlan plan = paths.plan(node.id(), Set.of(), Optional.empty());
            List<String> order =
                    plan.steps().stream().map(LearningPlan.Step::id).toList();

            assertThat(Set.copyOf(order)).as(node.id()).isEqualTo(neo4jClosure(node));
            for (LearningPlan.Step step : plan.steps()) {
                for (String prerequisite : step.prerequisites()) {
                    assertThat(order.indexOf(prerequisite))
                            .as("%s before %s", prerequisite, step.id())
                            .isLessThan(order.indexOf(step.id()));
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(70);
    }

    @Test
    void theLoraPlanTeachesTransformersTransferLearningAndBackpropagationBeforeFineTuning() {
        List<String> steps = paths.plan("fine-tuning-peft", Set.of(), Optional.empty()).steps().stream()
                .map(LearningPlan.Step::id)
                .toList();

        assertThat(steps).contains("transformer-architecture", "transfer-learning", "backpropagation");
        assertThat(steps.indexOf("backpropagation")).isLessThan(steps.indexOf("transfer-learning"));
    }

    @Test
    void theMachineLearningEngineerPlanCoversEveryStage() {
        LearningPlan plan = paths.plan("machine-learning-engineer", Set.of(), Optional.of(15));

        assertThat(plan.steps().stream()
                        .map(LearningPlan.Step::stage)
                        .filter(s -> s != null)
                        .map(StageRef::order)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(plan.etaWeeks()).isEqualTo((int) Math.ceil(plan.totalHours() / 15));
    }

    @Test
    void theCypherExportRunsInNeo4jAndDrawsExactlyThePlan() {
        LearningPlan plan = paths.plan("fine-tuning-peft", Set.of("python"), Optional.empty());
        String cypher = PlanExport.render(plan, PlanFormat.CYPHER);

        Set<String> drawn = new HashSet<>();
        int relationships = 0;
        for (var record : driver.executableQuery(cypher).execute().records()) {
            drawn.add(record.get("n").asNode().get("id").asString());
            if (!record.get("r").isNull()) {
                relationships++;
                drawn.add(record.get("m").asNode().get("id").asString());
            }
        }
        Set<String> expected = plan.steps().stream().map(LearningPlan.Step::id).collect(Collectors.toSet());
        expected.add(plan.goal().id());
        assertThat(drawn).isEqualTo(expected);
        assertThat(relationships).isEqualTo(PlanExport.links(plan).size());
    }

    @Test
    void mermaidAndDotHaveOneNodePerStepPlusTheGoalAndOneEdgePerPrerequisiteLink() {
        LearningPlan plan = paths.plan("retrieval-augmented-generation", Set.of("python"), Optional.empty());
        int links = PlanExport.links(plan).size();

        String mermaid = PlanExport.render(plan, PlanFormat.MERMAID);
        assertThat(count(mermaid, "(?m)^  n\\d+\\[\"") + count(mermaid, "(?m)^  n\\d+\\(\\[\""))
                .isEqualTo(plan.steps().size() + 1);
        assertThat(count(mermaid, " --> ")).isEqualTo(links);
        assertThat(mermaid).startsWith("flowchart TD\n");

        String dot = PlanExport.render(plan, PlanFormat.DOT);
        assertThat(count(dot, "(?m)^  \"[^\"]+\" \\[label="))
                .isEqualTo(plan.steps().size() + 1);
        assertThat(count(dot, " -> ")).isEqualTo(links);
        assertThat(dot).startsWith("digraph plan {").endsWith("}\n");
    }

    @Test
    void csvAndMarkdownListEveryStep() {
        LearningPlan plan = paths.plan("model-serving", Set.of(), Optional.empty());

        List<String> rows = PlanExport.render(plan, PlanFormat.CSV).lines().toList();
        assertThat(rows).hasSize(plan.steps().size() + 1);
        assertThat(rows.get(0)).isEqualTo("position,id,kind,name,stage,hours,prerequisites,needed_by,resources,goals");
        assertThat(rows.get(1)).startsWith("1," + plan.steps().get(0).id() + ",");

        String markdown = PlanExport.render(plan, PlanFormat.MARKDOWN);
        assertThat(count(markdown, "(?m)^- \\[ \\] ")).isEqualTo(plan.steps().size() + 1);
        assertThat(markdown).contains("## Stage 0: Prerequisites", "# Learning plan: Model Serving");
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
