package dev.skillgraph.api.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Refuses, with a JSON-RPC 2.0 error, the messages the MCP SDK cannot take: text that is not JSON, a batch (MCP
 * 2025-06-18 removed JSON-RPC batching), a message without {@code "jsonrpc": "2.0"}, one that is neither a request nor
 * a notification, a request whose id is null (the MCP specification: "the ID MUST NOT be null"), a response (this
 * server sends clients no requests, so none is awaited: the SDK answered an unknown one with a 500), and a request
 * whose {@code params} (or a tool call's or prompt's {@code arguments}) is not an object. The SDK 2.2.0 answers those with no reply at all over HTTP, and over stdio
 * stops reading altogether; checked here first, each gets an error naming what is wrong and the session goes on.
 */
public final class JsonRpcGuard {

    /** The largest message accepted, in bytes (the tools' arguments are a few ids and a query of 500 characters). */
    public static final int MAX_MESSAGE_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WITH_ARGUMENTS = Set.of("tools/call", "prompts/get");

    private JsonRpcGuard() {}

    /** The JSON-RPC error answering {@code message}, or empty when the SDK may have it. */
    public static Optional<String> refusal(String message) {
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            return Optional.of(error(null, -32700, "Parse error: the message is not JSON"));
        }
        if (node == null || node.isArray() && node.isEmpty()) {
            return Optional.of(error(null, -32600, "Invalid Request: empty message"));
        }
        if (node.isArray()) {
            return Optional.of(error(
                    null,
                    -32600,
                    "Invalid Request: batches are not supported (MCP 2025-06-18); send one message at a time"));
        }
        return refusal(node);
    }

    private static Optional<String> refusal(JsonNode node) {
        if (!node.isObject()) {
            return Optional.of(error(null, -32600, "Invalid Request: a message is a JSON object"));
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isTextual() && !id.isIntegralNumber()) {
            return Optional.of(error(null, -32600, "Invalid Request: 'id' must be a string or an integer"));
        }
        if (!"2.0".equals(node.path("jsonrpc").asText(null))) {
            return Optional.of(error(id, -32600, "Invalid Request: 'jsonrpc' must be \"2.0\""));
        }
        JsonNode method = node.get("method");
        if (method == null) {
            return Optional.of(
                    node.has("result") || node.has("error")
                            ? error(
                                    null,
                                    -32600,
                                    "Invalid Request: this server sends no requests, so it takes no responses")
                            : error(id, -32600, "Invalid Request: no 'method'"));
        }
        if (!method.isTextual()) {
            return Optional.of(error(id, -32600, "Invalid Request: 'method' must be a string"));
        }
        JsonNode params = node.get("params");
        if (params != null && !params.isObject()) {
            return Optional.of(error(id, -32602, "Invalid params: 'params' must be an object"));
        }
        if (WITH_ARGUMENTS.contains(method.asText())) {
            if (params == null || !params.path("name").isTextual()) {
                return Optional.of(error(id, -32602, "Invalid params: 'params.name' must be a string"));
            }
            JsonNode arguments = params.get("arguments");
            if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
                return Optional.of(error(id, -32602, "Invalid params: 'arguments' must be an object"));
            }
        }
        return Optional.empty();
    }

    private static String error(@Nullable JsonNode id, int code, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("jsonrpc", "2.0");
        error.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
        error.putObject("error").put("code", code).put("message", message);
        return error.toString();
    }
}
