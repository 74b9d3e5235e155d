package dev.skillgraph.app;

import dev.skillgraph.config.SkillGraphConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start of the whole service, on free ports and a scratch store, with a search, a suggestion and a plan over
 * HTTP, then a stop: run under {@code -XX:ArchiveClassesAtExit} (the build does, see pom.xml), it records every class a
 * start and the first requests load. Starting with that class-data-sharing archive ({@code -XX:SharedArchiveFile})
 * takes a first start on the seed graph from 12 s to 8 s on the 2-core reference machine: two thirds of a start is the
 * JVM loading and verifying the classes of Neo4j, Lucene, Jetty and the MCP SDK (measured: 12.3-12.5 s without, 7.9-8.1 s
 * with, fresh store each time). A JVM that cannot use the archive (another JDK, a rebuilt jar) ignores it.
 */
final class ClassArchiveTraining {

    private static final Logger LOG = LoggerFactory.getLogger(ClassArchiveTraining.class);

    private ClassArchiveTraining() {}

    static void run(List<String> flags) {
        Path store = scratchStore();
        try {
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.remove("SKILLGRAPH_NEO4J_URI"); // the embedded database's classes are the ones to record
            environment.put("SKILLGRAPH_HTTP_PORT", "0");
            environment.put("SKILLGRAPH_BOLT_PORT", "0");
            environment.put("SKILLGRAPH_BROWSER_PORT", "0");
            environment.put("SKILLGRAPH_DATA_DIR", store.toString());
            try (Application application = Application.start(SkillGraphConfig.load(environment, flags))) {
                HttpClient client = HttpClient.newHttpClient();
                for (String path : List.of(
                        "/ready", "/api/search?q=transfomer", "/api/suggest?q=pyt", "/api/learning-path/python")) {
                    HttpResponse<String> response = client.send(
                            HttpRequest.newBuilder(application.apiUri().resolve(path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    LOG.info("Class archive training: GET {} answered {}", path, response.statusCode());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            delete(store);
        }
    }

    private static Path scratchStore() {
        try {
            return Files.createTempDirectory("skillgraph-class-archive");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the scratch store {}: {}", directory, e.toString());
        }
    }
}
