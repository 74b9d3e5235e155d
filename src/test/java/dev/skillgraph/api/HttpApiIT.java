package dev.skillgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.app.Application;
import dev.skillgraph.app.TestService;
import dev.skillgraph.seed.SeedFiles;
import dev.skillgraph.seed.SeedLoader;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** Every endpoint and error through real HTTP, against the service as the README's run command starts it. */
class HttpApiIT {

    private static final String TOKEN = "test-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path work;
    private static Path seed;
    private static Application app;
    private static Driver bolt;

    @BeforeAll
    static void start() throws IOException {
        work = Files.createTempDirectory("skillgraph-api-it");
        seed = work.resolve("seed");
        SeedFiles.copyTree(Path.of("graph-seed"), seed);
        app = TestService.start(
                work.resolve("data"),
                "SKILLGRAPH_SEED_DIR",
                seed.toString(),
                "SKILLGRAPH_ADMIN_TOKEN",
                TOKEN,
                "SKILLGRAPH_REFRESH_SECONDS",
                "1");
        bolt = GraphDatabase.driver(app.boltUri(), AuthTokens.none());
    }

    @AfterAll
    static void stop() {
        bolt.close();
        app.close();
    }

    private static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(app.apiUri().resolve(pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.apiUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).contains(detailPart);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void searchAnswersWithHitsFacetsHighlightsAndTheGraphVersion() throws Exception {
        HttpResponse<String> response = get("/api/search?q=transfomer&limit=3");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("hits").get(0).get("id").asText()).isEqualTo("transformer-architecture");
        assertThat(body.get("hits").get(0).get("highlights").get("name").asText())
                .contains("<mark>");
        assertThat(body.get("hits").size()).isEqualTo(3);
        assertThat(body.get("total").asInt()).isGreaterThan(3);
        assertThat(body.get("facets").get("kind").size()).isPositive();
        assertThat(body.get("didYouMean").asText()).isEqualTo("transformer");
        assertThat(response.headers().firstValue("X-Graph-Version")).isPresent();
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void aLearningPathQuestionLinksToTheRequestThatAnswersIt() throws Exception {
        JsonNode before = json(get("/api/search?q=what%20must%20I%20learn%20before%20transformers&known=Python"));
        JsonNode question = before.get("question");
        assertThat(question.get("asks").asText()).isEqualTo("learning-path");
        assertThat(question.get("href").asText()).isEqualTo("/api/learning-path/transformer-architecture?known=python");
        HttpResponse<String> plan = get(question.get("href").asText());
        assertThat(plan.statusCode()).isEqualTo(200);
        assertThat(json(plan).get("goal").get("id").asText()).isEqualTo("transformer-architecture");

        // What the text says the learner knows joins the request's known=.
        JsonNode knowing =
                json(get("/api/search?q=what%20must%20I%20learn%20before%20rag%20if%20I%20know%20numpy&known=python"));
        assertThat(knowing.get("question").get("href").asText())
                .isEqualTo("/api/learning-path/retrieval-augmented-generation?known=python%2Cnumpy");
        assertThat(get(knowing.get("question").get("href").asText()).statusCode())
                .isEqualTo(200);

        // A goal the learner knows already: the answer says its plan has nothing to learn, as the plan does.
        JsonNode backwards = json(get("/api/search?q=how%20do%20I%20get%20from%20rag%20to%20python"));
        assertThat(backwards.get("notice").asText())
                .endsWith("Python Programming is already known, as a prerequisite of what you know"
                        + " (retrieval-augmented-generation): question.href's plan has nothing to learn");
        assertThat(json(get(backwards.get("question").get("href").asText())).get("steps"))
                .isEmpty();
        assertThat(json(get("/api/search?q=what%20must%20I%20learn%20before%20python&known=python"))
                        .get("notice")
                        .asText())
                .endsWith("you know Python Programming already: question.href's plan has nothing to learn");
        assertThat(knowing.get("notice").asText()).doesNotContain("nothing to learn");

        JsonNode after = json(get("/api/search?q=what%20comes%20after%20linear%20regression"));
        assertThat(after.get("question").get("href").asText()).isEqualTo("/api/unlocks/linear-logistic-regression");
        assertThat(get(after.get("question").get("href").asText()).statusCode()).isEqualTo(200);
        // Several goals: the plan toward all of them; what can be learned next, knowing what the text says.
        JsonNode goals =
                json(get("/api/search?q=what%20must%20I%20learn%20before%20transformers%20and%20rag&known=python"));
        assertThat(goals.get("question").get("href").asText())
                .isEqualTo("/api/learning-path?goals=transformer-architecture%2Cretrieval-augmented-generation"
                        + "&known=python");
        assertThat(json(get(goals.get("question").get("href").asText())).get("goals"))
                .hasSize(2);
        JsonNode next = json(get("/api/search?q=I%20know%20SQL%2C%20what%20next%3F&known=python"));
        assertThat(next.get("question").get("href").asText())
                .isEqualTo("/api/next?known=python%2Csql-data-manipulation");
        assertThat(json(get(next.get("question").get("href").asText())).get("next"))
                .isNotEmpty();
        // "What next?" alone: the next steps of what the request knows, or where to start when it knows nothing.
        JsonNode alone = json(get("/api/search?q=what%20next%3F&known=python"));
        assertThat(alone.get("question").get("href").asText()).isEqualTo("/api/next?known=python");
        assertThat(alone.get("question").get("about")).isEmpty();
        assertThat(alone.get("question").has("id")).isFalse();
        assertThat(json(get("/api/search?q=what%20next%3F"))
                        .get("question")
                        .get("href")
                        .asText())
                .isEqualTo("/api/next");
        // A query that asks nothing has no question.
        assertThat(json(get("/api/search?q=transformers")).has("question")).isFalse();
    }

    @Test
    void getsCarryAnEtagFromTheGraphVersionAndAnswer304WhenUnchanged() throws Exception {
        HttpResponse<String> first = get("/api/nodes/backpropagation");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).contains(first.headers().firstValue("X-Graph-Version").orElseThrow());

        HttpResponse<String> second = get("/api/nodes/backpropagation", "If-None-Match", etag);
        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(second.headers().firstValue("Content-Type"))
                .as("a 304 has no body to type")
                .isEmpty();
    }

