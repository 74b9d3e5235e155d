package dev.skillgraph.api.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.skillgraph.domain.Hours;
import dev.skillgraph.projection.ProjectionManager;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SkillGraph as a Model Context Protocol server (the official MCP Java SDK): the read-only tools of {@link McpTools},
 * the roadmap as resources and a planning prompt ({@link McpResources}), over Streamable HTTP at {@code /mcp} or over
 * stdio.
 */
public final class SkillGraphMcp {

    /** Where the Streamable HTTP endpoint is mounted on the API's port. */
    public static final String PATH = "/mcp";

    static final String INSTRUCTIONS =
            """
            SkillGraph answers learning questions on a graph of learning roadmaps (the resource \
            skillgraph://roadmaps lists those loaded, such as Machine Learning Engineer or Data Scientist): \
            'where is the thing I'm looking for?' and 'what must I learn before X?'. Call search first to turn the \
            learner's words into node ids; then learning_path (what to learn before a goal, in order), next_topics \
            (what can be learned now), unlocks (what a node opens up), shortest_chain (why B needs A), get_node \
            (details and resources) or export_plan (a checklist, diagram or calendar). Pass what the learner already \
            knows as 'known' ids: what those require counts as known too.""";

    /** Keeps a Java stack trace out of every error body the SDK writes itself (e.g. a 400 for a bad request). */
    @JsonIgnoreProperties({"stackTrace", "cause", "suppressed", "localizedMessage"})
    private abstract static class NoStackTrace {}

    private SkillGraphMcp() {}

    /**
     * The Streamable HTTP transport, to be mounted as a servlet at {@link #PATH}. Requests whose {@code Origin} is
     * not one of {@code allowedOrigins} are refused with 403, as the MCP specification asks against DNS rebinding; a
     * request without {@code Origin} (not from a browser) is served.
     *
     * @param allowedOrigins exact origins or {@code scheme://host:*} patterns
     */
    public static HttpServletStreamableServerTransportProvider httpTransport(List<String> allowedOrigins) {
        return HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(jsonMapper())
                .mcpEndpoint(PATH)
                .keepAliveInterval(Duration.ofSeconds(30))
                .httpHeaderValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedOrigins(new ArrayList<>(allowedOrigins))
                        .build())
                .build();
    }

    /** Starts the server on the Streamable HTTP transport; close it before the HTTP server stops. */
    public static McpSyncServer serve(
            HttpServletStreamableServerTransportProvider transport, ProjectionManager projections) {
        return configure(McpServer.sync(transport), projections);
    }

    /** Starts the server on stdio: JSON-RPC messages on {@code in} and {@code out}, one per line. */
    public static McpSyncServer serve(InputStream in, OutputStream out, ProjectionManager projections) {
        return configure(McpServer.sync(new StdioServerTransportProvider(jsonMapper(), in, out)), projections);
    }

    private static McpSyncServer configure(McpServer.SyncSpecification<?> spec, ProjectionManager projections) {
        McpJsonMapper jsonMapper = jsonMapper();
        ObjectMapper answers = new ObjectMapper()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .registerModule(Hours.jacksonModule());
        McpResources resources = new McpResources(projections, answers);
        return spec.serverInfo("skillgraph", version())
                .instructions(INSTRUCTIONS)
                .capabilities(ServerCapabilities.builder()
                        .tools(false)
                        .resources(false, false)
                        .prompts(false)
                        .build())
                .jsonMapper(jsonMapper)
                .tools(new McpTools(projections, answers, jsonMapper).all())
                .resources(resources.resources())
                .resourceTemplates(resources.templates())
                .prompts(resources.prompts())
                .build();
    }

    private static McpJsonMapper jsonMapper() {
        return new JacksonMcpJsonMapper(new ObjectMapper().addMixIn(Throwable.class, NoStackTrace.class));
    }

    private static String version() {
        String version = SkillGraphMcp.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
