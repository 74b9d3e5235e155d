package dev.skillgraph.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Errors Jetty answers before Javalin sees the request (a URI or headers too long, a malformed request) come out as
 * problem+json like every other error, never as an HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        String title = HttpStatus.getMessage(code);
        String detail =
                switch (code) {
                    case 414 -> "the request URI is too long; query parameters are limited (q to 500 characters)";
                    case 431 -> "the request headers are too large";
                    case 413 -> "the request body is too large";
                        // Jetty refuses a request it cannot read safely before any route sees it. It gives a reason
                        // for a bad header ("Illegal character"), none for a bad path.
                    case 400 -> "the request could not be read: "
                            + reason(cause != null ? cause.getMessage() : message, title)
                                    .orElse("its path may hold a character a path may not (such as %00) or an"
                                            + " escape that is not %XX in hex");
                    default -> "the request could not be processed: " + title;
                };
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + code + ",\"detail\":\""
                + detail + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /**
     * Jetty's reason ("Illegal character ..."), kept to letters, digits and plain punctuation (it may quote the bad
     * character) and 120 characters; empty when it only repeats the status.
     */
    private static Optional<String> reason(@Nullable String message, String title) {
        String plain =
                message == null ? "" : message.replaceFirst("^\\d{3}: ", "").strip();
        if (plain.isEmpty() || plain.equals(title)) {
            return Optional.empty();
        }
        plain = plain.replaceAll("[^A-Za-z0-9 .,:;=()_-]", "?");
        return Optional.of(plain.length() > 120 ? plain.substring(0, 120) : plain);
    }
}
