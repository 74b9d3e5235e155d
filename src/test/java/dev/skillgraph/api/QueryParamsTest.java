package dev.skillgraph.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillgraph.error.SkillGraphException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void halfASurrogatePairIsRefusedNamingTheParameter() {
        // JSON can carry "\uD83D" alone (an MCP tool call); echoed back it would be invalid UTF-8.
        for (String broken : List.of("python\uD83D", "\uDC3C", "a\uDC3C\uD83Db")) {
            assertThatThrownBy(() -> QueryParams.of(Map.of("query", broken)).first("query"))
                    .isInstanceOf(SkillGraphException.class)
                    .hasMessageContaining("'query'")
                    .hasMessageContaining("surrogate");
        }
        assertThat(QueryParams.of(Map.of("query", "pandas \uD83D\uDC3C")).first("query"))
                .isEqualTo("pandas \uD83D\uDC3C");
        assertThat(QueryParams.of(Map.of("known", List.of("python", "sql"))).ids("known"))
                .containsExactly("python", "sql");
    }

    @Test
    void aValueGivenTwiceDifferentlyIsRefusedNamingTheParameter() {
        assertThatThrownBy(() ->
                        QueryParams.of(Map.of("kind", List.of("tool", "topic"))).first("kind"))
                .isInstanceOf(SkillGraphException.class)
                .hasMessageContaining("'kind'")
                .hasMessageContaining("given 2 times with different values");
        assertThat(QueryParams.of(Map.of("kind", List.of("tool", "tool"))).first("kind"))
                .isEqualTo("tool");
    }
}
