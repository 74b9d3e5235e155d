package dev.skillgraph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.app.Application;
import dev.skillgraph.app.TestService;
import dev.skillgraph.graph.GraphSnapshot;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Random and adversarial text in every parameter, path segment and header of the API: never a 5xx, always a JSON or
 * problem+json body (or the export asked for), every answer within 5 s, and the graph unchanged afterwards.
 */
class ApiFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final List<String> TEMPLATES = List.of(
            "/api/search?q=%s",
            "/api/search?q=transformer&kind=%s",
            "/api/search?q=transformer&stage=%s",
            "/api/search?q=model&limit=%s",
            "/api/search?q=model&offset=%s",
            "/api/suggest?q=%s",
            "/api/suggest?q=tra&limit=%s",
            "/api/nodes/%s",
            "/api/unlocks/%s",
            "/api/learning-path/%s",
            "/api/learning-path/fine-tuning-peft?known=%s",
            "/api/learning-path/fine-tuning-peft?hoursPerWeek=%s",
            "/api/learning-path/fine-tuning-peft?format=%s",
            "/api/learning-path?from=%s&to=fine-tuning-peft",
            "/api/learning-path?from=python&to=%s",
            "/api/next?known=%s",
            "/api/next?known=python&goal=%s",
            "/api/next?limit=%s",
            "/api/search?q=regression&known=%s",
            "/api/search?q=regression&known=python&reachable=%s",
            "/api/learning-path?goals=%s",
            "/api/learning-path?goals=fine-tuning-peft,%s&known=python",
            "/api/learning-path?goals=fine-tuning-peft,model-serving&hoursPerWeek=3&format=%s",
            "/api/learning-path/fine-tuning-peft?hoursPerWeek=10&format=ics&start=%s");

    private static Path work;
    private static Application app;
    private static Driver bolt;
    private static GraphSnapshot before;

    @BeforeContainer
    static void start() throws Exception {
        work = Files.createTempDirectory("skillgraph-fuzz");
        app = TestService.start(work.resolve("data"), "SKILLGRAPH_ADMIN_TOKEN", "fuzz-admin-token-0123456789");
        bolt = GraphDatabase.driver(app.boltUri(), AuthTokens.none());
        before = GraphSnapshot.of(bolt).withoutMeta();
    }

    @AfterContainer
    static void stop() {
        try {
            assertThat(GraphSnapshot.of(bolt).withoutMeta())
                    .as("the graph after %d fuzzed requests", REQUESTS.get())
                    .isEqualTo(before);
        } finally {
            bolt.close();
            app.close();
        }
    }

    @Provide
    Arbitrary<String> nasty() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(600),
                // Learning-path questions about anything (LearningQuestion): the subject searched alone.
                Arbitraries.strings().all().ofMaxLength(40).map(subject -> "what must I learn before " + subject),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).map(s -> "what does " + s + " unlock"),
                // Several goals, a way from one to another, what is next knowing something.
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30).map(s -> "before rag and " + s),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30).map(s -> "path from " + s + " to rag"),
                Arbitraries.strings().all().ofMaxLength(30).map(s -> "i know " + s + ", what next?"),
                Arbitraries.of(
                        "AND (",
                        "*",
                        "\"",
                        "~",
                        "\\",
                        ")))",
                        "') DETACH DELETE n //",
                        "' OR 1=1 --",
                        "MATCH (n) DETACH DELETE n",
                        "../../../etc/passwd",
                        "%00",
                        "\u0000",
                        "\u202e",
                        "🚀🤖",
                        "-1",
                        "0",
                        "2147483648",
                        "1e9",
                        "NaN",
                        "",
                        " ",
                        ",,,",
                        "python,,python",
                        "a".repeat(5000),
                        "<script>alert(1)</script>",
                        "${jndi:ldap://x}",
                        "{{7*7}}",
                        "\r\nX-Injected: 1",
                        // the paths of issue #21: symbols, joined and split words, ids as typed, common words only
                        "c++",
                        "C#",
                        ".NET",
                        "scikitlearn",
                        "sci kit learn",
                        "gpt4",
                        "datadatadatadatadatadatadatadatadatadatadata",
                        "what do I need to know",
                        "Pandas",
                        "scikit_learn",
                        "-_. ",
                        "lroa",
                        "before",
                        "what does unlock",
                        "prerequisites for c++",
                        "what comes after gpt4",
                        "prerequisites for stage two",
                        "what must I learn before 🚀",
                        "i know and and, what next",
                        "path from to to to",
                        "how do i get from from to to",
                        "before and and and"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Property(tries = 400)
    void anyParameterValueIsAnsweredCleanly(@ForAll("nasty") String value, @ForAll("template") String template)
            throws Exception {
        send(URI.create(app.apiUri() + template.formatted(encode(value))), null);
    }

    @Property(tries = 60)
    void rawPercentEncodingsAndHeadersAreAnsweredCleanly(@ForAll("percent") String raw, @ForAll("nasty") String header)
            throws Exception {
        send(URI.create(app.apiUri() + "/api/search?q=" + raw), header);
        send(URI.create(app.apiUri() + "/api/nodes/" + raw), header);
    }

    @Provide
    Arbitrary<String> template() {
        return Arbitraries.of(TEMPLATES);
    }

    /** Random bytes percent-encoded: mostly invalid UTF-8 once decoded. */
    @Provide
    Arbitrary<String> percent() {
        return Arbitraries.bytes().list().ofMinSize(1).ofMaxSize(12).map(bytes -> bytes.stream()
                .map(b -> "%%%02X".formatted(b & 0xff))
                .reduce("", String::concat));
    }

    private static void send(URI uri, String header) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
        if (header != null && header.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            request.header("X-Request-Id", header);
            request.header("If-None-Match", header);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        REQUESTS.incrementAndGet();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(response.statusCode()).as("%s -> %s", uri, response.body()).isLessThan(500);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/json") || type.startsWith("application/problem+json")) {
            assertThat(JSON.readTree(response.body())).isNotNull();
        } else if (response.statusCode() != 304) {
            assertThat(type)
                    .as(uri.toString())
                    .matches("text/(markdown|vnd\\.mermaid|vnd\\.graphviz|csv|calendar).*|"
                            + "application/x-cypher-query.*");
        }
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
}
