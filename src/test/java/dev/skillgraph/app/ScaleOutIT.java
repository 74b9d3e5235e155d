package dev.skillgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.config.SkillGraphConfig;
import dev.skillgraph.graph.EmbeddedNeo4j;
import dev.skillgraph.seed.SeedFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stateless replicas: two services on one Neo4j server; what one imports, the other serves without being told. */
class ScaleOutIT {

    private static final String TOKEN = "scale-out-admin-token-0123";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    private SkillGraphConfig replica(URI neo4j, String name, Path seed) {
        return SkillGraphConfig.load(
                Map.of(
                        "SKILLGRAPH_HTTP_PORT",
                        "0",
                        "SKILLGRAPH_NEO4J_URI",
                        neo4j.toString(),
                        "SKILLGRAPH_DATA_DIR",
                        work.resolve(name).toString(),
                        "SKILLGRAPH_SEED_DIR",
                        seed.toString(),
                        "SKILLGRAPH_ADMIN_TOKEN",
                        TOKEN,
                        "SKILLGRAPH_REFRESH_SECONDS",
                        "1"),
                List.of());
    }

    private String get(URI base, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void anImportThroughOneReplicaReachesTheOtherWithinTheRefreshInterval() throws Exception {
        Path seed = work.resolve("seed");
        SeedFiles.copyTree(Path.of("graph-seed"), seed);
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(work.resolve("server"), 0, Optional.empty(), Optional.empty());
                Application a = Application.start(replica(server.boltUri(), "a", seed));
                Application b = Application.start(replica(server.boltUri(), "b", seed))) {
            String versionA = get(a.apiUri(), "/ready");
            assertThat(get(b.apiUri(), "/ready")).isEqualTo(versionA); // same graph, same version, no second import

            Files.writeString(
                    seed.resolve("ml-engineer/zz-new.yaml"),
                    """
                    topics:
                      - id: mixture-of-experts
                        name: Mixture of Experts
                        summary: Sparse expert layers that scale transformers.
                        stage: stage-3-advanced-architectures
                        requires:
                          - id: transformer-architecture
                            reason: experts replace the transformer's feed-forward layers
                    """);
            HttpResponse<String> imported = http.send(
                    HttpRequest.newBuilder(a.apiUri().resolve("/api/admin/import"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            String seenByB = "";
            while (System.nanoTime() < deadline && !seenByB.contains("mixture-of-experts")) {
                seenByB = get(b.apiUri(), "/api/search?q=mixture+of+experts&limit=1");
                Thread.sleep(200);
            }
            assertThat(seenByB).contains("\"id\":\"mixture-of-experts\"");
            assertThat(get(b.apiUri(), "/api/learning-path/mixture-of-experts")).contains("transformer-architecture");
            assertThat(get(b.apiUri(), "/ready")).isEqualTo(get(a.apiUri(), "/ready"));
        }
    }
}
