package dev.skillgraph.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stdio command as a misbehaving client drives it, line by line: a broken line gets a JSON-RPC error with its
 * id and the session goes on; closing stdin ends the process.
 */
class McpStdioIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void brokenLinesGetErrorsTheSessionGoesOnAndEndOfInputEndsTheProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-jar",
                        Path.of("target", "skillgraph.jar").toAbsolutePath().toString(),
                        "mcp")
                .redirectError(data.resolve("stderr.log").toFile());
        builder.environment().put("SKILLGRAPH_DATA_DIR", data.resolve("data").toString());
        builder.environment()
                .put(
                        "SKILLGRAPH_SEED_DIR",
                        Path.of("graph-seed").toAbsolutePath().toString());
        Process process = builder.start();
        try {
            OutputStream in = process.getOutputStream();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            send(
                    in,
                    """
                    {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                    "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""");
            assertThat(JSON.readTree(out.readLine())
                            .path("result")
                            .path("serverInfo")
                            .path("name")
                            .asText())
                    .isEqualTo("skillgraph");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            List<String> broken = List.of(
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":",
                    "{\"jsonrpc\":\"2.0\",\"id\":7}",
                    "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"arguments\":5}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":\"stray\",\"result\":{}}");
            Map<Integer, JsonNode> replies = new HashMap<>();
            List<JsonNode> unnamed = new ArrayList<>();
            for (String line : broken) {
                send(in, line);
                JsonNode reply = JSON.readTree(out.readLine());
                if (reply.path("id").isNull()) {
                    unnamed.add(reply);
                } else {
                    replies.put(reply.path("id").asInt(), reply);
                }
            }
            assertThat(unnamed)
                    .extracting(reply -> reply.path("error").path("code").asInt())
                    .containsExactly(-32700, -32600);
            assertThat(unnamed.get(1).path("error").path("message").asText())
                    .contains("a response to no request this session awaits");
            assertThat(replies.get(7).path("error").path("code").asInt()).isEqualTo(-32600);
            assertThat(replies.get(8).path("error").path("message").asText()).contains("'arguments' must be an object");

            send(
                    in,
                    """
                    {"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"get_node",\
                    "arguments":{"id":"backpropagation"}}}""");
            JsonNode answer = JSON.readTree(out.readLine());
            assertThat(answer.path("id").asInt()).isEqualTo(9);
            assertThat(answer.path("result")
                            .path("structuredContent")
                            .path("id")
                            .asText())
                    .isEqualTo("backpropagation");

            in.close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the process ends with its input")
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.readString(data.resolve("stderr.log"))).contains("Refused an MCP message");
    }

    private static void send(OutputStream in, String line) throws Exception {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
