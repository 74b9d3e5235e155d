package dev.skillgraph.api.mcp;

import dev.skillgraph.projection.ProjectionManager;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SkillGraph's MCP server on stdio: one JSON-RPC message a line. Each line is checked by {@link JsonRpcGuard} before
 * the SDK reads it, so a broken line gets an error reply and the session goes on; the SDK's replies and ours reach
 * stdout a whole line at a time.
 */
public final class McpStdio {

    private static final Logger LOG = LoggerFactory.getLogger(McpStdio.class);

    private McpStdio() {}

    /** Serves until {@code in} ends, then closes the server. */
    public static void serve(InputStream in, OutputStream out, ProjectionManager projections) throws IOException {
        LineOutput lines = new LineOutput(out);
        PipedOutputStream toSdk = new PipedOutputStream();
        PipedInputStream sdkIn = new PipedInputStream(toSdk, JsonRpcGuard.MAX_MESSAGE_BYTES);
        McpSyncServer server = SkillGraphMcp.serve(sdkIn, lines, projections);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                Optional<String> refusal = line.length() > JsonRpcGuard.MAX_MESSAGE_BYTES
                        ? Optional.of("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,"
                                + "\"message\":\"Invalid Request: a message is at most 1 MiB\"}}")
                        : JsonRpcGuard.refusal(line);
                if (refusal.isEmpty() && JsonRpcGuard.isResponse(line)) {
                    // The server on stdio sends no pings, so no response is awaited.
                    refusal = Optional.of(JsonRpcGuard.unexpectedResponse());
                }
                if (refusal.isPresent()) {
                    LOG.warn("Refused an MCP message on stdin: {}", refusal.get());
                    lines.writeLine(refusal.get());
                } else {
                    toSdk.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    toSdk.flush();
                }
            }
        } finally {
            toSdk.close();
            server.closeGracefully();
        }
    }

    /** An output that passes on whole lines only, so that two writers never interleave inside a message. */
    private static final class LineOutput extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            pending.write(b);
            if (b == '\n') {
                pending.writeTo(out);
                out.flush();
                pending.reset();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }

        synchronized void writeLine(String line) {
            try {
                write((line + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
