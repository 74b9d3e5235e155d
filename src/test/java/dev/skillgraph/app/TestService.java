package dev.skillgraph.app;

import dev.skillgraph.config.SkillGraphConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts the service as the README's run command does, but on free ports and with its data in a test directory. */
public final class TestService {

    private TestService() {}

    /**
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
        return Application.start(SkillGraphConfig.load(environment, List.of()));
    }
}