    @Test
    void headAnswersAsGetWouldWithoutTheBody() throws Exception {
        for (String path : List.of(
                "/api/nodes/backpropagation",
                "/api/nodes/no-such-node",
                "/api/search?q=python",
                "/api/search?q=",
                "/api/learning-path/backpropagation",
                "/health")) {
            HttpResponse<String> get = get(path);
            HttpResponse<String> head = head(path);
            assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
            assertThat(head.body()).as(path).isEmpty();
            for (String header : List.of("Content-Type", "ETag", "X-Graph-Version", "Cache-Control")) {
                assertThat(head.headers().firstValue(header))
                        .as(path + " " + header)
                        .isEqualTo(get.headers().firstValue(header));
            }
        }
        String etag =
                get("/api/nodes/backpropagation").headers().firstValue("ETag").orElseThrow();
        assertThat(head("/api/nodes/backpropagation", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        assertThat(head("/no-such-endpoint").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> head(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.apiUri().resolve(pathAndQuery))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void suggestCompletesAsYouType() throws Exception {
        JsonNode body = json(get("/api/suggest?q=quant"));
        assertThat(body.get("suggestions").get(0).get("id").asText()).isEqualTo("model-compression");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/search|q",
                "/api/search?q=|q",
                "/api/search?q=%20%20%20|q",
                "/api/search?q=x&limit=0|limit",
                "/api/search?q=x&limit=101|limit",
                "/api/search?q=x&limit=ten|limit",
                "/api/search?q=x&offset=-1|offset",
                "/api/search?q=x&kind=widget|kind",
                "/api/search?q=x&stage=stage-9|stage",
                "/api/search?q=x%00y|q",
                "/api/search?q=x&known=python%01|known",
                "/api/suggest|q",
                "/api/learning-path/python?hoursPerWeek=0|hoursPerWeek",
                "/api/learning-path?from=python|to",
                "/api/next?limit=1000|limit",
            })
    void badParametersAre400sThatNameTheParameter(String pathAndQuery, String parameter) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertProblem(response, 400, parameter);
        assertThat(json(response).get("parameter").asText()).isEqualTo(parameter);
    }

    @Test
    void aQueryOfTenThousandCharactersIsRefusedWithTheLimit() throws Exception {
        assertProblem(get("/api/search?q=" + "a".repeat(10_000)), 400, "at most 500");
    }

    @Test
    void aQueryIsMeasuredInCharactersAndABrokenEscapeIsNamed() throws Exception {
        String panda = "%F0%9F%90%BC"; // one character, two UTF-16 units
        assertThat(get("/api/search?q=" + panda.repeat(300)).statusCode()).isEqualTo(200);
        assertProblem(get("/api/search?q=" + panda.repeat(501)), 400, "is 501 characters long");
        // No HTTP client sends a broken escape; a hand-written request line does.
        for (String query : List.of("q=python%", "q=50%25%2", "q=python&kind=faq%", "q=python&limit=1%")) {
            String answer = rawGet("/api/search?" + query);
            assertThat(answer).as(query).startsWith("HTTP/1.1 400").contains("%25");
        }
        // Bytes that are not UTF-8 (a cut character, Latin-1) are named, not searched as U+FFFD; U+FFFD itself is text.
        Map<String, String> broken = Map.of(
                "q=%C3%28abc", "q",
                "q=caf%E9", "q",
                "q=%E2%82", "q",
                "q=python&known=py%FFthon", "known",
                "q=py&kind=%FF", "kind");
        for (Map.Entry<String, String> query : broken.entrySet()) {
            HttpResponse<String> answer = get("/api/search?" + query.getKey());
            assertProblem(answer, 400, "is not valid UTF-8");
            assertThat(json(answer).get("parameter").asText())
                    .as(query.getKey())
                    .isEqualTo(query.getValue());
        }
        assertProblem(get("/api/suggest?q=py%FF"), 400, "is not valid UTF-8");
        assertThat(get("/api/search?q=%EF%BF%BD").statusCode()).isEqualTo(200);
    }

    @Test
    void aLineBreakInAQueryIsASpaceAndAPathJettyCannotReadIsNamed() throws Exception {
        HttpResponse<String> pasted = get("/api/search?q=pandas%0D%0Anumpy%0A");
        assertThat(pasted.statusCode()).isEqualTo(200);
        assertThat(json(pasted).get("query").asText()).isEqualTo("pandas numpy");
        assertProblem(get("/api/nodes/%00"), 400, "such as %00");
        assertThat(rawGet("/api/nodes/%ZZ")).startsWith("HTTP/1.1 400").contains("not %XX in hex");
    }

    private static String rawGet(String target) throws IOException {
        try (java.net.Socket socket =
                new java.net.Socket(app.apiUri().getHost(), app.apiUri().getPort())) {
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void moreThanFiveHundredKnownIdsAreRefusedWithTheLimit() throws Exception {
        String ids = String.join(
                ",",
                java.util.stream.IntStream.range(0, 501)
                        .mapToObj(i -> "id-" + i)
                        .toList());
        HttpResponse<String> response = get("/api/next?known=" + ids);
        assertProblem(response, 400, "at most 500");
        assertThat(json(response).get("parameter").asText()).isEqualTo("known");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AND (",
                "*",
                "\"",
                "~",
                "\\",
                ")))",
                "🚀",
                "') DETACH DELETE n //",
                "../../etc/passwd",
                "<script>alert(1)</script>",
                "%",
                "a:b",
                "{}[]"
            })
    void anyQueryTextIsSearchedSafely(String text) throws Exception {
        HttpResponse<String> response = get("/api/search?q=" + q(text));
        assertThat(response.statusCode()).as(text).isEqualTo(200);
        assertThat(json(response).has("hits")).isTrue();
    }

    @Test
    void nodesShowTheirNeighbourhoodAndUnknownIdsNameCloseMatches() throws Exception {
        JsonNode node = json(get("/api/nodes/fine-tuning-peft"));
        assertThat(node.get("name").asText()).isEqualTo("Fine-tuning and PEFT (LoRA, QLoRA)");
        assertThat(node.get("stage").get("id").asText()).isEqualTo("stage-3-advanced-architectures");
        assertThat(node.get("prerequisites").findValuesAsText("id")).contains("transfer-learning");
        assertThat(node.get("prerequisites").get(0).get("reason").asText()).isNotBlank();
        assertThat(node.get("resources").findValuesAsText("id")).contains("lora-paper");
        assertThat(node.get("careers").findValuesAsText("id")).contains("machine-learning-engineer");

        assertProblem(get("/api/nodes/transformer"), 404, "did you mean");
        assertThat(json(get("/api/nodes/transformer")).get("detail").asText()).contains("transformer-architecture");
    }

    /** Ids as people type them (issue #21): case and separators do not matter; else "did you mean" comes from search. */
    @Test
    void idsThatDifferOnlyByCaseOrSeparatorsNameTheNode() throws Exception {
        assertThat(json(get("/api/nodes/Pandas")).get("id").asText()).isEqualTo("pandas");
        assertThat(json(get("/api/nodes/scikit_learn")).get("id").asText()).isEqualTo("scikit-learn");
        assertThat(json(get("/api/nodes/Model%20Serving")).get("id").asText()).isEqualTo("model-serving");
        assertThat(json(get("/api/learning-path/Fine_Tuning_PEFT?known=Python,NumPy"))
                        .get("known")
                        .toString())
                .contains("python", "numpy");
        assertThat(get("/api/next?known=Python&goal=Model-Serving").statusCode())
                .isEqualTo(200);
        assertThat(get("/api/unlocks/PYTORCH").statusCode()).isEqualTo(200);
        // Not an id by any spelling: the closest names and aliases by search, the misspelt tool first.
        HttpResponse<String> typo = get("/api/nodes/pandsa");
        assertProblem(typo, 404, "did you mean pandas");
        assertProblem(get("/api/nodes/scikit-lern"), 404, "did you mean scikit-learn");
        // Words only a description mentions in passing are no close match.
        assertThat(json(get("/api/unlocks/nothing-here")).get("detail").asText())
                .doesNotContain("did you mean");
        // Separators left out, and a node's whole name, name it too; filters forgive as every id parameter does.
        assertThat(json(get("/api/nodes/huggingface")).get("id").asText()).isEqualTo("hugging-face");
        assertThat(json(get("/api/nodes/tensor-flow")).get("id").asText()).isEqualTo("tensorflow");
        assertThat(json(get("/api/nodes/sci-kit-learn")).get("id").asText()).isEqualTo("scikit-learn");
        assertThat(json(get("/api/learning-path/model-serving?known=Python%20Programming"))
                        .get("known")
                        .toString())
                .contains("python");
        assertThat(json(get("/api/search?q=python&stage=Stage-0-Prerequisites"))
                        .get("hits")
                        .size())
                .isPositive();
        assertThat(json(get("/api/search?q=python&roadmap=Data_Scientist_Roadmap&limit=50")))
                .isEqualTo(json(get("/api/search?q=python&roadmap=data-scientist-roadmap&limit=50")));
        assertProblem(get("/api/learning-path/python?known=Pythn"), 400, "Pythn");
        assertProblem(get("/api/search?q=lora&known=pandsa"), 400, "pandsa (did you mean pandas");
        // A long list of unknown ids names the first five, each "did you mean" being a search, and counts the rest.
        assertProblem(get("/api/learning-path/python?known=zq1,zq2,zq3,zq4,zq5,zq6,zq7"), 400, "and 2 more");
        // An invisible character inside an id, as in a pasted link, is no part of it.
        assertThat(get("/api/nodes/%E2%80%8Bpandas").statusCode()).isEqualTo(200);
        // Accents and full-width letters fold; a roadmap's id is as forgiving as any other node's.
        assertThat(get("/api/nodes/p%C3%A1ndas").statusCode()).isEqualTo(200);
        assertThat(get("/api/nodes/%EF%BC%B0andas").statusCode()).isEqualTo(200);
        assertThat(json(get("/api/roadmaps/ML-Engineer-Roadmap")).get("id").asText())
                .isEqualTo("ml-engineer-roadmap");
    }

    @Test
    void roadmapsAreListedWholeSharedAndSearchable() throws Exception {
        JsonNode roadmaps = json(get("/api/roadmaps"));
        assertThat(roadmaps.size()).isGreaterThanOrEqualTo(4);
        List<String> ids = new ArrayList<>();
        roadmaps.forEach(r -> {
            ids.add(r.get("id").asText());
            assertThat(r.get("stages").asInt()).as(r.toString()).isGreaterThanOrEqualTo(4);
            assertThat(r.get("topics").asInt())
                    .as(r.toString())
                    .isGreaterThan(r.get("sharedTopics").asInt());
            assertThat(r.get("totalHours").asInt()).as(r.toString()).isPositive();
        });
        assertThat(ids).contains("ml-engineer-roadmap", "data-scientist-roadmap");

        JsonNode ml = json(get("/api/roadmaps/ml-engineer-roadmap"));
        assertThat(ml.get("difficulty").asText()).isEqualTo("Intermediate → Advanced");
        assertThat(ml.get("duration").asText()).isEqualTo("6–9 months");
        assertThat(ml.get("stages").size()).isEqualTo(6);
        JsonNode firstTopic = ml.get("stages").get(0).get("topics").get(0);
        assertThat(firstTopic.has("id") && firstTopic.has("kind") && firstTopic.has("name"))
                .isTrue();

        // python is one node on every roadmap, and says so
        JsonNode python = json(get("/api/nodes/python"));
        List<String> onRoadmaps = new ArrayList<>();
        python.get("roadmaps").forEach(r -> onRoadmaps.add(r.get("id").asText()));
        assertThat(onRoadmaps).containsAll(ids);

        // a roadmap is a learning goal; what one roadmap taught counts on another
        JsonNode plan = json(get("/api/learning-path/data-scientist-roadmap"));
        JsonNode known = json(get("/api/learning-path/data-scientist-roadmap?known=python,statistics-probability"));
        assertThat(known.get("totalHours").asInt())
                .isLessThan(plan.get("totalHours").asInt());

        JsonNode filtered = json(get("/api/search?q=python&roadmap=data-scientist-roadmap&limit=50"));
        assertThat(filtered.get("facets").get("roadmap").size()).isGreaterThanOrEqualTo(4);
        assertThat(filtered.get("hits").size()).isPositive();
        for (JsonNode hit : filtered.get("hits")) {
            assertThat(json(get("/api/nodes/" + hit.get("id").asText()))
                            .get("roadmaps")
                            .toString())
                    .as(hit.get("id").asText())
                    .contains("data-scientist-roadmap");
        }

        HttpResponse<String> asCase = get("/api/roadmaps/ml-engineer-roadmap?format=case");
        assertThat(asCase.statusCode()).isEqualTo(200);
        assertThat(asCase.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"ml-engineer-roadmap.case.json\"");
        assertThat(json(asCase).get("CFDocument").get("title").asText()).isEqualTo("Machine Learning Engineer Roadmap");
        assertThat(json(asCase).get("CFItems").size()).isGreaterThanOrEqualTo(6 + 38);
        HttpResponse<String> pdf = get("/api/roadmaps/ml-engineer-roadmap?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(406);
        assertThat(pdf.body()).contains("use one of [json, case]");

        HttpResponse<String> unknown = get("/api/roadmaps/python");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no roadmap with id 'python'", "ml-engineer-roadmap");
        HttpResponse<String> badFilter = get("/api/search?q=python&roadmap=nope");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.body()).contains("'roadmap' must be a roadmap id");
    }

    @Test
    void stagesAndCareersListTheRoadmap() throws Exception {
        List<JsonNode> stages = new ArrayList<>();
        json(get("/api/stages")).forEach(stage -> {
            if (stage.path("roadmap").path("id").asText().equals("ml-engineer-roadmap")) {
                stages.add(stage);
            }
        });
        assertThat(stages).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(stages.get(i).get("order").asInt()).isEqualTo(i);
        }
        assertThat(stages.get(1).get("topics").size()).isEqualTo(7);
        JsonNode careers = json(get("/api/careers"));
        List<String> careerIds = new ArrayList<>();
        careers.forEach(career -> careerIds.add(career.get("id").asText()));
        assertThat(careerIds)
                .contains(
                        "machine-learning-engineer",
                        "ml-platform-engineer",
                        "applied-scientist",
                        "ai-ml-technical-lead");
    }

    @Test
    void theLearningPathIsOrderedExplainedAndPersonal() throws Exception {
        JsonNode plan = json(get("/api/learning-path/fine-tuning-peft?known=python&hoursPerWeek=10"));
        List<String> steps = plan.get("steps").findValuesAsText("id");
        assertThat(steps)
                .contains("transformer-architecture", "transfer-learning", "backpropagation")
                .doesNotContain("python", "fine-tuning-peft");
        assertThat(steps.indexOf("backpropagation")).isLessThan(steps.indexOf("transformer-architecture"));
        assertThat(plan.get("goal").get("id").asText()).isEqualTo("fine-tuning-peft");
        assertThat(plan.get("totalHours").asInt()).isPositive();
        assertThat(plan.get("etaWeeks").asInt())
                .isEqualTo((plan.get("totalHours").asInt() + 9) / 10);
        assertThat(plan.get("steps").get(0).get("why").get(0).get("reason").asText())
                .isNotBlank();

        assertProblem(get("/api/learning-path/fine-tuning-peft?known=python,ghost"), 400, "ghost");
        assertProblem(get("/api/learning-path/no-such-topic"), 404, "no-such-topic");
        JsonNode known = json(get("/api/learning-path/python?known=python"));
        assertThat(known.get("steps").size()).isZero();
        assertThat(known.get("message").asText()).contains("already known");
    }

    @ParameterizedTest
    @CsvSource({
        "markdown, text/markdown, # Learning plan",
        "mermaid, text/vnd.mermaid, flowchart TD",
        "dot, text/vnd.graphviz, digraph plan {",
        "csv, text/csv, position,id,kind",
        "cypher, application/x-cypher-query, MATCH (n:Entity)",
        "json, application/json, {",
    })
    void plansExportInEveryFormatWithItsContentType(String format, String type, String start) throws Exception {
        HttpResponse<String> response = get("/api/learning-path/model-serving?format=" + format);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(type);
        assertThat(response.body()).contains(start);
    }

    @Test
    void anUnsupportedFormatIs406() throws Exception {
        assertProblem(get("/api/learning-path/model-serving?format=pdf"), 406, "markdown");
    }

    @Test
    void chainsNextAndUnlocksAnswer() throws Exception {
        JsonNode chain = json(get("/api/learning-path?from=backpropagation&to=fine-tuning-peft"));
        List<String> ids = chain.get("chain").findValuesAsText("id");
        assertThat(ids.get(0)).isEqualTo("backpropagation");
        assertThat(ids.get(ids.size() - 1)).isEqualTo("fine-tuning-peft");
        assertProblem(get("/api/learning-path?from=fine-tuning-peft&to=python"), 404, "does not depend on");
        // An FAQ answer or a resource is no goal of any learning-path question: the same 400 for each, naming the
        // parameter that gave it.
        Map<String, String> noGoals = Map.of(
                "/api/learning-path?goals=faq-salary", "goals",
                "/api/next?known=python&goal=faq-salary", "goal",
                "/api/learning-path?from=python&to=faq-salary", "to",
                "/api/learning-path?from=think-stats&to=python", "from");
        for (Map.Entry<String, String> path : noGoals.entrySet()) {
            HttpResponse<String> refused = get(path.getKey());
            assertProblem(refused, 400, "not a learning goal");
            assertThat(json(refused).get("parameter").asText())
                    .as(path.getKey())
                    .isEqualTo(path.getValue());
        }
        assertProblem(get("/api/learning-path/faq-salary"), 400, "not a learning goal");
        assertThat(json(get("/api/learning-path?from=python&to=python"))
                        .get("parameter")
                        .asText())
                .isEqualTo("to");
        // A blank id is a request without one, not a node that does not exist.
        assertProblem(get("/api/unlocks/%20"), 400, "id is blank");
        assertProblem(get("/api/nodes/%20%20"), 400, "id is blank");

        JsonNode next = json(get("/api/next?known=python,linear-algebra-calculus,statistics-probability"));
        assertThat(next.get("next").findValuesAsText("id")).contains("linear-logistic-regression");
        // A goal whose prerequisites are all known is itself what to learn next.
        JsonNode goalReady = json(
                get(
                        "/api/next?known=python,linear-algebra-calculus,statistics-probability&goal=linear-logistic-regression"));
        assertThat(goalReady.get("next").findValuesAsText("id")).containsExactly("linear-logistic-regression");
        assertThat(json(get("/api/next?goal=python")).get("next").findValuesAsText("id"))
                .containsExactly("python");

        JsonNode unlocks = json(get("/api/unlocks/backpropagation"));
        assertThat(unlocks.get("dependents").findValuesAsText("id")).contains("transformer-architecture");
        assertThat(unlocks.get("careers").findValuesAsText("id")).contains("machine-learning-engineer");
    }

    @Test
    void wrongMethodsAndUnknownPathsAreProblems() throws Exception {
        assertProblem(post("/api/search"), 405, "POST");
        assertProblem(get("/api/nothing-here"), 404, "/api/nothing-here");
    }

    @Test
    void adminEndpointsNeedTheBearerToken() throws Exception {
        assertProblem(post("/api/admin/reindex"), 401, "Authorization");
        HttpResponse<String> wrong = post("/api/admin/reindex", "Authorization", "Bearer not-the-token");
        assertProblem(wrong, 401, "not valid");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();

        HttpResponse<String> ok = post("/api/admin/reindex", "Authorization", "Bearer " + TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("status").asText()).isEqualTo("reindexed");
    }

    @Test
    void anInvalidImportIs422ListingEveryProblemAndChangesNothing() throws Exception {
        String versionBefore =
                get("/ready").headers().firstValue("X-Graph-Version").orElse("");
        JsonNode readyBefore = json(get("/ready"));
        Path broken = seed.resolve("ml-engineer/zz-broken.yaml");
        Files.writeString(
                broken,
                """
                topics:
                  - id: broken-topic
                    name: Broken
                    summary: refers to nothing
                    stage: stage-1-core-ml
                    requires: [no-such-thing, python]
                  - id: python
                    name: Duplicate Python
                    summary: clashes
                    stage: stage-1-core-ml
                """);
        try {
            HttpResponse<String> response = post("/api/admin/import", "Authorization", "Bearer " + TOKEN);
            assertProblem(response, 422, "nothing was written");
            assertThat(json(response).get("problems").size()).isEqualTo(2);
            assertThat(response.body()).contains("no-such-thing", "duplicate id 'python'");
        } finally {
            Files.delete(broken);
        }
        assertThat(json(get("/ready")).get("importedVersion")).isEqualTo(readyBefore.get("importedVersion"));
        assertThat(json(get("/ready")).get("graphVersion")).isEqualTo(readyBefore.get("graphVersion"));
        assertThat(json(get("/api/nodes/python")).get("name").asText()).isEqualTo("Python Programming");
        assertThat(versionBefore).isNotNull();
    }

    @Test
    void aCasePackageWithACycleAndADanglingAssociationIsRefusedAndChangesNothing() throws Exception {
        JsonNode readyBefore = json(get("/ready"));
        String doc = "11111111-1111-4111-8111-111111111111";
        String stage = "22222222-2222-4222-8222-222222222222";
        String a = "33333333-3333-4333-8333-333333333333";
        String b = "44444444-4444-4444-8444-444444444444";
        String item = "{\"identifier\":\"%s\",\"fullStatement\":\"%s\",\"humanCodingScheme\":\"%s\"}";
        String link = "{\"identifier\":\"%s\",\"associationType\":\"%s\","
                + "\"originNodeURI\":{\"identifier\":\"%s\",\"title\":\"o\"},"
                + "\"destinationNodeURI\":{\"identifier\":\"%s\",\"title\":\"%s\"}}";
        Path broken = seed.resolve("zz-broken.case.json");
        Files.writeString(
                broken,
                "{\"CFDocument\":{\"identifier\":\"" + doc + "\",\"title\":\"Broken\"},\"CFItems\":["
                        + item.formatted(stage, "Stage", "CASE.S") + "," + item.formatted(a, "Alpha", "CASE.A") + ","
                        + item.formatted(b, "Beta", "CASE.B") + "],\"CFAssociations\":["
                        + link.formatted(java.util.UUID.randomUUID(), "isChildOf", stage, doc, "doc") + ","
                        + link.formatted(java.util.UUID.randomUUID(), "isChildOf", a, stage, "s") + ","
                        + link.formatted(java.util.UUID.randomUUID(), "isChildOf", b, stage, "s") + ","
                        + link.formatted(java.util.UUID.randomUUID(), "precedes", a, b, "b") + ","
                        + link.formatted(java.util.UUID.randomUUID(), "precedes", b, a, "a") + "]}");
        try {
            HttpResponse<String> response = post("/api/admin/import", "Authorization", "Bearer " + TOKEN);
            assertProblem(response, 422, "nothing was written");
            assertThat(response.body())
                    .contains("zz-broken.case.json", "CFItems[", "forms a cycle", "case-a", "case-b");

            Files.writeString(
                    broken,
                    "{\"CFDocument\":{\"identifier\":\"" + doc + "\",\"title\":\"Broken\"},\"CFItems\":["
                            + item.formatted(a, "Alpha", "CASE.A") + "],\"CFAssociations\":["
                            + link.formatted("55555555-5555-4555-8555-555555555555", "isChildOf", a, b, "Gone") + "]}");
            HttpResponse<String> dangling = post("/api/admin/import", "Authorization", "Bearer " + TOKEN);
            assertProblem(dangling, 422, "nothing was written");
            assertThat(dangling.body())
                    .contains("CFAssociations[0] '55555555-5555-4555-8555-555555555555'", "'Gone'", "not an item");
        } finally {
            Files.delete(broken);
        }
        assertThat(json(get("/ready")).get("importedVersion")).isEqualTo(readyBefore.get("importedVersion"));
        assertThat(json(get("/ready")).get("graphVersion")).isEqualTo(readyBefore.get("graphVersion"));
    }

    @Test
    void aValidImportRewritesTheSeedAndTheProjection() throws Exception {
        HttpResponse<String> response = post("/api/admin/import", "Authorization", "Bearer " + TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("nodes").asInt())
                .isEqualTo(new SeedLoader().load(Path.of("graph-seed")).nodes().size());
    }

    @Test
    void editsMadeDirectlyInNeo4jReachSearchAndPathsWithoutARestart() throws Exception {
        bolt.executableQuery(
                        """
                        MERGE (t:Entity:Topic {id: 'mixture-of-experts'})
                        SET t.name = 'Mixture of Experts', t.summary = 'Sparse expert layers', t.hours = 4
                        WITH t MATCH (p:Entity {id: 'transformer-architecture'})
                        MERGE (t)-[:REQUIRES {reason: 'experts replace transformer feed-forward layers'}]->(p)
                        """)
                .execute();
        try {
            JsonNode hit = null;
            // The change lands at the next 10 s check plus a build: up to 10 s after the edit, and the build's time.
            // Beside the other integration tests on two cores a build has taken over 5 s, and in a fresh clone's run
            // 30 s once did not suffice: allow up to 60 s (five checks).
            for (int i = 0; i < 300 && hit == null; i++) {
                JsonNode hits =
                        json(get("/api/search?q=" + q("mixture of experts"))).get("hits");
                if (hits.size() > 0 && hits.get(0).get("id").asText().equals("mixture-of-experts")) {
                    hit = hits.get(0);
                } else {
                    Thread.sleep(200);
                }
            }
            assertThat(hit)
                    .as("the new topic became searchable within five 10 s checks and a build")
                    .isNotNull();
            JsonNode plan = json(get("/api/learning-path/mixture-of-experts"));
            assertThat(plan.get("steps").findValuesAsText("id")).contains("transformer-architecture");
        } finally {
            bolt.executableQuery("MATCH (t:Entity {id: 'mixture-of-experts'}) DETACH DELETE t")
                    .execute();
        }
    }

    @Test
    void readyReportsTheServedAndImportedVersions() throws Exception {
        JsonNode ready = json(get("/ready"));
        assertThat(ready.get("status").asText()).isEqualTo("READY");
        assertThat(ready.get("graphVersion").asText()).isNotBlank();
        assertThat(ready.get("importedVersion").asText()).isNotBlank();
        assertThat(URI.create(app.apiUri().toString()).getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void theWebPageIsServedFromTheJarWithEveryAssetItNamesAndAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe"));
        List<String> assets = Pattern.compile("(?:src|href)=\"(/[^\"]*)\"")
                .matcher(page.body())
                .results()
                .map(match -> match.group(1))
                .toList();
        assertThat(assets).contains("/app.js", "/app.css").anyMatch(path -> path.contains("/webjars/dagre/"));
        assertThat(page.body()).doesNotContain("${");
        for (String asset : assets) {
            assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void aboutNamesTheGraphVersionAndTheNeo4jBrowserThatShowsThisGraph() throws Exception {
        HttpResponse<String> response = get("/api/about");
        JsonNode about = json(response);
        assertThat(about.get("graphVersion").asText())
                .isEqualTo(json(get("/ready")).get("graphVersion").asText());
        assertThat(about.get("neo4jBrowser").asText())
                .isEqualTo(app.browserUri().orElseThrow().toString())
                .contains("dbms=bolt://localhost:" + app.boltUri().getPort());
    }

    @Test
    void theOpenApiDocumentIsValidAndDescribesExactlyTheRoutesServed() throws Exception {
        HttpResponse<String> response = get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, options);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();

        assertThat(OpenApiDocument.operations(json(response))).containsExactlyInAnyOrderElementsOf(app.routes());
    }

    @Test
    void theDocumentedSchemasHaveExactlyTheFieldsTheApiSends() throws Exception {
        JsonNode schemas = json(get("/openapi.json")).get("components").get("schemas");
        Map<String, Class<?>> records = Map.ofEntries(
                Map.entry("SearchResult", dev.skillgraph.search.SearchResult.class),
                Map.entry("Hit", dev.skillgraph.search.SearchResult.Hit.class),
                Map.entry("Facets", dev.skillgraph.search.SearchResult.Facets.class),
                Map.entry("FacetCount", dev.skillgraph.search.SearchResult.FacetCount.class),
                Map.entry("StageRef", dev.skillgraph.domain.StageRef.class),
                Map.entry("Suggestion", dev.skillgraph.search.Suggestion.class),
                Map.entry("SuggestResponse", SuggestResponse.class),
                Map.entry("NodeRef", dev.skillgraph.domain.NodeRef.class),
                Map.entry("NodeDetails", dev.skillgraph.path.NodeDetails.class),
                Map.entry("Requirement", dev.skillgraph.path.NodeDetails.Requirement.class),
                Map.entry("Resource", dev.skillgraph.path.LearningPlan.Resource.class),
                Map.entry("LearningPlan", dev.skillgraph.path.LearningPlan.class),
                Map.entry("Step", dev.skillgraph.path.LearningPlan.Step.class),
                Map.entry("Why", dev.skillgraph.path.LearningPlan.Why.class),
                Map.entry("Milestone", dev.skillgraph.path.LearningPlan.Milestone.class),
                Map.entry("PrerequisiteChain", dev.skillgraph.path.PrerequisiteChain.class),
                Map.entry("Link", dev.skillgraph.path.PrerequisiteChain.Link.class),
                Map.entry("NextSteps", dev.skillgraph.path.NextSteps.class),
                Map.entry("Candidate", dev.skillgraph.path.NextSteps.Candidate.class),
                Map.entry("Unlocks", dev.skillgraph.path.Unlocks.class),
                Map.entry("Dependent", dev.skillgraph.path.Unlocks.Dependent.class),
                Map.entry("Assumed", dev.skillgraph.path.LearningPlan.Assumed.class),
                Map.entry("TopicUse", dev.skillgraph.path.TopicUse.class),
                Map.entry("Stage", dev.skillgraph.path.RoadmapOverview.Stage.class),
                Map.entry("Topic", dev.skillgraph.path.RoadmapOverview.Topic.class),
                Map.entry("Career", dev.skillgraph.path.RoadmapOverview.Career.class),
                Map.entry("AdminResponse", AdminResponse.class),
                Map.entry("HealthResponse", HealthResponse.class),
                Map.entry("AboutResponse", AboutResponse.class),
                Map.entry("Problem", Problem.class));
        records.forEach((schema, type) -> {
            List<String> documented = new ArrayList<>();
            schemas.get(schema).get("properties").fieldNames().forEachRemaining(documented::add);
            List<String> fields = Arrays.stream(type.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName)
                    .toList();
            assertThat(documented).as(schema).containsExactlyInAnyOrderElementsOf(fields);
        });
    }

    @Test
    void theDocsPageServesSwaggerUiFromTheServiceItself() throws Exception {
        HttpResponse<String> page = get("/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        Matcher assets = Pattern.compile("(?:src|href)=\"(/webjars/[^\"]+)\"").matcher(page.body());
        int found = 0;
        while (assets.find()) {
            assertThat(get(assets.group(1)).statusCode()).as(assets.group(1)).isEqualTo(200);
            found++;
        }
        assertThat(found).isEqualTo(3);
        assertThat(page.body()).contains("/openapi.json").doesNotContain("https://");
    }

    @Test
    void metricsExposeRequestsByRouteProjectionAndJvm() throws Exception {
        get("/api/nodes/python");
        get("/api/nodes/no-such-node");
        String metrics = get("/metrics").body();
        assertThat(metrics)
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/nodes/{id}\",status=\"200\"}")
                .contains("route=\"/api/nodes/{id}\",status=\"404\"")
                .contains("http_server_requests_seconds_bucket{")
                .contains("skillgraph_projection_nodes ")
                .contains("skillgraph_projection_build_seconds ")
                .contains("skillgraph_graph{version=\"")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void aRepeatedSearchIsAnsweredFromTheAnswerCache() throws Exception {
        long before = cacheHits();
        HttpResponse<String> first = get("/api/search?q=kubernetes%20pods&limit=3&kind=topic");
        HttpResponse<String> again = get("/api/search?kind=topic&q=kubernetes%20pods&limit=3");
        HttpResponse<String> completion = get("/api/suggest?q=kube");
        HttpResponse<String> completionAgain = get("/api/suggest?q=kube");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        // The ETag names the vectors too: an answer from before they were all added is not revalidated as current.
        Matcher vectors = Pattern.compile("(?m)^skillgraph_projection_vectors ([0-9.E]+)")
                .matcher(get("/metrics").body());
        assertThat(vectors.find()).isTrue();
        assertThat(first.headers().firstValue("ETag").orElseThrow())
                .endsWith("-" + (long) Double.parseDouble(vectors.group(1)) + "\"");
        assertThat(completionAgain.body()).isEqualTo(completion.body());
        assertThat(cacheHits()).isEqualTo(before + 2);

        // Another page, another filter: other answers, never the cached one.
        assertThat(get("/api/search?q=kubernetes%20pods&limit=3&kind=topic&offset=1")
                        .body())
                .isNotEqualTo(first.body());
        assertThat(get("/api/search?q=kubernetes%20pods&limit=3").body()).isNotEqualTo(first.body());
        // A refused request is not kept: it is refused again, with its problem.
        assertThat(get("/api/search?q=docker&limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?q=docker&limit=0").statusCode()).isEqualTo(400);
        assertThat(cacheHits()).isEqualTo(before + 2);
    }

    private static long cacheHits() throws Exception {
        Matcher hits = Pattern.compile("(?m)^cache_gets_total\\{cache=\"answers\",result=\"hit\"} ([0-9.E]+)")
                .matcher(get("/metrics").body());
        assertThat(hits.find()).as("the answer cache's hits in /metrics").isTrue();
        return (long) Double.parseDouble(hits.group(1));
    }

    @Test
    void largeBodiesAreGzippedAndCorsIsOffByDefault() throws Exception {
        HttpResponse<byte[]> stages = HTTP.send(
                HttpRequest.newBuilder(app.apiUri().resolve("/api/stages"))
                        .header("Accept-Encoding", "gzip")
                        .header("Origin", "https://evil.example")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stages.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(stages.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void oversizedRequestsAreProblemsToo() throws Exception {
        HttpResponse<String> longUri = get("/api/search?q=a&pad=" + "x".repeat(40_000));
        assertThat(longUri.statusCode()).isEqualTo(414);
        assertThat(longUri.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(longUri).get("status").asInt()).isEqualTo(414);

        HttpResponse<String> bigHeader = get("/health", "X-Padding", "y".repeat(40_000));
        assertThat(bigHeader.statusCode()).isEqualTo(431);
        assertThat(bigHeader.body()).contains("\"status\":431").doesNotContain("<html");
    }
}
