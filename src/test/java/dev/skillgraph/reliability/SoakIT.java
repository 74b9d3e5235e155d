package dev.skillgraph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.app.Application;
import dev.skillgraph.app.TestService;
import dev.skillgraph.seed.SeedFiles;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded soak on loopback: mixed reads from several clients while the seed is re-imported again and again with
 * alternating content. Zero errors; every graph version always comes with the same content (no request saw a mixed or
 * half-built projection); heap after GC stays flat. Duration: {@code -Dsoak.seconds} (default 90).
 */
class SoakIT {

    private static final Logger LOG = LoggerFactory.getLogger(SoakIT.class);
    private static final String TOKEN = "soak-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void mixedTrafficDuringRepeatedImportsSeesWholeVersionsOnlyAndNoErrors() throws Exception {
        Path seed = work.resolve("seed");
        SeedFiles.copyTree(Path.of("graph-seed"), seed);
        Path python = seed.resolve("ml-engineer/topics-0-prerequisites.yaml");
        String v1 = Files.readString(python);
        String v2 = v1.replace("name: Python Programming", "name: Python Programming v2");
        int seconds = Integer.getInteger("soak.seconds", 90);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (Application app = TestService.start(
                work.resolve("data"),
                "SKILLGRAPH_SEED_DIR",
                seed.toString(),
                "SKILLGRAPH_ADMIN_TOKEN",
                TOKEN,
                "SKILLGRAPH_REFRESH_SECONDS",
                "1")) {
            Map<String, Set<String>> namesByVersion = new ConcurrentHashMap<>();
            AtomicLong requests = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            List<Function<JsonNode, String>> readers = List.of(
                    body -> body.get("name").asText(),
                    body -> body.get("hits").get(0).get("name").asText(),
                    body -> {
                        for (JsonNode step : body.get("steps")) {
                            if (step.get("id").asText().equals("python")) {
                                return step.get("name").asText();
                            }
                        }
                        return "missing";
                    });
            List<String> paths = List.of(
                    "/api/nodes/python",
                    "/api/search?q=python+programming&limit=1",
                    "/api/learning-path/fine-tuning-peft");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                int which = c;
                clients.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        try {
                            HttpResponse<String> response = http.send(
                                    HttpRequest.newBuilder(app.apiUri().resolve(paths.get(which)))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            requests.incrementAndGet();
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                            String version = response.headers()
                                    .firstValue("X-Graph-Version")
                                    .orElse("none");
                            String name = readers.get(which).apply(JSON.readTree(response.body()));
                            namesByVersion
                                    .computeIfAbsent(version, v -> ConcurrentHashMap.newKeySet())
                                    .add(name);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            System.gc();
            long heapBefore =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            int imports = 0;
            while (System.nanoTime() < until) {
                Files.writeString(python, imports % 2 == 0 ? v2 : v1);
                HttpResponse<String> imported = http.send(
                        HttpRequest.newBuilder(app.apiUri().resolve("/api/admin/import"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
                imports++;
                Thread.sleep(500);
            }
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
            System.gc();
            long heapAfter =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            LOG.info(
                    "Soak: {} s, {} requests, {} errors, {} imports, {} graph versions, heap after GC {} -> {} MB",
                    seconds,
                    requests.get(),
                    errors.get(),
                    imports,
                    namesByVersion.size(),
                    heapBefore >> 20,
                    heapAfter >> 20);

            assertThat(errors.get()).isZero();
            assertThat(imports).isGreaterThan(seconds / 4);
            assertThat(namesByVersion).hasSizeGreaterThanOrEqualTo(2);
            namesByVersion.forEach((version, names) -> assertThat(names)
                    .as("content seen under version %s", version)
                    .hasSize(1));
            assertThat(heapAfter).as("heap after GC").isLessThan(heapBefore + (64L << 20));
        }
    }
}
