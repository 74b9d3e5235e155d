package dev.skillgraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RelType;
import dev.skillgraph.domain.SeedGraph;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped ml-engineer pack holds the whole roadmap page, and its prerequisite graph is one an ML engineer would sign.
 * The pack stands alone: it loads as the only seed.
 */
class SeedContentTest {

    private static final SeedGraph SEED = new SeedLoader().load(Path.of("graph-seed/ml-engineer"));
    private static final RoadmapPage PAGE = RoadmapPage.load();
    private static final Map<String, GraphNode> BY_ID =
            SEED.nodes().stream().collect(Collectors.toMap(GraphNode::id, Function.identity()));

    private static List<GraphNode> nodes(Kind kind) {
        return SEED.nodes().stream().filter(n -> n.kind() == kind).toList();
    }

    private static List<GraphEdge> edges(RelType type) {
        return SEED.edges().stream().filter(e -> e.type() == type).toList();
    }

    private static GraphNode stage(int order) {
        return nodes(Kind.STAGE).stream()
                .filter(s -> s.order() == order)
                .findFirst()
                .orElseThrow();
    }

    private static List<GraphNode> topicsOf(GraphNode stage) {
        Set<String> ids = edges(RelType.IN_STAGE).stream()
                .filter(e -> e.to().equals(stage.id()))
                .map(GraphEdge::from)
                .collect(Collectors.toSet());
        return nodes(Kind.TOPIC).stream().filter(t -> ids.contains(t.id())).toList();
    }

