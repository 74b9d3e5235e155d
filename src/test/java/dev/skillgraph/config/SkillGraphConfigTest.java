package dev.skillgraph.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillgraph.error.SkillGraphException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillGraphConfigTest {

    @Test
    void defaultsPointAtLoopbackAndAnEmbeddedDatabase() {
        SkillGraphConfig config = SkillGraphConfig.load(Map.of(), List.of());

        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(7000);
        assertThat(config.boltPort()).isEqualTo(7687);
        assertThat(config.browserPort()).isEqualTo(7474);
        assertThat(config.embedded()).isTrue();
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.seedDir()).isEqualTo(Path.of("graph-seed").toAbsolutePath());
        assertThat(config.adminToken()).isEmpty();
    }

    @Test
    void environmentVariablesAndFlagsSetEverythingFlagsWinning() {
        SkillGraphConfig config = SkillGraphConfig.load(
                Map.of(
                        "SKILLGRAPH_HTTP_PORT",
                        "8080",
                        "SKILLGRAPH_NEO4J_URI",
                        "neo4j+s://db.example.com",
                        "SKILLGRAPH_NEO4J_PASSWORD",
                        "s3cret-password"),
                List.of("--http-port=9090", "--bolt-port=0"));

        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.boltPort()).isZero();
        assertThat(config.embedded()).isFalse();
        assertThat(config.neo4jUri()).contains(URI.create("neo4j+s://db.example.com"));
    }

    @Test
    void secretsNeverAppearInTheDescription() {
        SkillGraphConfig config = SkillGraphConfig.load(
                Map.of(
                        "SKILLGRAPH_NEO4J_URI",
                        "bolt://db:7687",
                        "SKILLGRAPH_NEO4J_PASSWORD",
                        "s3cret-password",
                        "SKILLGRAPH_ADMIN_TOKEN",
                        "a-very-long-admin-token"),
                List.of());

        assertThat(config.describe())
                .doesNotContain("s3cret-password", "a-very-long-admin-token")
                .contains("set");
        assertThat(config.toString()).doesNotContain("s3cret-password", "a-very-long-admin-token");
    }

    @Test
    void badValuesFailFastNamingTheSetting() {
        assertThatThrownBy(() -> SkillGraphConfig.load(Map.of("SKILLGRAPH_HTTP_PORT", "seven"), List.of()))
                .isInstanceOf(SkillGraphException.class)
                .hasMessage("SKILLGRAPH_HTTP_PORT must be a whole number, got 'seven'");
        assertThatThrownBy(() -> SkillGraphConfig.load(Map.of("SKILLGRAPH_ANSWER_CACHE_MB", "99999999999"), List.of()))
                .hasMessageStartingWith("SKILLGRAPH_ANSWER_CACHE_MB must be between -2147483648 and 2147483647");
        assertThatThrownBy(() -> SkillGraphConfig.load(Map.of("SKILLGRAPH_ANSWER_CACHE_MB", "-1"), List.of()))
                .hasMessage("SKILLGRAPH_ANSWER_CACHE_MB must be 0 (off) or more, got -1");
        assertThatThrownBy(() -> SkillGraphConfig.load(Map.of("SKILLGRAPH_BOLT_PORT", "70000"), List.of()))
                .hasMessage("SKILLGRAPH_BOLT_PORT must be between 0 (pick a free port) and 65535, got 70000");
        assertThatThrownBy(() -> SkillGraphConfig.load(Map.of("SKILLGRAPH_NEO4J_URI", "http://db:7474"), List.of()))
                .hasMessageStartingWith("SKILLGRAPH_NEO4J_URI must look like bolt://host:7687");
        assertThatThrownBy(() -> SkillGraphConfig.load(Map.of("SKILLGRAPH_ADMIN_TOKEN", "short"), List.of()))
                .hasMessage("SKILLGRAPH_ADMIN_TOKEN must be at least 16 characters long (got 5)");
        assertThatThrownBy(() -> SkillGraphConfig.load(Map.of(), List.of("--colour=red")))
                .hasMessageStartingWith("unknown argument '--colour=red'; flags are --http-host=...");
    }
}
