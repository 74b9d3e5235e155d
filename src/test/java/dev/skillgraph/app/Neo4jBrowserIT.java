package dev.skillgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
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

    private static final String LORA = "MATCH p = (:Entity {id: 'fine-tuning-peft'})-[:REQUIRES*]->() RETURN p";

    @TempDir
    Path data;

    @Test
    void browserConnectsByItselfAndDrawsTheLoraPrerequisitesWithNamesAsCaptions() throws Exception {
        RealBrowser.assumeInstalled();

        try (Application app = TestService.start(data);
                Driver bolt = GraphDatabase.driver(app.boltUri(), AuthTokens.none())) {
            Path screenshot = RealBrowser.screenshots().resolve("lora-prerequisites.png");
            JsonNode drawn = RealBrowser.run(
                    "neo4j-browser.mjs",
                    app.browserUri().orElseThrow().toString(),
                    Path.of("graph-seed/browser/style.grass").toAbsolutePath().toString(),
                    LORA,
                    screenshot.toString());

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
