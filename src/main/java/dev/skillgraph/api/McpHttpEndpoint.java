package dev.skillgraph.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.api.mcp.JsonRpcGuard;
import dev.skillgraph.api.mcp.SkillGraphMcp;
import dev.skillgraph.projection.ProjectionManager;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The MCP server on the API's port: the SDK's Streamable HTTP servlet at {@code /mcp}, behind a filter that gives it
 * what {@code /api} has — the same client address rule, rate limit, CORS origins, request id, access log and metrics
 * (Javalin's own before-handlers and plugins do not run for a servlet of its own).
 */
final class McpHttpEndpoint implements AutoCloseable {

    /** Origins of pages on this machine: a browser there may call the service it started itself. */
    static final List<String> LOOPBACK_ORIGINS = List.of(
            "http://localhost:*",
            "http://127.0.0.1:*",
            "http://[::1]:*",
            "https://localhost:*",
            "https://127.0.0.1:*",
            "https://[::1]:*");

    private static final List<String> METHODS = List.of("GET", "POST", "DELETE", "OPTIONS");

    private static final String ALLOWED_HEADERS =
            "Content-Type, Accept, Authorization, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID";

    private final HttpServletStreamableServerTransportProvider transport;
    private final McpSyncServer server;
    private final Gate gate;

    /**
     * @param corsOrigins the origins allowed to call the API from a browser ({@code SKILLGRAPH_CORS_ORIGINS}); pages
     *     from them and from this machine may use {@code /mcp}, any other {@code Origin} is refused with 403
     * @param gate the filter that runs before the servlet
     */
    McpHttpEndpoint(ProjectionManager projections, List<String> corsOrigins, Gate gate) {
        List<String> origins = new ArrayList<>(LOOPBACK_ORIGINS);
        origins.addAll(corsOrigins);
        this.transport = SkillGraphMcp.httpTransport(origins);
        this.server = SkillGraphMcp.serve(transport, projections);
        this.gate = gate;
    }

    /** Mounts the servlet and its filter at {@code /mcp} on the context Javalin serves from. */
    void mount(ServletContextHandler context) {
        ServletHolder servlet = new ServletHolder("mcp", transport);
        servlet.setAsyncSupported(true); // the transport answers with server-sent events
        context.addServlet(servlet, SkillGraphMcp.PATH);
        FilterHolder filter = new FilterHolder(gate);
        filter.setAsyncSupported(true);
        context.addFilter(filter, SkillGraphMcp.PATH, EnumSet.of(DispatcherType.REQUEST));
    }

    /** Ends every MCP session; to be called before the HTTP server stops. */
    @Override
    public void close() {
        server.closeGracefully();
    }

    /** The filter in front of {@code /mcp}. */
    static final class Gate implements Filter {

        private final ClientAddress clients;
        private final Optional<RateLimiter> limiter;
        private final List<String> corsOrigins;
        private final ObjectMapper mapper;
        private final Consumer<Exchange> log;

        /** One request through the gate, for the access log and metrics. */
        record Exchange(String method, int status, double millis, String requestId, String client) {}

        Gate(
                ClientAddress clients,
                Optional<RateLimiter> limiter,
                List<String> corsOrigins,
                ObjectMapper mapper,
                Consumer<Exchange> log) {
            this.clients = clients;
            this.limiter = limiter;
            this.corsOrigins = corsOrigins;
            this.mapper = mapper;
            this.log = log;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            long started = System.nanoTime();
            String client = clients.of(request);
            String id = HttpApi.requestId(request.getHeader(HttpApi.REQUEST_ID_HEADER));
            response.setHeader(HttpApi.REQUEST_ID_HEADER, id);
            response.setHeader("X-Content-Type-Options", "nosniff");
            try {
                String origin = request.getHeader("Origin");
                if (origin != null && (corsOrigins.contains(origin) || corsOrigins.contains("*"))) {
                    response.setHeader("Access-Control-Allow-Origin", origin);
                    response.setHeader("Vary", "Origin");
                    response.setHeader("Access-Control-Expose-Headers", "Mcp-Session-Id, X-Request-Id");
                    if (request.getMethod().equals("OPTIONS")) {
                        response.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
                        response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                        response.setStatus(204);
                        return;
                    }
                }
                if (limiter.isPresent() && !limiter.get().tryAcquire(client)) {
                    response.setHeader("Retry-After", "1");
                    refuse(
                            response,
                            Problem.of(
                                    429,
                                    "Too Many Requests",
                                    "more than the configured SKILLGRAPH_RATE_LIMIT requests per second from this client"));
                    return;
                }
                if (!METHODS.contains(request.getMethod())) {
                    response.setHeader("Allow", String.join(", ", METHODS));
                    refuse(
                            response,
                            Problem.of(
                                    405,
                                    "Method Not Allowed",
                                    request.getMethod() + " is not allowed on " + SkillGraphMcp.PATH));
                    return;
                }
                if (request.getMethod().equals("POST")) {
                    byte[] body = request.getInputStream().readNBytes(JsonRpcGuard.MAX_MESSAGE_BYTES + 1);
                    if (body.length > JsonRpcGuard.MAX_MESSAGE_BYTES) {
                        refuse(response, Problem.of(413, "Content Too Large", "an MCP message is at most 1 MiB"));
                        return;
                    }
                    Optional<String> refusal = JsonRpcGuard.refusal(new String(body, StandardCharsets.UTF_8));
                    if (refusal.isPresent()) {
                        response.setStatus(400);
                        response.setContentType("application/json");
                        response.getOutputStream().write(refusal.get().getBytes(StandardCharsets.UTF_8));
                        return;
                    }
                    req = new ServletBodies.ReadAgain(request, body);
                    if (JsonRpcGuard.isResponse(new String(body, StandardCharsets.UTF_8))) {
                        answerResponse(req, response, chain);
                        return;
                    }
                }
                chain.doFilter(req, res);
            } finally {
                log.accept(new Exchange(
                        request.getMethod(), response.getStatus(), (System.nanoTime() - started) / 1e6, id, client));
            }
        }

        /**
         * Passes a client's response (the answer to a keep-alive ping the server sent every 30 s) to the SDK, which
         * takes one it awaits with 202; one it does not await it answers with a 500 naming a Java error, so that
         * answer is replaced with a JSON-RPC error saying what is wrong: the client's mistake, not the server's.
         */
        private void answerResponse(ServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            ServletBodies.Buffered buffered = new ServletBodies.Buffered(response);
            chain.doFilter(request, buffered);
            if (buffered.getStatus() >= 500) {
                response.setStatus(400);
                response.setContentType("application/json");
                response.getOutputStream()
                        .write(JsonRpcGuard.unexpectedResponse().getBytes(StandardCharsets.UTF_8));
                return;
            }
            response.setStatus(buffered.getStatus());
            response.getOutputStream().write(buffered.body());
        }

        private void refuse(HttpServletResponse response, Problem problem) throws IOException {
            response.setStatus(problem.status());
            response.setContentType(Problem.CONTENT_TYPE);
            mapper.writeValue(response.getOutputStream(), problem);
        }
    }
}