    private static Set<String> prerequisitesOf(String id) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String current = todo.pop();
            edges(RelType.REQUIRES).stream()
                    .filter(e -> e.from().equals(current))
                    .map(GraphEdge::to)
                    .filter(seen::add)
                    .forEach(todo::push);
        }
        return seen;
    }

    @Test
    void everyStageOfThePageIsAStageWithItsWordingAndDuration() {
        assertThat(PAGE.stages()).hasSize(5);
        for (RoadmapPage.Stage page : PAGE.stages()) {
            GraphNode stage = stage(page.order());
            assertThat(stage.name()).isEqualTo(page.name());
            assertThat(stage.weeks()).isEqualTo(page.weeks());
            assertThat(stage.description()).isEqualTo(page.description());
        }
        assertThat(stage(0).name()).isEqualTo("Prerequisites");
    }

    @Test
    void everyBulletOfEveryStageIsATopicInThatStage() {
        int bullets = 0;
        for (RoadmapPage.Stage page : PAGE.stages()) {
            assertThat(topicsOf(stage(page.order())))
                    .extracting(GraphNode::roadmapLine)
                    .containsExactlyInAnyOrderElementsOf(page.topics());
            bullets += page.topics().size();
        }
        assertThat(bullets).isEqualTo(34);
        assertThat(topicsOf(stage(0)))
                .extracting(GraphNode::roadmapLine)
                .containsExactlyInAnyOrderElementsOf(PAGE.prerequisites());
        assertThat(nodes(Kind.TOPIC)).hasSize(38).allSatisfy(topic -> {
            assertThat(topic.summary()).isNotBlank();
            assertThat(topic.description()).isNotBlank();
            assertThat(topic.hours()).isPositive();
        });
    }

    @Test
    void topicsCarryTheAcronymsLearnersType() {
        Set<String> aliases =
                nodes(Kind.TOPIC).stream().flatMap(t -> t.aliases().stream()).collect(Collectors.toSet());
        assertThat(aliases)
                .contains(
                        "cnn",
                        "rnn",
                        "lstm",
                        "pca",
                        "t-sne",
                        "umap",
                        "svm",
                        "gan",
                        "rag",
                        "lora",
                        "qlora",
                        "mlops",
                        "ci/cd",
                        "k8s",
                        "backprop",
                        "llm",
                        "nlp",
                        "gbm",
                        "nn",
                        "peft",
                        "cv");
    }

    @Test
    void topicHoursFollowTheRuleWrittenInTheSeedReadme() {
        Pattern weeks = Pattern.compile("(\\d+)–(\\d+) weeks");
        for (GraphNode stage : nodes(Kind.STAGE)) {
            Matcher m = weeks.matcher(stage.weeks());
            assertThat(m.matches()).as(stage.weeks()).isTrue();
            double meanWeeks = (Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2))) / 2.0;
            List<GraphNode> topics = topicsOf(stage);
            long expected = Math.round(meanWeeks * 15 / topics.size());
            assertThat(topics)
                    .as(stage.id())
                    .allSatisfy(t -> assertThat(t.hours().longValue()).isEqualTo(expected));
        }
    }

    @Test
    void everyToolOfThePageAndOfTheTopicLinesIsAToolUsedByATopic() {
        assertThat(nodes(Kind.TOOL)).extracting(GraphNode::name).containsAll(PAGE.tools());
        assertThat(nodes(Kind.TOOL))
                .extracting(GraphNode::name)
                .contains(
                        "XGBoost",
                        "LightGBM",
                        "Keras",
                        "Hugging Face Transformers",
                        "Hugging Face Datasets",
                        "MLflow",
                        "MLflow Model Registry",
                        "Weights & Biases",
                        "Neptune",
                        "FastAPI",
                        "TorchServe",
                        "TF Serving",
                        "BentoML",
                        "Docker",
                        "Kubernetes",
                        "AWS SageMaker",
                        "GCP Vertex AI",
                        "Azure ML",
                        "DVC",
                        "Git");
        Set<String> used = edges(RelType.USES).stream().map(GraphEdge::to).collect(Collectors.toSet());
        assertThat(nodes(Kind.TOOL))
                .allSatisfy(tool -> assertThat(used).as(tool.id()).contains(tool.id()));
    }

    @Test
    void fifteenResourcesWithRealUrlsEachTeachSomething() {
        assertThat(PAGE.stagesAndResources()).isEqualTo("5 stages, 15 resources");
        assertThat(nodes(Kind.RESOURCE)).hasSize(15).allSatisfy(resource -> {
            assertThat(resource.url()).startsWith("https://");
            assertThat(resource.format()).isNotBlank();
        });
        Set<String> teaching =
                edges(RelType.TEACHES).stream().map(GraphEdge::from).collect(Collectors.toSet());
        assertThat(nodes(Kind.RESOURCE)).allSatisfy(r -> assertThat(teaching).contains(r.id()));
    }

    @Test
    void theFourCareersCarryThePagesSalaryAndRequireSomething() {
        assertThat(PAGE.careers())
                .containsExactly(
                        "Machine Learning Engineer ($130K–$220K+)",
                        "ML Platform Engineer",
                        "Applied Scientist at top tech companies",
                        "AI/ML Technical Lead or Architect");
        assertThat(nodes(Kind.CAREER))
                .extracting(c -> c.salary() == null ? c.name() : c.name() + " (" + c.salary() + ")")
                .containsExactlyInAnyOrderElementsOf(PAGE.careers());
        Set<String> requiring =
                edges(RelType.REQUIRES).stream().map(GraphEdge::from).collect(Collectors.toSet());
        assertThat(nodes(Kind.CAREER)).allSatisfy(c -> assertThat(requiring).contains(c.id()));
        assertThat(edges(RelType.LEADS_TO))
                .extracting(GraphEdge::to)
                .containsAll(nodes(Kind.CAREER).stream().map(GraphNode::id).toList());
    }

    @Test
    void theFaqAndThePagesFactsAreSearchableEntries() {
        Map<String, String> faqs =
                nodes(Kind.FAQ).stream().collect(Collectors.toMap(GraphNode::name, GraphNode::description));
        assertThat(faqs).containsAllEntriesOf(PAGE.faqs());
        assertThat(PAGE.faqs()).hasSize(4);
        assertThat(faqs.values()).contains(PAGE.whoFor(), PAGE.difficulty());
        assertThat(faqs.values()).anySatisfy(answer -> assertThat(answer).contains(PAGE.timeCommitment()));
        assertThat(faqs.values()).anySatisfy(answer -> assertThat(answer).contains(PAGE.prerequisites()));
    }

    @Test
    void everyPrerequisiteEdgeExplainsItself() {
        assertThat(edges(RelType.REQUIRES)).allSatisfy(edge -> {
            assertThat(edge.reason()).as(edge.from() + " -> " + edge.to()).isNotBlank();
            assertThat(edge.strength()).isIn("hard", "soft");
        });
    }

    @Test
    void everyTopicLeadsBackToTheRoadmapsPrerequisites() {
        Set<String> foundations = topicsOf(stage(0)).stream().map(GraphNode::id).collect(Collectors.toSet());
        for (GraphNode topic : nodes(Kind.TOPIC)) {
            if (!foundations.contains(topic.id())) {
                assertThat(prerequisitesOf(topic.id())).as(topic.id()).containsAnyElementsOf(foundations);
            }
        }
    }

    @Test
    void prerequisitesAreTheOnesAnMlEngineerWouldSignOff() {
        assertThat(prerequisitesOf("fine-tuning-peft"))
                .contains("transformer-architecture", "transfer-learning", "backpropagation", "language-models");
        assertThat(prerequisitesOf("backpropagation"))
                .contains("linear-algebra-calculus", "neural-network-architecture");
        assertThat(prerequisitesOf("retrieval-augmented-generation"))
                .contains("language-models", "transformer-architecture");
        assertThat(prerequisitesOf("cloud-ml-platforms")).contains("docker-kubernetes");
        assertThat(prerequisitesOf("monitoring-observability")).contains("model-serving", "statistics-probability");
        Set<Integer> stagesCovered = prerequisitesOf("machine-learning-engineer").stream()
                .flatMap(id ->
                        edges(RelType.IN_STAGE).stream().filter(e -> e.from().equals(id)))
                .map(e -> BY_ID.get(e.to()).order())
                .collect(Collectors.toSet());
        assertThat(stagesCovered).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }
}
