package dev.skillgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.SharedNeo4j;
import dev.skillgraph.seed.SeedImporter;
import dev.skillgraph.seed.SeedLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/**
 * Every slide of the Neo4j Browser guide ({@code graph-seed/browser/guide.html}) runs on the seed graph, with its
 * :param values, and returns something.
 */
@ExtendWith(SharedNeo4j.class)
class BrowserTourIT {

    private static final Pattern PARAM = Pattern.compile(":param (\\w+) => (.+)");
    /** A slide's runnable block, as Browser finds it ({@code pre.runnable}, Directives.tsx). */
    private static final Pattern RUNNABLE =
            Pattern.compile("<pre class=\"[^\"]*\\brunnable\\b[^\"]*\">(.*?)</pre>", Pattern.DOTALL);

    private static String unescape(String html) {
        return html.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    @Test
    void everyTourQueryRunsAndReturnsRows(Driver driver) throws Exception {
        SharedNeo4j.clear(driver);
        GraphRepository repository = new GraphRepository(driver);
        repository.ensureSchema();
        new SeedImporter(new SeedLoader(), repository, Path.of("graph-seed")).importSeed();
        // The fulltext index fills in the background after a write.
        driver.executableQuery("CALL db.awaitIndexes(60)").execute();
        Map<String, Object> params = new HashMap<>();
        int queries = 0;
        Matcher block = RUNNABLE.matcher(Files.readString(Path.of("graph-seed/browser/guide.html")));
        List<String> statements = new ArrayList<>();
        while (block.find()) {
            statements.addAll(List.of(unescape(block.group(1)).split(";")));
        }
        for (String statement : statements) {
            String code = statement
                    .lines()
                    .filter(l -> !l.strip().startsWith("//"))
                    .reduce("", (a, b) -> a + "\n" + b)
                    .strip();
            if (code.isEmpty()) {
                continue;
            }
            Matcher param = PARAM.matcher(code);
            if (param.matches()) {
                String value = param.group(2).strip();
                params.put(
                        param.group(1),
                        value.startsWith("'") ? value.substring(1, value.length() - 1) : Long.parseLong(value));
                continue;
            }
            int rows = driver.executableQuery(code)
                    .withParameters(params)
                    .execute()
                    .records()
                    .size();
            assertThat(rows).as(code).isPositive();
            queries++;
        }
        assertThat(queries).isEqualTo(8);
        // The last one is Neo4j's fulltext index, which the service creates: the typo finds the right node first.
        String first = driver.executableQuery(
                        "CALL db.index.fulltext.queryNodes('entity_text', $text) YIELD node RETURN node.id AS id")
                .withParameters(Map.of("text", params.get("text")))
                .execute()
                .records()
                .get(0)
                .get("id")
                .asString();
        assertThat(first).isEqualTo("transformer-architecture");
    }
}
