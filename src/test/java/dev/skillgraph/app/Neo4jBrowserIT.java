package dev.skillgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * A real browser, as a new user: Debian's Chromium, driven by playwright-core, opens the Neo4j Browser URL the
 * service prints and types nothing. Browser connects, applies the SkillGraph style and opens the SkillGraph guide by
 * itself; one click on the first slide's play icon draws the prerequisites of LoRA/QLoRA in that style. Skips, saying
 * why, where Chromium or the npm package is missing (.ci/run installs both). The screenshot is kept in
 * target/browser/.
 */
class Neo4jBrowserIT {

    @TempDir
    Path data;

    @Test
    void browserOpensStyledWithTheGuideAndItsFirstSlideDrawsTheLoraPrerequisites() throws Exception {
        RealBrowser.assumeInstalled();

        try (Application app = TestService.start(data);
                Driver bolt = GraphDatabase.driver(app.boltUri(), AuthTokens.none())) {
            Path screenshot = RealBrowser.screenshots().resolve("lora-prerequisites.png");
            JsonNode drawn = RealBrowser.run(
                    "neo4j-browser.mjs", app.browserUri().orElseThrow().toString(), screenshot.toString());

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
            assertThat(drawn.get("failed"))
                    .as("requests that failed (e.g. CORS)")
                    .isEmpty();
            assertThat(drawn.get("guide").get("firstSlide").asText())
                    .contains(":param goal => 'fine-tuning-peft'", "REQUIRES*");
            assertThat(drawn.get("storedStyle").get("node.Topic").get("color").asText())
                    .isEqualTo("#4C8EDA");
            assertThat(drawn.get("nodes").asInt())
                    .isEqualTo(expected.get("nodes").asInt());
            assertThat(drawn.get("relationships").asInt())
                    .isEqualTo(expected.get("relationships").asInt());
            assertThat(drawn.get("captions").toString())
                    .as("names as captions, from the style")
                    .contains("Fine-tuning")
                    .doesNotContain("fine-tuning-peft");
            assertThat(drawn.get("colours").toString())
                    .as("topics in the style's blue (Browser's default would be grey)")
                    .contains("#4C8EDA");
            assertThat(drawn.get("relationshipColours").toString())
                    .as("REQUIRES in the style's red")
                    .contains("#D9534F");
            assertThat(screenshot).isRegularFile();
        }
    }
}
