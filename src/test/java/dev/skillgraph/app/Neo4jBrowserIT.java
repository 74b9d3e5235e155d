package dev.skillgraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.config.SkillGraphConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * A real browser: Debian's Chromium, driven by playwright-core, opens the Neo4j Browser the service serves, loads
 * the SkillGraph style and draws the prerequisites of LoRA/QLoRA. Skips, saying why, where Chromium or the npm
 * package is missing (.ci/run installs both). The screenshot is kept in target/browser/.
 */
class Neo4jBrowserIT {

    private static final Path SCRIPT_DIR = Path.of("src/test/browser");
    private static final String LORA = "MATCH p = (:Entity {id: 'fine-tuning-peft'})-[:REQUIRES*]->() RETURN p";

    @TempDir
    Path data;

    @Test
    void browserConnectsByItselfAndDrawsTheLoraPrerequisitesWithNamesAsCaptions() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assumeTrue(
                Files.isExecutable(chromium),
                "no Chromium at " + chromium + ": install Debian's chromium "
                        + "(.ci/run does) to run the real-browser test");
        assumeTrue(
                Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core is not installed: run 'npm install' in src/test/browser (.ci/run does)");

        try (Application app = Application.start(SkillGraphConfig.load(
                        Map.of(
                                "SKILLGRAPH_HTTP_PORT", "0",
                                "SKILLGRAPH_BOLT_PORT", "0",
                                "SKILLGRAPH_BROWSER_PORT", "0",
                                "SKILLGRAPH_DATA_DIR", data.toString()),
                        List.of()));
                Driver bolt = GraphDatabase.driver(app.boltUri(), AuthTokens.none())) {
            Path screenshot = Files.createDirectories(Path.of("target/browser")).resolve("lora-prerequisites.png");
            Process node = new ProcessBuilder(
                            "node",
                            "neo4j-browser.mjs",
                            app.browserUri().orElseThrow().toString(),
                            Path.of("graph-seed/browser/style.grass")
                                    .toAbsolutePath()
                                    .toString(),
                            LORA,
                            screenshot.toAbsolutePath().toString())
                    .directory(SCRIPT_DIR.toFile())
                    .redirectErrorStream(true)
                    .start();
            assertThat(node.waitFor(120, TimeUnit.SECONDS))
                    .as("the browser run finished")
                    .isTrue();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(node.exitValue()).as(output).isZero();
            JsonNode drawn = new ObjectMapper().readTree(output.substring(output.lastIndexOf('\n') + 1));

            var expected = bolt.executableQuery(
                            """
                            MATCH (g:Entity {id: 'fine-tuning-peft'})-[:REQUIRES*]->(p)
                            WITH g, collect(DISTINCT p) AS prerequisites
                            WITH prerequisites + g AS shown
                            UNWIND shown AS a
                            OPTIONAL MATCH (a)-[r:REQUIRES]->(b) WHERE b IN shown
                            RETURN size(shown) AS nodes, count(r) AS relationships
                            """)
                    .execute()
                    .records()
                    .get(0);
            assertThat(drawn.get("connected").asBoolean()).isTrue();
            assertThat(drawn.get("nodes").asInt())
                    .isEqualTo(expected.get("nodes").asInt());
            assertThat(drawn.get("relationships").asInt())
                    .isEqualTo(expected.get("relationships").asInt());
            List<String> captions = drawn.get("captions").findValuesAsText("");
            assertThat(drawn.get("captions").toString()).contains("Fine-tuning").doesNotContain("fine-tuning-peft");
            assertThat(drawn.get("colours").toString())
                    .as("topics in the style's blue")
                    .contains("#4C8EDA");
            assertThat(captions).isNotNull();
            assertThat(screenshot).isRegularFile();
        }
    }
}
