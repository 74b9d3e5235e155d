package dev.skillgraph.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Messages the SDK would not answer get a JSON-RPC error naming what is wrong, with the request's id. */
class JsonRpcGuardTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":|null|-32700",
                "[]|null|-32600",
                "42|null|-32600",
                "{\"jsonrpc\":\"2.0\",\"id\":7}|7|-32600",
                "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}|null|-32600",
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":5}|8|-32600",
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\",\"params\":\"x\"}|9|-32602",
                "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"arguments\":5}}|\"a\"|-32602",
                "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"prompts/get\",\"params\":{}}|10|-32602",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"tools/list\"}|null|-32600",
                "{\"id\":3,\"method\":\"tools/list\"}|3|-32600",
                "{\"jsonrpc\":\"1.0\",\"id\":4,\"method\":\"tools/list\"}|4|-32600",
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}]|null|-32600",
                "{\"jsonrpc\":\"2.0\",\"result\":{}}|null|-32600",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":null}|null|-32600",
                "{\"jsonrpc\":\"2.0\",\"id\":9223372036854775808,\"method\":\"tools/list\"}|null|-32600",
                "{\"jsonrpc\":\"2.0\",\"result\":{},\"error\":{},\"id\":99}|null|-32600",
            })
    void brokenMessagesGetAnErrorWithTheirId(String message, String id, int code) {
        assertThat(JsonRpcGuard.refusal(message)).hasValueSatisfying(error -> assertThat(error)
                .startsWith("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":" + code + ","));
    }

    @Test
    void wellFormedRequestsAndNotificationsPass() {
        assertThat(JsonRpcGuard.refusal("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"search\",\"arguments\":{\"query\":\"x\"}}}"))
                .isEmpty();
        assertThat(JsonRpcGuard.refusal("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                .isEmpty();
        // The answer to the server's keep-alive ping.
        String pong = "{\"jsonrpc\":\"2.0\",\"id\":\"5f2c-0\",\"result\":{}}";
        assertThat(JsonRpcGuard.refusal(pong)).isEmpty();
        assertThat(JsonRpcGuard.isResponse(pong)).isTrue();
    }
}
