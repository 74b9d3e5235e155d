package dev.skillgraph.graph;

import dev.skillgraph.error.SkillGraphException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.locker.FileLockException;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Neo4j in this process with its Bolt connector (and Neo4j Browser over HTTP) on loopback. The application
 * reaches it only through the Java driver, exactly like an external server; this class exposes no database API.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final DatabaseManagementService service;
    private final int boltPort;
    private final Optional<Integer> browserPort;

    private EmbeddedNeo4j(DatabaseManagementService service, int boltPort, Optional<Integer> browserPort) {
        this.service = service;
        this.boltPort = boltPort;
        this.browserPort = browserPort;
    }

    /**
     * Starts the database stored under {@code home}; port 0 picks a free port.
     *
     * @param browserPort the HTTP port serving Neo4j Browser, or empty for no HTTP connector
     * @param browserContent where SkillGraph serves Browser's style ({@code /browser/style.grass}) and guide
     *     ({@code /browser/guide.html}): Browser applies and opens both when it connects; empty for neither
     */
    public static EmbeddedNeo4j start(
            Path home, int boltPort, Optional<Integer> browserPort, Optional<URI> browserContent) {
        int bolt = resolvePort(boltPort, "Bolt", "SKILLGRAPH_BOLT_PORT");
        Optional<Integer> http = browserPort.map(port -> resolvePort(port, "Neo4j Browser", "SKILLGRAPH_BROWSER_PORT"));
        createDirectories(home);
        long started = System.nanoTime();
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, bolt))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("localhost", bolt))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Loopback only, so no authentication: anyone who can reach it is already on this machine.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(128))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                .setConfig(ServerSettings.allow_telemetry, false)
                // Without these, Bolt shutdown waits ~10 s for Netty's quiet period.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                .setConfig(HttpConnector.enabled, http.isPresent());
        http.ifPresent(port -> builder.setConfig(HttpConnector.listen_address, new SocketAddress(LOOPBACK, port))
                // Browser dials the advertised Bolt address; without these it would dial 7687.
                .setConfig(HttpConnector.advertised_address, new SocketAddress("localhost", port))
                // Neo4j answers any origin ('*') by default: with no authentication that would let any web page the
                // user opens run Cypher. Browser itself is served from this origin and needs nothing more.
                .setConfig(ServerSettings.http_access_control_allow_origin, "http://localhost:" + port));
        if (http.isPresent()) {
            browserContent.ifPresent(base -> builder
                    // Browser prefixes each command with ':' itself and splits them on ';' (neo4j-browser 5.24,
                    // commandsDuck.ts postConnectCmdEpic).
                    .setConfig(
                            ServerSettings.browser_post_connect_cmd,
                            "style " + base + "/browser/style.grass;guide " + base + "/browser/guide.html")
                    // Browser fetches remote content only from these hosts (ports are not compared): ours, nothing
                    // else — not even guides.neo4j.com, the default.
                    .setConfig(ServerSettings.browser_remote_content_hostname_whitelist, base.getHost()));
        }
        DatabaseManagementService service;
        try {
            service = builder.build();
        } catch (RuntimeException e) {
            throw startupFailure(home, e);
        }
        LOG.info("Embedded Neo4j started in {} ms, store {}", (System.nanoTime() - started) / 1_000_000, home);
        return new EmbeddedNeo4j(service, bolt, http);
    }

    public URI boltUri() {
        return URI.create("bolt://" + LOOPBACK + ":" + boltPort);
    }

    public int boltPort() {
        return boltPort;
    }

    /** The URL that opens Neo4j Browser already connected to this database, if Browser is served. */
    public Optional<URI> browserUri() {
        return browserPort.map(port -> URI.create("http://localhost:" + port
                + "/browser/?preselectAuthMethod=NO_AUTH&dbms=bolt://localhost:" + boltPort));
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        service.shutdown();
        LOG.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static int resolvePort(int port, String what, String variable) {
        return freePort(LOOPBACK, port, what, variable);
    }

    /**
     * The ports lately handed out for port 0, most recent last: a probe's port is free again once the probe closes,
     * so the kernel may offer it to the next probe before the server it was meant for binds it (the HTTP port, then
     * Bolt's, then Browser's, each probed before any binds); seen once in a test run as "HTTP port 0 is already in
     * use".
     */
    private static final Deque<Integer> HANDED_OUT = new ArrayDeque<>();

    /** How many handed-out ports are remembered; a start hands out three. */
    private static final int REMEMBERED = 64;

    /** How many probes a free port may take before the last one is taken whatever. */
    private static final int PROBES = 16;

    /**
     * {@code port} if it is free on {@code host}, or, when it is 0, a free port not handed out lately by this process.
     *
     * @throws SkillGraphException naming the setting when the port is taken
     */
    public static int freePort(String host, int port, String what, String variable) {
        int found = probe(host, port, what, variable);
        if (port != 0) {
            return found;
        }
        synchronized (HANDED_OUT) {
            for (int probes = 1; probes < PROBES && HANDED_OUT.contains(found); probes++) {
                found = probe(host, 0, what, variable);
            }
            HANDED_OUT.addLast(found);
            if (HANDED_OUT.size() > REMEMBERED) {
                HANDED_OUT.removeFirst();
            }
            return found;
        }
    }

    private static int probe(String host, int port, String what, String variable) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw SkillGraphException.misconfigured(what + " port " + port + " on " + host
                    + " is already in use; stop what holds it or set " + variable + " (0 picks a free port)");
        }
    }

    private static void createDirectories(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw SkillGraphException.startFailed(e, "cannot create the Neo4j store directory " + home + ": " + e);
        }
    }

    private static SkillGraphException startupFailure(Path home, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof FileLockException) {
                return SkillGraphException.startFailed(
                        e,
                        "the Neo4j store " + home + " is locked by another process "
                                + "(is another SkillGraph running on the same SKILLGRAPH_DATA_DIR?); stop it, or set "
                                + "SKILLGRAPH_NEO4J_URI to its Bolt address (e.g. bolt://127.0.0.1:7687) to use its graph");
            }
            if (t instanceof BindException || message.contains("Address already in use")) {
                return SkillGraphException.startFailed(e, "a Neo4j port is already in use: " + message);
            }
        }
        return SkillGraphException.startFailed(e, "embedded Neo4j failed to start in " + home + ": " + e.getMessage());
    }
}
