package dev.skillgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.config.SkillGraphConfig;
import dev.skillgraph.graph.EmbeddedNeo4j;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When Neo4j goes away the service degrades: not ready, but still answering from its last projection. */
class Neo4jOutageIT {

    @TempDir
    Path work;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(Application app, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(app.apiUri().resolve(path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void searchAndPathsKeepAnsweringFromTheLastProjectionWhileReadyReportsTheOutageAndItRecoversByItself()
            throws Exception {
        Path home = work.resolve("server");
        EmbeddedNeo4j server = EmbeddedNeo4j.start(home, 0, Optional.empty(), Optional.empty());
        int boltPort = server.boltPort();
        String token = "outage-admin-token-0123456789";
        try (Application app = Application.start(SkillGraphConfig.load(
                Map.of(
                        "SKILLGRAPH_HTTP_PORT",
                        "0",
                        "SKILLGRAPH_NEO4J_URI",
                        server.boltUri().toString(),
                        "SKILLGRAPH_DATA_DIR",
                        work.resolve("data").toString(),
                        "SKILLGRAPH_ADMIN_TOKEN",
                        token,
                        "SKILLGRAPH_REFRESH_SECONDS",
                        "1",
                        "SKILLGRAPH_CONNECT_TIMEOUT_SECONDS",
                        "3"),
                List.of()))) {
            assertThat(get(app, "/ready").statusCode()).isEqualTo(200);

            server.close();

            HttpResponse<String> ready = get(app, "/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"neo4j\":\"DOWN\"", "last projection");
            assertThat(get(app, "/api/search?q=transformer").statusCode()).isEqualTo(200);
            assertThat(get(app, "/api/learning-path/fine-tuning-peft").body()).contains("transformer-architecture");
            // The next freshness check fails (after the driver's bounded retries): answers then say they may be stale.
            assertThat(staleHeader(app, true)).contains("true");
            assertThat(get(app, "/api/search?q=lora").body()).contains("fine-tuning-peft");

            HttpResponse<String> imported = http.send(
                    HttpRequest.newBuilder(app.apiUri().resolve("/api/admin/import"))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(503);
            assertThat(imported.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

            server = EmbeddedNeo4j.start(
                    home, boltPort, Optional.empty(), Optional.empty()); // Neo4j comes back, same address
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && status != 200) {
                status = get(app, "/ready").statusCode();
                Thread.sleep(250);
            }
            assertThat(status).as("ready again without a restart").isEqualTo(200);
            assertThat(staleHeader(app, false))
                    .as("no longer stale once a check succeeds")
                    .isEmpty();
        } finally {
            server.close();
        }
    }

    /** Polls (up to 30 s) until the X-Graph-Stale header is present, or absent, and returns it. */
    private Optional<String> staleHeader(Application app, boolean present) throws Exception {
        Optional<String> header = Optional.empty();
        for (int i = 0; i < 120; i++) {
            header = get(app, "/api/search?q=lora").headers().firstValue("X-Graph-Stale");
            if (header.isPresent() == present) {
                break;
            }
            Thread.sleep(250);
        }
        return header;
    }
}
