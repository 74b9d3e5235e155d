package dev.skillgraph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Cypher is always parameterised: no source file builds a query by concatenating strings. */
class CypherHygieneTest {

    private static final String KEYWORDS = "MATCH|MERGE|CREATE|CALL|RETURN|WHERE|SET|DELETE|UNWIND|REMOVE";
    private static final Pattern CONCATENATED = Pattern.compile(
            "\"[^\"\\n]*\\b(" + KEYWORDS + ")\\b[^\"\\n]*\"\\s*\\+|\\+\\s*\"[^\"\\n]*\\b(" + KEYWORDS + ")\\b");

    @Test
    void noCypherIsBuiltByStringConcatenation() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher m = CONCATENATED.matcher(text);
                while (m.find()) {
                    offenders.add(file + ": " + m.group());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckCatchesAConcatenatedQuery() {
        assertThat(CONCATENATED
                        .matcher("String q = \"MATCH (n {id: '\" + id + \"'}) RETURN n\";")
                        .find())
                .isTrue();
        assertThat(CONCATENATED
                        .matcher("run(\"MATCH (n {id: $id}) RETURN n\", Map.of(\"id\", id));")
                        .find())
                .isFalse();
    }
}
