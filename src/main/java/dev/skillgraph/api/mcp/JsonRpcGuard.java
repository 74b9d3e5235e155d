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
 * a notification, a request whose id is null (the MCP specification: "the ID MUST NOT be null"), a response without
 * an id or with both or neither of {@code result} and {@code error} (a well-formed one passes: it answers the keep-alive
 * ping the server sends every 30 s; one to no ping gets {@link #unexpectedResponse}), and a request
 * whose {@code params} (or a tool call's or prompt's {@code arguments}) is not an object. The SDK 2.2.0 answers those with no reply at all over HTTP, and over stdio
 * stops reading altogether; checked here first, each gets an error naming what is wrong and the session goes on.
 */
public final class JsonRpcGuard {

    /** The largest message accepted, in bytes (the tools' arguments are a few ids and a query of 500 characters). */
    public static final int MAX_MESSAGE_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WITH_ARGUMENTS = Set.of("tools/call", "prompts/get");

    private JsonRpcGuard() {}

    /** True when {@code message} (one the guard let pass) is a response to a request of the server. */
    public static boolean isResponse(String message) {
        try {
            JsonNode node = JSON.readTree(message);
            return node != null && node.isObject() && !node.has("method");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The error for a response to no request this server awaits. */
    public static String unexpectedResponse() {
        return error(
                null,
                -32600,
                "Invalid Request: a response to no request this session awaits (the server sends only keep-alive"
                        + " pings, and awaits each answer for 10 s)");
    }

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
        if (id != null && id.isIntegralNumber() && !id.canConvertToLong()) {
            return Optional.of(error(null, -32600, "Invalid Request: an integer 'id' must fit in 64 bits"));
        }
        if (!"2.0".equals(node.path("jsonrpc").asText(null))) {
            return Optional.of(error(id, -32600, "Invalid Request: 'jsonrpc' must be \"2.0\""));
        }
        JsonNode method = node.get("method");
        if (method == null) {
            if (!node.has("result") && !node.has("error")) {
                return Optional.of(error(id, -32600, "Invalid Request: no 'method'"));
            }
            // A response: the answer to a keep-alive ping the server sent on the session's event stream.
            if (id == null || id.isNull()) {
                return Optional.of(error(null, -32600, "Invalid Request: a response needs the 'id' it answers"));
            }
            if (node.has("result") == node.has("error")) {
                return Optional.of(error(null, -32600, "Invalid Request: a response has either 'result' or 'error'"));
            }
            if (!node.path(node.has("result") ? "result" : "error").isObject()) {
                return Optional.of(
                        error(null, -32600, "Invalid Request: a response's 'result' or 'error' must be an object"));
            }
            return Optional.empty();
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
