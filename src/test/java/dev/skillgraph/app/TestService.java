package dev.skillgraph.app;

import dev.skillgraph.config.SkillGraphConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts the service as the README's run command does, but on free ports and with its data in a test directory. */
public final class TestService {

    private TestService() {}

    /**
     * Starts the service and, with semantic retrieval on, waits until every node text is encoded (the service encodes
     * them in the background after start-up), so that every answer a test compares comes from the same state.
     *
     * @param settings further {@code SKILLGRAPH_*} variables as name, value pairs (seed dir, admin token...)
     */
    public static Application start(Path dataDir, String... settings) {
        if (settings.length % 2 != 0) {
            throw new IllegalArgumentException("settings come as name, value pairs");
        }
        Map<String, String> environment = new HashMap<>(Map.of(
                "SKILLGRAPH_HTTP_PORT", "0",
                "SKILLGRAPH_BOLT_PORT", "0",
                "SKILLGRAPH_BROWSER_PORT", "0",
                "SKILLGRAPH_DATA_DIR", dataDir.toString()));
        for (int i = 0; i < settings.length; i += 2) {
            environment.put(settings[i], settings[i + 1]);
        }
        SkillGraphConfig config = SkillGraphConfig.load(environment, List.of());
        Application app = Application.start(config);
        if (config.semanticSearch()) {
            try {
                awaitSentenceEmbeddings(app);
            } catch (Exception e) {
                app.close();
                throw new IllegalStateException(e);
            }
        }
        return app;
    }

    /**
     * Waits until every node of the served projection has its sentence embedding (they are encoded in the background
     * after start-up), so that a test sees semantic retrieval and no more writes to the graph; at most two minutes.
     */
    public static void awaitSentenceEmbeddings(Application app) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Pattern gauge = Pattern.compile("(?m)^skillgraph_projection_(nodes|vectors) ([0-9.E]+)");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String metrics = client.send(
                            HttpRequest.newBuilder(app.apiUri().resolve("/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Map<String, Double> values = new HashMap<>();
            Matcher m = gauge.matcher(metrics);
            while (m.find()) {
                values.put(m.group(1), Double.parseDouble(m.group(2)));
            }
            if (values.getOrDefault("vectors", 0.0) >= values.getOrDefault("nodes", 1.0)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the node texts were not encoded within two minutes");
    }
}
