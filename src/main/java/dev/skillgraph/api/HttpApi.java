package dev.skillgraph.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.skillgraph.domain.Hours;
import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.GraphState;
import dev.skillgraph.projection.ProjectionManager;
import dev.skillgraph.seed.SeedImporter;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Javalin application, unstarted: routes, thin handlers and the one error mapper to problem+json. */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final GraphRepository repository;
    private final ProjectionManager projections;
    private final ProjectionReads reads;
    private final SearchController search;
    private final PathController paths;
    private final BrowseController browse;
    private final AdminController admin;
    private final OpenApiDocument openApi = new OpenApiDocument();
    /** The paths a browser on a configured origin may call (SKILLGRAPH_CORS_ORIGINS); /mcp checks its own. */
    private static final List<String> CORS_PATHS =
            List.of("/api/*", "/health", "/ready", "/metrics", "/openapi.json", "/docs");

    private final ObjectMapper mapper =
            new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).registerModule(Hours.jacksonModule());
    private final HttpMetrics metrics;
    private final List<String> corsOrigins;
    private final Optional<RateLimiter> rateLimiter;
    private final ClientAddress clients;
    private final Optional<URI> browserUri;
    private final BrowserContent browserContent;
    private @Nullable McpHttpEndpoint mcp;
    private final List<String> routes = new CopyOnWriteArrayList<>();

    /**
     * @param corsOrigins origins allowed to call the API from a browser; empty means CORS is off
     * @param rateLimit requests per second per client address on {@code /api/*}; 0 means no limit
     * @param browserUri the Neo4j Browser that shows this graph, if one is served; the web page links to it
     * @param trustedProxies the proxies whose {@code Forwarded}/{@code X-Forwarded-For} name the client (see
     *     {@link ClientAddress}); empty trusts none
     * @param browserOrigins the origins of the Neo4j Browsers that may fetch {@code /browser/*} (style and guide)
     * @param answerCacheBytes the most bytes of search and completion answers kept for repeated requests
     *     ({@link AnswerCache}); 0 keeps none
     */
    public HttpApi(
            GraphRepository repository,
            ProjectionManager projections,
            SeedImporter importer,
            Optional<String> adminToken,
            List<String> corsOrigins,
            int rateLimit,
            Optional<URI> browserUri,
            List<String> trustedProxies,
            List<String> browserOrigins,
            long answerCacheBytes) {
        this.repository = repository;
        this.projections = projections;
        AnswerCache answers = new AnswerCache(answerCacheBytes);
        this.reads = new ProjectionReads(projections, mapper, answers);
        this.search = new SearchController(reads);
        this.paths = new PathController(reads);
        this.browse = new BrowseController(reads);
        this.admin = new AdminController(adminToken, importer, projections, reads);
        this.metrics = new HttpMetrics(reads, answers);
        this.corsOrigins = List.copyOf(corsOrigins);
        this.rateLimiter = rateLimit > 0 ? Optional.of(new RateLimiter(rateLimit)) : Optional.empty();
        this.browserUri = browserUri;
        this.browserContent = new BrowserContent(browserOrigins);
        try {
            this.clients = new ClientAddress(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw SkillGraphException.misconfigured("SKILLGRAPH_TRUSTED_PROXIES: " + e.getMessage());
        }
    }

    /** Every route the app serves, as {@code METHOD /path}; filled once the app is created. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /**
     * The Javalin app listening on {@code host:port} once started, with the MCP server at {@code /mcp}; call
     * {@link #close()} before stopping it.
     */
    public Javalin create(String host, int port) {
        McpHttpEndpoint endpoint = new McpHttpEndpoint(
                projections,
                corsOrigins,
                new McpHttpEndpoint.Gate(clients, rateLimiter, corsOrigins, mapper, exchange -> {
                    metrics.record(exchange.method(), "/mcp", exchange.status(), (float) exchange.millis());
                    access(
                            exchange.method(),
                            "/mcp",
                            exchange.status(),
                            exchange.millis(),
                            exchange.requestId(),
                            exchange.client());
                }));
        mcp = endpoint;
        return Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                // Room for a 10,000-character query to reach the handler and get a precise 400, not a bare 414.
                http.setRequestHeaderSize(32 * 1024);
            });
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new ProblemErrorHandler());
                // Stopping waits (at most this long) for requests in flight to finish: see the GracefulHandler below.
                server.setStopTimeout(GRACE.toMillis());
            });
            // Tracks requests in flight so that a stop lets them finish and refuses only new ones.
            config.jetty.modifyServletContextHandler(context -> {
                context.insertHandler(new GracefulHandler());
                endpoint.mount(context);
            });
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.requestLogger.http((ctx, millis) -> {
                metrics.record(ctx.method().name(), route(ctx), ctx.statusCode(), millis);
                access(
                        ctx.method().name(),
                        ctx.path(),
                        ctx.statusCode(),
                        millis,
                        ctx.attribute(REQUEST_ID_HEADER),
                        clients.of(ctx.req()));
            });
            config.events.handlerAdded(handler -> {
                // HEAD mirrors every GET: the OpenAPI document lists the GET.
                if (handler.getHttpMethod().isHttpMethod() && handler.getHttpMethod() != HandlerType.HEAD) {
                    routes.add(handler.getHttpMethod().name() + " " + handler.getPath());
                }
            });
            config.staticFiles.enableWebjars();
            // The built-in web page (index.html at /): only same-origin scripts, styles and requests.
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = Map.of(
                        "Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                                + " frame-ancestors 'none'; form-action 'self'",
                        "Cache-Control",
                        "no-cache");
            });
            if (!corsOrigins.isEmpty()) {
                // One rule per path of the API: /browser/ answers Neo4j Browser's origins itself (BrowserContent), and
                // a rule for every path would refuse Browser's fetch of the style and guide with a 400.
                config.bundledPlugins.enableCors(cors -> CORS_PATHS.forEach(path -> cors.addRule(rule -> {
                    rule.path = path;
                    if (corsOrigins.contains("*")) {
                        rule.anyHost();
                    } else {
                        rule.allowHost(
                                corsOrigins.get(0),
                                corsOrigins.subList(1, corsOrigins.size()).toArray(String[]::new));
                    }
                    rule.exposeHeader(ProjectionReads.VERSION_HEADER);
                    rule.exposeHeader(REQUEST_ID_HEADER);
                    rule.exposeHeader("ETag");
                })));
            }

            config.routes.before(HttpApi::commonHeaders);
            rateLimiter.ifPresent(limiter -> config.routes.before("/api/*", ctx -> {
                if (!limiter.tryAcquire(clients.of(ctx.req()))) {
                    ctx.header("Retry-After", "1");
                    throw SkillGraphException.of(
                            SkillGraphException.Reason.RATE_LIMITED,
                            "more than the configured SKILLGRAPH_RATE_LIMIT requests per second from this client");
                }
            }));
            read(config.routes, "/health", ctx -> ctx.json(new HealthResponse("UP", null, null, null, null)));
            read(config.routes, "/ready", this::ready);
            read(config.routes, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            read(config.routes, "/openapi.json", ctx -> ctx.contentType("application/json")
                    .result(openApi.json()));
            read(config.routes, "/docs", ctx -> ctx.html(openApi.docsPage()));
            read(config.routes, "/api/search", search::search);
            read(config.routes, "/api/suggest", search::suggest);
            read(config.routes, "/api/nodes/{id}", browse::node);
            read(config.routes, "/api/about", this::about);
            read(config.routes, "/api/stages", browse::stages);
            read(config.routes, "/api/roadmaps", browse::roadmaps);
            read(config.routes, "/api/roadmaps/{id}", browse::roadmap);
            read(config.routes, "/browser/{file}", browserContent::get);
            config.routes.options("/browser/{file}", browserContent::preflight);
            read(config.routes, "/api/careers", browse::careers);
            read(config.routes, "/api/learning-path/{id}", paths::plan);
            read(config.routes, "/api/learning-path", paths::plans);
            read(config.routes, "/api/next", paths::next);
            read(config.routes, "/api/unlocks/{id}", paths::unlocks);
            config.routes.before("/api/admin/*", admin::authorize);
            config.routes.post("/api/admin/import", admin::importSeed);
            config.routes.post("/api/admin/reindex", admin::reindex);

            config.routes.exception(SkillGraphException.class, ProblemResponses::skillGraphError);
            config.routes.exception(Exception.class, ProblemResponses::unexpectedError);
            config.routes.error(404, ctx -> {
                if (!ProblemResponses.isProblem(ctx)) {
                    ProblemResponses.problem(
                            ctx, Problem.of(404, "Not Found", "no such endpoint: " + ctx.method() + " " + ctx.path()));
                }
            });
            config.routes.error(
                    405,
                    ctx -> ProblemResponses.problem(
                            ctx,
                            Problem.of(405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path())));
        });
    }

    /**
     * A read route: GET, and HEAD answering as GET would without the body (RFC 9110, section 9.3.2), status, ETag and
     * all. Left to itself, Javalin answers HEAD with 200 and no headers for any path a GET route matches, without
     * running it, so a missing node looked present and no cache could revalidate with HEAD.
     */
    private static void read(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    /** The matched route template (e.g. {@code /api/nodes/{id}}), or a fixed label for unmatched requests. */
    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** Ends the MCP sessions; before the HTTP server stops. */
    public void close() {
        if (mcp != null) {
            mcp.close();
        }
    }

    private static void access(String method, String path, int status, double millis, Object id, String client) {
        // Tenths of a millisecond, as "%.1f" would print them without its formatter's cost (a tenth of a GET
        // /health's time on the server).
        ACCESS.info("{} {} {} {} ms id={} client={}", method, path, status, Math.round(millis * 10) / 10.0, id, client);
    }

    /** The client's {@code X-Request-Id} when it is a sane token, else a new one. */
    static String requestId(String given) {
        return given != null && REQUEST_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }

    private static void commonHeaders(Context ctx) {
        String id = requestId(ctx.header(REQUEST_ID_HEADER));
        ctx.attribute(REQUEST_ID_HEADER, id);
        ctx.header(REQUEST_ID_HEADER, id);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    private void about(Context ctx) {
        ctx.json(new AboutResponse(
                "SkillGraph",
                reads.apply(p -> p.version()),
                browserUri.map(URI::toString).orElse(null)));
    }

    private void ready(Context ctx) {
        String graphVersion = reads.apply(p -> p.version());
        if (!repository.ping(PING_TIMEOUT)) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .json(new HealthResponse(
                            "NOT_READY",
                            "DOWN",
                            graphVersion,
                            null,
                            "Neo4j does not answer; search and learning paths are served from the last projection"));
            return;
        }
        GraphState state = repository.state();
        if (!state.seeded()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .json(new HealthResponse("NOT_READY", "UP", graphVersion, null, "no seed has been imported yet"));
            return;
        }
        ctx.json(new HealthResponse(
                "READY", "UP", graphVersion, state.importedVersion().orElseThrow(), null));
    }
}
