package dev.skillgraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillgraph.config.SkillGraphConfig;
import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.graph.EmbeddedNeo4j;
import dev.skillgraph.seed.SeedFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** The whole service started as the README's run command starts it: embedded Neo4j, seed import, HTTP. */
class ApplicationIT {

    @TempDir
    Path data;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SkillGraphConfig config(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SKILLGRAPH_HTTP_PORT", "0",
                "SKILLGRAPH_BOLT_PORT", "0",
                "SKILLGRAPH_BROWSER_PORT", "0",
                "SKILLGRAPH_DATA_DIR", data.toString(),
                "SKILLGRAPH_CONNECT_TIMEOUT_SECONDS", "5"));
        env.putAll(overrides);
        return SkillGraphConfig.load(env, List.of());
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long topics(URI bolt) {
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none())) {
            return driver.executableQuery("MATCH (t:Topic) RETURN count(t) AS n")
                    .execute()
                    .records()
                    .get(0)
                    .get("n")
                    .asLong();
        }
    }

    @Test
    void startsEmbeddedImportsTheSeedServesBrowserAndKeepsTheGraphAcrossRestarts() throws Exception {
        String version;
        try (Application app = Application.start(config(Map.of()))) {
            HttpResponse<String> ready = get(app.apiUri().resolve("/ready"));
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"READY\"", "\"graphVersion\":");
            version = ready.body().replaceAll(".*\"graphVersion\":\"([^\"]+)\".*", "$1");
            assertThat(get(app.apiUri().resolve("/health")).statusCode()).isEqualTo(200);
            assertThat(topics(app.boltUri())).isGreaterThanOrEqualTo(38);
            assertThat(app.boltUri().getHost()).isEqualTo("127.0.0.1");

            URI browser = app.browserUri().orElseThrow();
            assertThat(browser.getQuery())
                    .contains(
                            "preselectAuthMethod=NO_AUTH",
                            "dbms=bolt://localhost:" + app.boltUri().getPort());
            HttpResponse<String> page = get(browser);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).containsIgnoringCase("neo4j browser");
            // Neo4j's HTTP endpoint (no authentication) does not let another origin's page read the graph.
            HttpResponse<String> crossOrigin = http.send(
                    HttpRequest.newBuilder(browser.resolve("/db/neo4j/tx/commit"))
                            .header("Origin", "https://evil.example")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"statements\":[{\"statement\":\"RETURN 1\"}]}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(crossOrigin.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("http://localhost:" + browser.getPort());
        }
        assertThat(data.resolve("neo4j")).isDirectory();

        try (Application restarted = Application.start(config(Map.of()))) {
            HttpResponse<String> ready = get(restarted.apiUri().resolve("/ready"));
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"graphVersion\":\"" + version + "\"");
            assertThat(topics(restarted.boltUri())).isGreaterThanOrEqualTo(38);
        }
    }

    @Test
    void errorsAreProblemDocumentsWithoutStackTraces() throws Exception {
        try (Application app = Application.start(config(Map.of()))) {
            HttpResponse<String> missing = get(app.apiUri().resolve("/no/such/thing"));
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(missing.body())
                    .contains("\"status\":404", "/no/such/thing")
                    .doesNotContain("Exception");

            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(app.apiUri().resolve("/health"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.body()).contains("\"status\":405");

            HttpResponse<String> admin = http.send(
                    HttpRequest.newBuilder(app.apiUri().resolve("/api/admin/import"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .header("Authorization", "Bearer anything")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(admin.statusCode()).isEqualTo(404);
            assertThat(admin.body()).contains("admin endpoints are disabled");
        }
    }

    @Test
    void usesAnExternalServerWhenAUriIsGivenAndStartsNoDatabase(@TempDir Path serverHome) throws Exception {
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(serverHome, 0, Optional.empty(), Optional.empty());
                Application app = Application.start(
                        config(Map.of("SKILLGRAPH_NEO4J_URI", server.boltUri().toString())))) {
            assertThat(get(app.apiUri().resolve("/ready")).statusCode()).isEqualTo(200);
            assertThat(app.boltUri()).isEqualTo(server.boltUri());
            assertThat(app.browserUri()).isEmpty();
            assertThat(topics(server.boltUri())).isGreaterThanOrEqualTo(38);
        }
        assertThat(data.resolve("neo4j")).doesNotExist();
    }

    @Test
    void failsFastWhenTheExternalServerIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();

        assertThatThrownBy(() ->
                        Application.start(config(Map.of("SKILLGRAPH_NEO4J_URI", "bolt://127.0.0.1:" + closedPort))))
                .isInstanceOf(SkillGraphException.class)
                .hasMessageStartingWith("Neo4j at bolt://127.0.0.1:" + closedPort + " is unreachable");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void failsFastWhenAPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());

            assertThatThrownBy(() -> Application.start(config(Map.of("SKILLGRAPH_BOLT_PORT", port))))
                    .hasMessage("Bolt port " + port + " on 127.0.0.1 is already in use; stop what holds it or set "
                            + "SKILLGRAPH_BOLT_PORT (0 picks a free port)");
            assertThatThrownBy(() -> Application.start(config(Map.of("SKILLGRAPH_HTTP_PORT", port))))
                    .hasMessage("HTTP port " + port + " on 127.0.0.1 is already in use; stop what holds it or set "
                            + "SKILLGRAPH_HTTP_PORT (0 picks a free port)");
        }
    }

    @Test
    void refusesToOpenAStoreAnotherInstanceHolds() {
        try (Application first = Application.start(config(Map.of()))) {
            assertThatThrownBy(() -> Application.start(config(Map.of())))
                    .isInstanceOf(SkillGraphException.class)
                    .hasMessageContaining("is locked by another process");
        }
    }

    @Test
    void anInvalidSeedStopsAFirstStartButNotAServiceThatHasAGraph(@TempDir Path seed) throws Exception {
        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID.replace("requires: [b]", "requires: [ghost]"));
        assertThatThrownBy(() -> Application.start(config(Map.of("SKILLGRAPH_SEED_DIR", seed.toString()))))
                .hasMessageContaining("'requires' names unknown id 'ghost'");

        SeedFiles.write(seed, "pack/graph.yaml", SeedFiles.VALID);
        try (Application app = Application.start(config(Map.of("SKILLGRAPH_SEED_DIR", seed.toString())))) {
            assertThat(get(app.apiUri().resolve("/ready")).statusCode()).isEqualTo(200);
        }

        Files.writeString(seed.resolve("pack/graph.yaml"), "topics: [ {id: broken");
        try (Application app = Application.start(config(Map.of("SKILLGRAPH_SEED_DIR", seed.toString())))) {
            assertThat(get(app.apiUri().resolve("/ready")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void corsAllowsOnlyTheConfiguredOriginsAndTheRateLimitAnswers429() throws Exception {
        try (Application app = Application.start(config(Map.of(
                "SKILLGRAPH_CORS_ORIGINS", "https://app.example.com",
                "SKILLGRAPH_RATE_LIMIT", "5")))) {
            HttpResponse<String> allowed = http.send(
                    HttpRequest.newBuilder(app.apiUri().resolve("/health"))
                            .header("Origin", "https://app.example.com")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("https://app.example.com");
            HttpResponse<String> other = http.send(
                    HttpRequest.newBuilder(app.apiUri().resolve("/health"))
                            .header("Origin", "https://evil.example")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
            // Neo4j Browser's origin still fetches the style and guide: the API's CORS rules do not cover /browser/.
            String browserOrigin =
                    app.browserUri().orElseThrow().resolve("/").toString().replaceAll("/$", "");
            HttpResponse<String> style = http.send(
                    HttpRequest.newBuilder(app.apiUri().resolve("/browser/style.grass"))
                            .header("Origin", browserOrigin)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(style.statusCode()).isEqualTo(200);
            assertThat(style.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains(browserOrigin);

            int limited = 0;
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> response = get(app.apiUri().resolve("/api/stages"));
                if (response.statusCode() == 429) {
                    limited++;
                    assertThat(response.headers().firstValue("Retry-After")).contains("1");
                    assertThat(response.body()).contains("\"status\":429");
                }
            }
            assertThat(limited).isGreaterThanOrEqualTo(5); // 20 requests, 5 allowed per second: most are refused
            assertThat(get(app.apiUri().resolve("/health")).statusCode()).isEqualTo(200); // ops stay unlimited
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBucketAndSpoofedHeadersFromOthersAreIgnored() throws Exception {
        // 127.0.0.1 (this test) plays the trusted proxy; the same requests without the trust share one bucket.
        try (Application proxied = Application.start(config(Map.of(
                        "SKILLGRAPH_RATE_LIMIT", "3",
                        "SKILLGRAPH_TRUSTED_PROXIES", "127.0.0.1, ::1",
                        "SKILLGRAPH_DATA_DIR", data.resolve("proxied").toString())));
                Application direct = Application.start(config(Map.of(
                        "SKILLGRAPH_RATE_LIMIT",
                        "3",
                        "SKILLGRAPH_DATA_DIR",
                        data.resolve("direct").toString())))) {
            assertThat(limitedOf(proxied, "203.0.113.1", 3)).isZero();
            assertThat(limitedOf(proxied, "203.0.113.2", 3))
                    .as("another client, its own bucket")
                    .isZero();
            assertThat(limitedOf(proxied, "203.0.113.1", 6))
                    .as("the first client, over its limit")
                    .isPositive();
            assertThat(limitedOf(proxied, "203.0.113.3", 3)).isZero();
            // The MCP endpoint is limited by the same buckets: of ten quick calls, some are refused (at 3 a second one
            // call alone may come after a refill on a loaded machine; it did once).
            int refused = 0;
            for (int i = 0; i < 10; i++) {
                refused += mcpStatus(proxied, "203.0.113.1") == 429 ? 1 : 0;
            }
            assertThat(refused).isPositive();
            assertThat(mcpStatus(proxied, "203.0.113.4")).isNotEqualTo(429);

            assertThat(limitedOf(direct, "203.0.113.1", 3)).isZero();
            assertThat(limitedOf(direct, "203.0.113.2", 6))
                    .as("from an untrusted peer X-Forwarded-For is ignored: one bucket for all")
                    .isPositive();
        }
    }

    /** How many of {@code n} quick searches forwarded for {@code client} were refused with 429. */
    private int limitedOf(Application app, String client, int n) throws Exception {
        int limited = 0;
        for (int i = 0; i < n; i++) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(app.apiUri().resolve("/api/stages"))
                            .header("X-Forwarded-For", "198.51.100.99, " + client)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            limited += response.statusCode() == 429 ? 1 : 0;
        }
        return limited;
    }

    private int mcpStatus(Application app, String client) throws Exception {
        // A connection of its own: the server may close a pooled one after a 429, and the client retries only
        // idempotent requests on a closed connection, not this POST ("header parser received no bytes", once in a
        // full run).
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(app.apiUri().resolve("/mcp"))
                                .header("Forwarded", "for=" + client)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
