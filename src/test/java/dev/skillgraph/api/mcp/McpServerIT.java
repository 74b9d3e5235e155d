package dev.skillgraph.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.app.Application;
import dev.skillgraph.app.TestService;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agent's view, with the MCP SDK's own client over both transports: the tools answer exactly what the REST API
 * answers, errors are tool errors with the problem's text, resources and the prompt work, and a foreign Origin is
 * refused.
 */
class McpServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Application app;
    private static McpSyncClient http;
    private static McpSyncClient stdio;

    @BeforeAll
    static void start() throws IOException {
        Path work = Files.createTempDirectory("skillgraph-mcp-it");
        app = TestService.start(work.resolve("data"));
        http = McpClient.sync(
                        HttpClientStreamableHttpTransport.builder(app.apiUri().toString())
                                .endpoint("/mcp")
                                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                                .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        http.initialize();
        // The stdio command of docs/mcp.md, as a desktop assistant launches it: its own embedded store, the same seed.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        stdio = McpClient.sync(new StdioClientTransport(
                        ServerParameters.builder(java)
                                .args(
                                        "-jar",
                                        Path.of("target", "skillgraph.jar")
                                                .toAbsolutePath()
                                                .toString(),
                                        "mcp")
                                .addEnvVar(
                                        "SKILLGRAPH_DATA_DIR",
                                        work.resolve("stdio-data").toString())
                                .addEnvVar(
                                        "SKILLGRAPH_SEED_DIR",
                                        Path.of("graph-seed").toAbsolutePath().toString())
                                .build(),
                        new JacksonMcpJsonMapper(new ObjectMapper())))
                .requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(120))
                .build();
        stdio.initialize();
    }

    @AfterAll
    static void stop() {
        if (stdio != null) {
            stdio.closeGracefully();
        }
        if (http != null) {
            http.closeGracefully();
        }
        app.close();
    }

    private static JsonNode rest(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(app.apiUri().resolve(pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(
                CallToolRequest.builder(tool).arguments(arguments).build());
    }

    private static JsonNode structured(CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isNotEqualTo(Boolean.TRUE);
        return JSON.valueToTree(result.structuredContent());
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    @Test
    void bothTransportsListTheSevenReadOnlyToolsWithSchemasAndDescriptions() {
        for (McpSyncClient client : List.of(http, stdio)) {
            var tools = client.listTools().tools();
            assertThat(tools)
                    .extracting(t -> t.name())
                    .containsExactlyInAnyOrder(
                            "search",
                            "get_node",
                            "learning_path",
                            "next_topics",
                            "unlocks",
                            "shortest_chain",
                            "export_plan");
            assertThat(tools).allSatisfy(tool -> {
                assertThat(tool.description()).hasSizeGreaterThan(60);
                assertThat(tool.inputSchema()).isNotNull();
            });
        }
    }

    @Test
    void anAgentFindsTransformersPlansLoraWithWhatItKnowsAndAsksWhatIsNext() throws Exception {
        for (McpSyncClient client : List.of(http, stdio)) {
            CallToolResult found = call(client, "search", Map.of("query", "transfomer"));
            assertThat(structured(found)).isEqualTo(rest("/api/search?q=transfomer"));
            assertThat(text(found)).contains("The Transformer Architecture");
            // A learning-path question typed as search: the text names the tool that answers it.
            CallToolResult asked = call(client, "search", Map.of("query", "what must I learn before transformers"));
            assertThat(text(asked)).contains("call learning_path with that id", "transformer-architecture");
            CallToolResult goals = call(client, "search", Map.of("query", "prerequisites for transformers and rag"));
            assertThat(text(goals))
                    .contains("call learning_path with goals transformer-architecture,retrieval-augmented-generation");
            CallToolResult knowing =
                    call(client, "search", Map.of("query", "I know SQL, what next?", "known", List.of("python")));
            assertThat(text(knowing)).contains("call next_topics with known python,sql-data-manipulation");
            assertThat(text(call(client, "search", Map.of("query", "what next?", "known", List.of("python")))))
                    .contains("This asks what can be learned next: call next_topics with known python");
            assertThat(text(call(client, "search", Map.of("query", "what next?"))))
                    .contains("call next_topics with known set to the ids of what the learner knows");
            CallToolResult way = call(client, "search", Map.of("query", "how do I get from python to transformers"));
            assertThat(text(way)).contains("call learning_path with that id and known python");

            CallToolResult plan = call(
                    client,
                    "learning_path",
                    Map.of("id", "fine-tuning-peft", "known", List.of("python", "numpy"), "hoursPerWeek", 10));
            assertThat(structured(plan))
                    .isEqualTo(rest("/api/learning-path/fine-tuning-peft?known=python,numpy&hoursPerWeek=10"));
            assertThat(text(plan)).startsWith("# Learning plan: Fine-tuning");

            CallToolResult next =
                    call(client, "next_topics", Map.of("known", List.of("python"), "goal", "fine-tuning-peft"));
            assertThat(structured(next)).isEqualTo(rest("/api/next?known=python&goal=fine-tuning-peft"));
        }
    }

    @Test
    void everyToolAnswersWhatTheRestApiAnswers() throws Exception {
        Map<String, Map<String, Object>> calls = Map.of(
                "get_node", Map.of("id", "pandas"),
                "unlocks", Map.of("id", "docker"),
                "shortest_chain", Map.of("from", "backpropagation", "to", "fine-tuning-peft"),
                "learning_path",
                        Map.of("goals", List.of("fine-tuning-peft", "model-serving"), "known", List.of("python")));
        Map<String, String> restOf = Map.of(
                "get_node", "/api/nodes/pandas",
                "unlocks", "/api/unlocks/docker",
                "shortest_chain", "/api/learning-path?from=backpropagation&to=fine-tuning-peft",
                "learning_path", "/api/learning-path?goals=fine-tuning-peft,model-serving&known=python");
        for (var entry : calls.entrySet()) {
            assertThat(structured(call(http, entry.getKey(), entry.getValue())))
                    .as(entry.getKey())
                    .isEqualTo(rest(restOf.get(entry.getKey())));
        }
        CallToolResult markdown = call(
                http, "export_plan", Map.of("id", "model-serving", "format", "markdown", "known", List.of("python")));
        String body = HTTP.send(
                        HttpRequest.newBuilder(app.apiUri()
                                        .resolve("/api/learning-path/model-serving?format=markdown&known=python"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(text(markdown)).isEqualTo(body);
        assertThat(structured(markdown).get("fileName").asText()).isEqualTo("plan-model-serving.md");
    }

    @Test
    void errorsAreToolErrorsWithTheProblemsTextNeverAStackTrace() throws Exception {
        CallToolResult unknown = call(http, "get_node", Map.of("id", "pandsa"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown))
                .isEqualTo(rest("/api/nodes/pandsa").get("detail").asText());

        CallToolResult badKnown = call(http, "learning_path", Map.of("id", "python", "known", List.of("ghost")));
        assertThat(badKnown.isError()).isTrue();
        assertThat(text(badKnown))
                .isEqualTo(rest("/api/learning-path/python?known=ghost")
                        .get("detail")
                        .asText());

        CallToolResult both = call(http, "learning_path", Map.of("id", "python", "goals", List.of("numpy")));
        assertThat(both.isError()).isTrue();
        assertThat(text(both)).contains("not both");

        CallToolResult neither = call(http, "learning_path", Map.of("known", List.of("python")));
        assertThat(text(neither)).isEqualTo("give 'id' (one goal) or 'goals' (several goals for one plan)");

        CallToolResult calendar = call(http, "export_plan", Map.of("id", "python", "format", "ics"));
        assertThat(text(calendar)).contains("hoursPerWeek");

        CallToolResult badType = call(http, "search", Map.of("query", 42));
        assertThat(badType.isError()).isTrue();
        assertThat(text(badType)).doesNotContain("\tat ", "Exception");
    }

    @Test
    void theRoadmapIsAResourceAndThePromptPlansWithTheTools() throws Exception {
        assertThat(http.listResources().resources())
                .extracting(r -> r.uri())
                .contains(McpResources.ROADMAPS, McpResources.ROADMAP, McpResources.CAREERS);
        var roadmap = http.readResource(
                ReadResourceRequest.builder(McpResources.ROADMAP).build());
        assertThat(JSON.readTree(((TextResourceContents) roadmap.contents().get(0)).text()))
                .isEqualTo(rest("/api/stages"));
        var roadmaps = http.readResource(
                ReadResourceRequest.builder(McpResources.ROADMAPS).build());
        assertThat(JSON.readTree(((TextResourceContents) roadmaps.contents().get(0)).text()))
                .isEqualTo(rest("/api/roadmaps"));
        var dataScience =
                http.readResource(ReadResourceRequest.builder(McpResources.ROADMAPS + "/data-scientist-roadmap")
                        .build());
        assertThat(JSON.readTree(((TextResourceContents) dataScience.contents().get(0)).text()))
                .isEqualTo(rest("/api/roadmaps/data-scientist-roadmap"));
        var node = http.readResource(ReadResourceRequest.builder(McpResources.NODE + "backpropagation")
                .build());
        assertThat(JSON.readTree(((TextResourceContents) node.contents().get(0)).text()))
                .isEqualTo(rest("/api/nodes/backpropagation"));

        var prompt = http.getPrompt(GetPromptRequest.builder("plan-my-learning")
                .arguments(Map.of("goal", "LoRA fine-tuning", "known", "python"))
                .build());
        String text = ((TextContent) prompt.messages().get(0).content()).text();
        assertThat(text).contains("LoRA fine-tuning", "python", "learning_path", "search", "next_topics");
    }

    @Test
    void aForeignOriginBrokenJsonAndOtherMethodsAreRefusedWithClearAnswers() throws Exception {
        String initialize =
                """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
                 "capabilities":{},"clientInfo":{"name":"probe","version":"1"}}}""";
        HttpResponse<String> foreign = post(initialize, "http://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain("\tat ", "StackTrace");

        HttpResponse<String> broken = post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":", null);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(broken.body()).path("error").path("code").asInt())
                .isEqualTo(-32700);
        HttpResponse<String> trace = HTTP.send(
                HttpRequest.newBuilder(URI.create(app.apiUri() + "/mcp"))
                        .method("TRACE", HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", "Bearer secret")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(trace.body()).doesNotContain("secret");

        HttpResponse<String> local = post(initialize, "http://localhost:5173");
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(post(initialize, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionOutlivesTheKeepAlivePingsAndAStrayResponseIsTheClientsMistake() throws Exception {
        // A session of its own, busy past the server's first keep-alive ping (every 30 s), which the SDK's client
        // answers with a response: refused, that answer ended the session under the call in flight.
        try (McpSyncClient busy = McpClient.sync(
                        HttpClientStreamableHttpTransport.builder(app.apiUri().toString())
                                .endpoint("/mcp")
                                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                                .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build()) {
            busy.initialize();
            long until = System.nanoTime() + Duration.ofSeconds(35).toNanos();
            int calls = 0;
            while (System.nanoTime() < until) {
                CallToolResult result = call(busy, "learning_path", Map.of("id", "docker"));
                assertThat(result.isError()).as("call %d", calls).isFalse();
                calls++;
            }
            CallToolResult after = call(busy, "search", Map.of("query", "docker"));
            assertThat(structured(after).path("hits").get(0).path("id").asText())
                    .isEqualTo("docker");
        }

        HttpResponse<String> opened = post(
                """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
                 "capabilities":{},"clientInfo":{"name":"probe","version":"1"}}}""",
                null);
        String session = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> stray = HTTP.send(
                HttpRequest.newBuilder(URI.create(app.apiUri() + "/mcp"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .header("Mcp-Session-Id", session)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":\"nobody-asked\",\"result\":{}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stray.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(stray.body()).path("error").path("message").asText())
                .contains("a response to no request this session awaits");
        assertThat(stray.body()).doesNotContain("Exception", "\tat ");
    }

    private static HttpResponse<String> post(String body, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.apiUri() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
