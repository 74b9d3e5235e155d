package dev.skillgraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a playwright-core script from src/test/browser in Debian's Chromium. Tests that use it skip, saying why, where
 * Chromium or the npm package is missing (.ci/run installs both).
 */
final class RealBrowser {

    private static final Path SCRIPT_DIR = Path.of("src/test/browser");

    private RealBrowser() {}

    /** Skips the calling test unless Chromium and playwright-core are installed. */
    static void assumeInstalled() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assumeTrue(
                Files.isExecutable(chromium),
                "no Chromium at " + chromium
                        + ": install Debian's chromium (.ci/run does) to run the real-browser test");
        assumeTrue(
                Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core is not installed: run 'npm install' in src/test/browser (.ci/run does)");
    }

    /** A directory under target/browser for the screenshots a script saves, kept as test artefacts. */
    static Path screenshots() throws IOException {
        return Files.createDirectories(Path.of("target/browser")).toAbsolutePath();
    }

    /** Runs {@code node script args...} and returns the JSON of the last line it printed; fails on a non-zero exit. */
    static JsonNode run(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Process node = new ProcessBuilder(command)
                .directory(SCRIPT_DIR.toFile())
                .redirectErrorStream(true)
                .start();
        boolean finished = node.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(finished).as("the browser run finished in time: " + output).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        return new ObjectMapper().readTree(output.substring(output.lastIndexOf('\n') + 1));
    }
}
