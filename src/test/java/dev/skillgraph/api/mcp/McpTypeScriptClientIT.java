package dev.skillgraph.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.app.Application;
import dev.skillgraph.app.TestService;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client nobody on the project wrote: the reference TypeScript MCP SDK from npm ({@code src/test/mcp}, installed
 * by {@code .ci/run}) lists the tools and calls each over Streamable HTTP and over stdio; every answer must equal the
 * REST API's. Skips, saying why, where Node.js or the package is missing.
 */
class McpTypeScriptClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CLIENT = Path.of("src", "test", "mcp");

    /** Each tool with arguments, and the REST request that must give the same answer. */
    private static final List<Map<String, Object>> CALLS = List.of(
            call("search", Map.of("query", "transfomer"), "/api/search?q=transfomer"),
            call("get_node", Map.of("id", "fine-tuning-peft"), "/api/nodes/fine-tuning-peft"),
            call(
                    "learning_path",
                    Map.of("id", "fine-tuning-peft", "known", List.of("python", "linear-algebra-calculus")),
                    "/api/learning-path/fine-tuning-peft?known=python,linear-algebra-calculus"),
            call(
                    "next_topics",
                    Map.of("known", List.of("python"), "goal", "fine-tuning-peft"),
                    "/api/next?known=python&goal=fine-tuning-peft"),
            call("unlocks", Map.of("id", "pandas"), "/api/unlocks/pandas"),
            call(
                    "shortest_chain",
                    Map.of("from", "backpropagation", "to", "fine-tuning-peft"),
                    "/api/learning-path?from=backpropagation&to=fine-tuning-peft"),
            call(
                    "export_plan",
                    Map.of("id", "model-serving", "format", "mermaid"),
                    "/api/learning-path/model-serving?format=mermaid"));

    private static Application app;

    private static Map<String, Object> call(String name, Map<String, Object> arguments, String rest) {
        return Map.of("name", name, "arguments", arguments, "rest", rest);
    }

    @BeforeAll
    static void start() throws Exception {
        app = TestService.start(Files.createTempDirectory("skillgraph-mcp-ts").resolve("data"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theReferenceTypeScriptClientGetsTheRestAnswersOverStreamableHttp() throws Exception {
        check(run("http", app.apiUri() + "/mcp"));
    }

    @Test
    void theReferenceTypeScriptClientGetsTheRestAnswersOverStdio() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        check(run(
                "stdio",
                java,
                Path.of("target", "skillgraph.jar").toAbsolutePath().toString()));
    }

    private static void check(JsonNode out) throws Exception {
        assertThat(out.get("server").get("name").asText()).isEqualTo("skillgraph");
        List<String> tools = new ArrayList<>();
        out.get("tools").forEach(t -> tools.add(t.asText()));
        assertThat(tools)
                .containsExactlyInAnyOrderElementsOf(
                        CALLS.stream().map(c -> (String) c.get("name")).toList());
        assertThat(out.get("resources").toString()).contains(McpResources.ROADMAP);
        assertThat(out.get("prompts").toString()).contains("plan-my-learning");
        for (int i = 0; i < CALLS.size(); i++) {
            JsonNode result = out.get("results").get(i);
            String rest = (String) CALLS.get(i).get("rest");
            String name = result.get("name").asText();
            assertThat(result.get("isError").asBoolean())
                    .as(name + ": " + result.get("text"))
                    .isFalse();
            String body = get(rest);
            if (name.equals("export_plan")) {
                assertThat(result.get("text").asText()).as(name).isEqualTo(body);
            } else {
                assertThat(result.get("structuredContent")).as(name).isEqualTo(JSON.readTree(body));
            }
        }
    }

    private static JsonNode run(String... args) throws Exception {
        assumeThat(Files.isDirectory(CLIENT.resolve("node_modules/@modelcontextprotocol/sdk")))
                .as("the TypeScript MCP SDK is installed (npm install in src/test/mcp, which .ci/run does)")
                .isTrue();
        List<String> command = new ArrayList<>(List.of("node", "client.mjs"));
        command.addAll(List.of(args));
        command.add(JSON.writeValueAsString(CALLS.stream()
                .map(c -> Map.of("name", c.get("name"), "arguments", c.get("arguments")))
                .toList()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT.toFile());
        Path data = Files.createTempDirectory("skillgraph-mcp-ts-stdio");
        builder.environment().put("SKILLGRAPH_DATA_DIR", data.toString());
        builder.environment()
                .put(
                        "SKILLGRAPH_SEED_DIR",
                        Path.of("graph-seed").toAbsolutePath().toString());
        Process process;
        try {
            process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (java.io.IOException e) {
            assumeThat(false).as("Node.js is installed: " + e.getMessage()).isTrue();
            throw e;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return JSON.readTree(out);
    }

    private static String get(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(app.apiUri().resolve(pathAndQuery))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
