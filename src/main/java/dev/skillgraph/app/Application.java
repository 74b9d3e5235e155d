package dev.skillgraph.app;

import dev.skillgraph.api.HttpApi;
import dev.skillgraph.api.mcp.McpStdio;
import dev.skillgraph.config.SkillGraphConfig;
import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.graph.EmbeddedNeo4j;
import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.GraphState;
import dev.skillgraph.graph.Neo4jConnector;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.projection.ProjectionManager;
import dev.skillgraph.search.SentenceEncoder;
import dev.skillgraph.search.Synonyms;
import dev.skillgraph.seed.SeedException;
import dev.skillgraph.seed.SeedImporter;
import dev.skillgraph.seed.SeedLoader;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every component with {@code new}, starts them in order and closes them in reverse. */
public final class Application implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Deque<AutoCloseable> resources;
    private final URI apiUri;
    private final URI boltUri;
    private final Optional<URI> browserUri;
    private final List<String> routes;

    private Application(
            Deque<AutoCloseable> resources, URI apiUri, URI boltUri, Optional<URI> browserUri, List<String> routes) {
        this.resources = resources;
        this.apiUri = apiUri;
        this.boltUri = boltUri;
        this.browserUri = browserUri;
        this.routes = routes;
    }

    /**
     * Starts Neo4j (embedded unless {@code SKILLGRAPH_NEO4J_URI} is set), imports the seed when it changed, and
     * starts the HTTP API.
     *
     * @throws SkillGraphException with a message that names the cause when any step fails; whatever had started is
     *     closed again
     */
    public static Application start(SkillGraphConfig config) {
        LOG.info("Starting SkillGraph: {}", config.describe());
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            // Checked before Neo4j starts, so that a taken HTTP port fails the start at once, not after Neo4j's
            // start-up.
            int httpPort = EmbeddedNeo4j.freePort(config.httpHost(), config.httpPort(), "HTTP", "SKILLGRAPH_HTTP_PORT");
            // Browser applies SkillGraph's style and opens its guide on connect, both fetched from this API.
            URI browserContent = URI.create("http://" + LOOPBACK + ":" + httpPort);
            Graph graph =
                    graph(config, Optional.of(config.browserPort()), Optional.of(browserContent), true, resources);
            HttpApi api = new HttpApi(
                    graph.repository(),
                    graph.projections(),
                    graph.importer(),
                    config.adminToken(),
                    config.corsOrigins(),
                    config.rateLimit(),
                    graph.browserUri(),
                    config.trustedProxies(),
                    browserOrigins(config, graph.browserUri()),
                    config.answerCacheMegabytes() * 1024L * 1024L);
            Javalin http = api.create(config.httpHost(), httpPort);
            try {
                startHttp(http, config);
            } catch (RuntimeException e) {
                api.close();
                throw e;
            }
            resources.push(http::stop);
            // Popped first: MCP sessions (open event streams) end before the HTTP server waits for requests in flight.
            resources.push(api::close);
            URI apiUri = URI.create("http://" + config.httpHost() + ":" + http.port());
            Application application =
                    new Application(resources, apiUri, graph.boltUri(), graph.browserUri(), api.routes());
            application.logUrls();
            return application;
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * Starts what {@link #start} starts but HTTP (and Neo4j Browser), and serves the MCP tools on {@code in} and
     * {@code out} until {@code in} ends: the {@code mcp} command for desktop assistants that launch their tools.
     */
    public static void serveMcp(SkillGraphConfig config, InputStream in, OutputStream out) {
        LOG.info("Starting SkillGraph's MCP server on stdio: {}", config.describe());
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            // One assistant, one session: it gets semantic answers from its first call, after the texts are encoded.
            Graph graph = graph(config, Optional.empty(), Optional.empty(), false, resources);
            LOG.info(
                    "SkillGraph's MCP server is up on stdio (graph {})",
                    graph.projections().apply(Projection::version));
            McpStdio.serve(in, out, graph.projections());
        } catch (IOException e) {
            throw SkillGraphException.startFailed(e, "stdio failed: " + e.getMessage());
        } finally {
            closeAll(resources);
        }
    }

    /** What both commands need: Neo4j (embedded or external), the seed imported, the projection kept fresh. */
    private record Graph(
            URI boltUri,
            Optional<URI> browserUri,
            GraphRepository repository,
            SeedImporter importer,
            ProjectionManager projections) {}

    private static Graph graph(
            SkillGraphConfig config,
            Optional<Integer> browserPort,
            Optional<URI> browserContent,
            boolean encodeInBackground,
            Deque<AutoCloseable> resources) {
        Optional<EmbeddedNeo4j> embedded = Optional.empty();
        if (config.embedded()) {
            embedded = Optional.of(EmbeddedNeo4j.start(
                    config.dataDir().resolve("neo4j"), config.boltPort(), browserPort, browserContent));
            resources.push(embedded.get());
        }
        URI boltUri = embedded.map(EmbeddedNeo4j::boltUri)
                .orElseGet(() -> config.neo4jUri().orElseThrow());
        Driver driver = Neo4jConnector.connect(
                boltUri,
                config.neo4jUser(),
                embedded.isPresent() ? Optional.empty() : config.neo4jPassword(),
                config.connectTimeout());
        resources.push(driver);
        GraphRepository repository = new GraphRepository(driver);
        repository.ensureSchema();
        SeedImporter importer = new SeedImporter(new SeedLoader(), repository, config.seedDir());
        importOnStart(importer, repository);

        Path synonyms = config.seedDir().resolve("synonyms.txt");
        SentenceEncoder encoder = null;
        if (config.semanticSearch()) {
            ExecutorService encoding =
                    Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
                        Thread thread = new Thread(runnable, "sentence-encoder");
                        thread.setDaemon(true);
                        return thread;
                    });
            resources.push(encoding::shutdownNow);
            encoder = SentenceEncoder.load(encoding);
        }
        ProjectionManager projections = new ProjectionManager(
                repository,
                () -> Synonyms.load(synonyms),
                encoder,
                config.dataDir().resolve("vectors"),
                encodeInBackground);
        resources.push(projections);
        resources.push(refreshEvery(projections, config.refreshInterval()));
        return new Graph(boltUri, embedded.flatMap(EmbeddedNeo4j::browserUri), repository, importer, projections);
    }

    /**
     * The origins of the Neo4j Browsers that may fetch the style and guide: the embedded one (as the printed URL and
     * as 127.0.0.1 name it) and any configured for an external Neo4j's Browser.
     */
    private static List<String> browserOrigins(SkillGraphConfig config, Optional<URI> embeddedBrowser) {
        List<String> origins = new ArrayList<>(config.browserOrigins());
        embeddedBrowser.ifPresent(uri -> {
            origins.add("http://localhost:" + uri.getPort());
            origins.add("http://" + LOOPBACK + ":" + uri.getPort());
        });
        return origins;
    }

    public URI apiUri() {
        return apiUri;
    }

    public URI boltUri() {
        return boltUri;
    }

    public Optional<URI> browserUri() {
        return browserUri;
    }

    /** Every route the HTTP API serves, as {@code METHOD /path}. */
    public List<String> routes() {
        return routes;
    }

    @Override
    public void close() {
        LOG.info("Stopping SkillGraph");
        closeAll(resources);
    }

    /**
     * A seed that changed is imported; an invalid one stops the start only when there is no graph to serve yet, so
     * a bad edit to the seed never takes a working service down.
     */
    private static void importOnStart(SeedImporter importer, GraphRepository repository) {
        try {
            importer.importIfChanged();
        } catch (SeedException e) {
            GraphState state = repository.state();
            if (!state.seeded()) {
                throw e;
            }
            LOG.warn("Keeping graph {}: {}", state.importedVersion().orElseThrow(), e.getMessage());
        }
    }

    /**
     * Checks Neo4j for changes made elsewhere (e.g. in Neo4j Browser) on a named background thread and swaps in a
     * new projection when the graph changed; a check of an unchanged graph is one tiny read.
     */
    private static AutoCloseable refreshEvery(ProjectionManager projections, Duration interval) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "skillgraph-projection-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        projections.refresh();
                    } catch (Exception e) {
                        LOG.warn("Could not check Neo4j for changes; serving the last projection: {}", e.toString());
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
        return scheduler::shutdownNow;
    }

    private static void startHttp(Javalin http, SkillGraphConfig config) {
        try {
            http.start();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw SkillGraphException.misconfigured("HTTP port " + config.httpPort() + " on "
                            + config.httpHost() + " is already in use; stop what holds it or set "
                            + "SKILLGRAPH_HTTP_PORT (0 picks a free port)");
                }
            }
            throw SkillGraphException.startFailed(e, "the HTTP server failed to start: " + e.getMessage());
        }
    }

    private void logUrls() {
        LOG.info("SkillGraph is up");
        LOG.info("  Web page       {}/", apiUri);
        LOG.info("  API            {}", apiUri);
        LOG.info("  Ready check    {}/ready", apiUri);
        LOG.info("  Neo4j (Bolt)   {}", boltUri);
        browserUri.ifPresent(uri -> LOG.info("  Neo4j Browser  {}", uri));
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Failed to close {}: {}", resource, e.toString());
            }
        }
    }
}
