package dev.skillgraph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.app.Application;
import dev.skillgraph.app.TestService;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and adversarial MCP tool arguments (wrong types, unknown names, huge and hostile text, ids that do not
 * exist) through one session: every call answers within the client's timeout, as a result or a tool error whose text
 * holds no stack trace, and the same session still answers a plain search afterwards.
 */
class McpFuzzIT {

    private static final List<String> TOOLS =
            List.of("search", "get_node", "learning_path", "next_topics", "unlocks", "shortest_chain", "export_plan");
    private static final List<String> NAMES = List.of(
            "query",
            "id",
            "goals",
            "known",
            "goal",
            "from",
            "to",
            "format",
            "hoursPerWeek",
            "start",
            "limit",
            "kind",
            "stage",
            "reachable",
            "nonsense");

    private static Application app;
    private static McpSyncClient client;

    @BeforeContainer
    static void start() throws Exception {
        app = TestService.start(Files.createTempDirectory("skillgraph-mcp-fuzz").resolve("data"));
        client = McpClient.sync(
                        HttpClientStreamableHttpTransport.builder(app.apiUri().toString())
                                .endpoint("/mcp")
                                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                                .build())
                .requestTimeout(Duration.ofSeconds(10))
                .build();
        client.initialize();
    }

    @AfterContainer
    static void stop() {
        client.closeGracefully();
        app.close();
    }

    @Provide
    Arbitrary<Object> value() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.of(
                        "python",
                        "fine-tuning-peft",
                        "ics",
                        "markdown",
                        "pdf",
                        "2026-02-30",
                        "9999-12-31",
                        "",
                        "') DETACH DELETE n //",
                        "a".repeat(3000),
                        "\u0000",
                        "🚀"),
                Arbitraries.integers().between(-5, 1000).map(Object.class::cast),
                Arbitraries.of(true, false, 1.5, Map.of("nested", "object")),
                Arbitraries.of("python", "ghost", "numpy", "")
                        .list()
                        .ofMaxSize(4)
                        .map(Object.class::cast));
    }

    @Provide
    Arbitrary<Map<String, Object>> arguments() {
        return Arbitraries.maps(Arbitraries.of(NAMES), value()).ofMaxSize(5).map(HashMap::new);
    }

    @Property(tries = 250)
    void anyArgumentsGiveAnAnswerOrAToolErrorAndTheSessionStaysUsable(
            @ForAll("arguments") Map<String, Object> arguments, @ForAll("tool") String tool) {
        try {
            CallToolResult result = client.callTool(
                    CallToolRequest.builder(tool).arguments(arguments).build());
            if (Boolean.TRUE.equals(result.isError())) {
                String text = ((TextContent) result.content().get(0)).text();
                assertThat(text).isNotBlank().doesNotContain("\tat ", "Exception:");
            }
        } catch (McpError e) {
            // A protocol-level refusal is an answer too, as long as it is not an internal error.
            assertThat(e.getJsonRpcError().code()).as(e.getMessage()).isNotEqualTo(-32603);
        }
        CallToolResult search = client.callTool(CallToolRequest.builder("search")
                .arguments(Map.of("query", "python", "limit", 1))
                .build());
        assertThat(search.isError()).isNotEqualTo(Boolean.TRUE);
    }

    @Provide
    Arbitrary<String> tool() {
        return Arbitraries.of(TOOLS);
    }
}
