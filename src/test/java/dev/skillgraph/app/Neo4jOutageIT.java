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
    void searchAndPathsKeepAnsweringFromTheLastProjectionWhileReadyReportsTheOutage() throws Exception {
        EmbeddedNeo4j server = EmbeddedNeo4j.start(work.resolve("server"), 0, Optional.empty());
        boolean stopped = false;
        try (Application app = Application.start(SkillGraphConfig.load(
                Map.of(
                        "SKILLGRAPH_HTTP_PORT", "0",
                        "SKILLGRAPH_NEO4J_URI", server.boltUri().toString(),
                        "SKILLGRAPH_DATA_DIR", work.resolve("data").toString(),
                        "SKILLGRAPH_REFRESH_SECONDS", "1",
                        "SKILLGRAPH_CONNECT_TIMEOUT_SECONDS", "3"),
                List.of()))) {
            assertThat(get(app, "/ready").statusCode()).isEqualTo(200);

            server.close();
            stopped = true;

            HttpResponse<String> ready = get(app, "/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"neo4j\":\"DOWN\"", "last projection");
            assertThat(get(app, "/api/search?q=transformer").statusCode()).isEqualTo(200);
            assertThat(get(app, "/api/learning-path/fine-tuning-peft").body()).contains("transformer-architecture");
            Thread.sleep(2_500); // a few failed freshness checks must not drop the projection either
            assertThat(get(app, "/api/search?q=lora").body()).contains("fine-tuning-peft");
        } finally {
            if (!stopped) {
                server.close();
            }
        }
    }
}
