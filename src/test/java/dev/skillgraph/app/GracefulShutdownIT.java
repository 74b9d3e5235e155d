package dev.skillgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.bench.SyntheticRoadmap;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** Stopping the service lets a request in flight finish (here a long import) before Neo4j closes. */
class GracefulShutdownIT {

    private static final String TOKEN = "graceful-admin-token-0123";

    @TempDir
    Path work;

    @Test
    void aRequestInFlightFinishesWhenTheServiceStops() throws Exception {
        Path seed = SyntheticRoadmap.write(Path.of("graph-seed"), work.resolve("seed"), 3000, 5);
        Application app = TestService.start(
                work.resolve("data"),
                "SKILLGRAPH_SEED_DIR",
                seed.toString(),
                "SKILLGRAPH_ADMIN_TOKEN",
                TOKEN,
                // Not what this test is about: without it, the start waits for 3,790 node texts to be encoded.
                "SKILLGRAPH_SEMANTIC_SEARCH",
                "off");
        CompletableFuture<HttpResponse<String>> inFlight;
        try {
            inFlight = HttpClient.newHttpClient()
                    .sendAsync(
                            HttpRequest.newBuilder(app.apiUri().resolve("/api/admin/import"))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .timeout(Duration.ofSeconds(60))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            awaitImportRunning(app); // so that the stop below really finds the import in flight
        } finally {
            app.close();
        }
        HttpResponse<String> response = inFlight.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"imported\"");
    }

    /** Waits (up to 30 s) until Neo4j runs the import's write transaction. */
    private static void awaitImportRunning(Application app) throws InterruptedException {
        try (Driver driver = GraphDatabase.driver(app.boltUri(), AuthTokens.none())) {
            for (int i = 0; i < 1500; i++) {
                boolean running = driver.executableQuery(
                                """
                                SHOW TRANSACTIONS YIELD currentQuery
                                WHERE currentQuery CONTAINS 'UNWIND $nodes' OR currentQuery CONTAINS 'UNWIND $edges'
                                   OR currentQuery CONTAINS 'DETACH DELETE'
                                RETURN count(*) > 0 AS running
                                """)
                        .execute()
                        .records()
                        .get(0)
                        .get("running")
                        .asBoolean();
                if (running) {
                    return;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the import never started");
    }
}
