package dev.skillgraph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.bench.SyntheticRoadmap;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.graph.EmbeddedNeo4j;
import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.Neo4jConnector;
import dev.skillgraph.seed.SeedFiles;
import dev.skillgraph.seed.SeedLoader;
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
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

/**
 * kill -9 of the service while it imports a new seed: after a restart the store opens cleanly and holds the complete
 * old graph or the complete new one, never a mix. Runs the real jar in its own process.
 */
class CrashSafetyIT {

    private static final String TOKEN = "crash-admin-token-0123456789";

    @TempDir
    Path work;

    @Test
    void aKillDuringAnImportLeavesTheOldOrTheNewGraphWhole() throws Exception {
        Path seed = work.resolve("seed");
        SeedGraph oldGraph =
                new SeedLoader().load(SyntheticRoadmap.write(Path.of("graph-seed"), work.resolve("v1"), 3000, 1));
        SeedGraph newGraph =
                new SeedLoader().load(SyntheticRoadmap.write(Path.of("graph-seed"), work.resolve("v2"), 3000, 2));
        for (long killAfterMillis : new long[] {700, 1600}) {
            Path data = work.resolve("data-" + killAfterMillis);
            copy(work.resolve("v1"), seed);
            int http = freePort();
            Process service = start(seed, data, http);
            try {
                waitReady(http, service);
                copy(work.resolve("v2"), seed);
                HttpClient.newHttpClient()
                        .sendAsync(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/api/admin/import"))
                                        .header("Authorization", "Bearer " + TOKEN)
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                Thread.sleep(killAfterMillis);
            } finally {
                service.destroyForcibly(); // SIGKILL: no shutdown hook, no clean Neo4j stop
                service.waitFor();
            }

            try (EmbeddedNeo4j reopened =
                            EmbeddedNeo4j.start(data.resolve("neo4j"), 0, Optional.empty(), Optional.empty());
                    Driver driver = Neo4jConnector.connect(
                            reopened.boltUri(), "neo4j", Optional.empty(), Duration.ofSeconds(30))) {
                Map<String, String> names = new TreeMap<>();
                new GraphRepository(driver).readGraph().nodes().forEach(n -> names.put(n.id(), n.name()));
                assertThat(names)
                        .as("after a kill %d ms into the import", killAfterMillis)
                        .satisfiesAnyOf(n -> assertThat(n).isEqualTo(names(oldGraph)), n -> assertThat(n)
                                .isEqualTo(names(newGraph)));
            }
        }
    }

    private static Map<String, String> names(SeedGraph graph) {
        return graph.nodes().stream()
                .collect(Collectors.toMap(GraphNode::id, GraphNode::name, (a, b) -> a, TreeMap::new));
    }

    private Process start(Path seed, Path data, int http) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", "target/skillgraph.jar")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "SKILLGRAPH_HTTP_PORT",
                        Integer.toString(http),
                        "SKILLGRAPH_BOLT_PORT",
                        "0",
                        "SKILLGRAPH_BROWSER_PORT",
                        "0",
                        "SKILLGRAPH_DATA_DIR",
                        data.toString(),
                        "SKILLGRAPH_SEED_DIR",
                        seed.toString(),
                        "SKILLGRAPH_ADMIN_TOKEN",
                        TOKEN));
        return builder.start();
    }

    private static void waitReady(int http, Process service) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service is running").isTrue();
            try {
                if (client.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service was not ready in 120 s");
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        SeedFiles.copyTree(from, to);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
