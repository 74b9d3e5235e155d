package dev.skillgraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in web page in a real browser (Debian's Chromium driven by playwright-core, script
 * src/test/browser/web-page.mjs), walked as a new learner would: a misspelled query, a facet, a node, its plan drawn
 * as a graph, "I know this", a reload, the keyboard, a phone-sized screen and the API gone. What the page showed is
 * checked against what the API answers. Screenshots are kept in target/browser/.
 */
class WebPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void aLearnerGoesFromAMisspelledQueryToADrawnPersonalisedPlan() throws Exception {
        RealBrowser.assumeInstalled();
        try (Application app = TestService.start(data)) {
            Path screenshots = RealBrowser.screenshots();
            JsonNode seen = RealBrowser.run("web-page.mjs", app.apiUri().toString(), screenshots.toString());

            assertThat(texts(seen.get("errors")))
                    .as("console errors and CSP violations")
                    .isEmpty();
            assertThat(seen.get("searchLabel").asText()).isNotBlank();
            assertThat(seen.get("suggestions").asInt()).isPositive();
            assertThat(seen.get("firstResult").asText()).isEqualTo("#/node/transformer-architecture");
            assertThat(seen.get("firstResultMarked").asInt())
                    .as("highlighted words")
                    .isPositive();
            assertThat(texts(seen.get("facetKinds"))).contains("topic", "tool");
            assertThat(texts(seen.get("filteredKinds"))).containsExactly("tool");

            // The node and its plan, as the API computes it.
            assertThat(seen.get("nodeTitle").asText()).isEqualTo("The Transformer Architecture");
            JsonNode plan = get(app, "/api/learning-path/transformer-architecture?hoursPerWeek=8");
            List<String> steps = ids(plan.get("steps"));
            assertThat(texts(seen.get("plan"))).containsExactlyElementsOf(steps);
            assertDrawn(seen.get("graph"), plan, "transformer-architecture");
            assertThat(seen.get("eta").asText()).isEqualTo(plan.get("etaWeeks").asInt() + " weeks");
            assertThat(seen.get("secondsToPlan").asDouble())
                    .as("from the home page to a drawn plan")
                    .isLessThan(60);

            // Every export link downloads, with its own media type; the Browser link carries the plan's Cypher.
            List<String> exports = texts(seen.get("exports"));
            assertThat(exports).hasSize(7);
            for (String export : exports) {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(app.apiUri().resolve(export)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(export).isEqualTo(200);
                assertThat(response.body()).as(export).containsIgnoringCase("backpropagation");
            }
            assertThat(seen.get("browserLink").asText())
                    .startsWith(app.browserUri().orElseThrow().toString().split("\\?")[0])
                    .contains("cmd=edit")
                    .contains(URLEncoder.encode("'backpropagation'", StandardCharsets.UTF_8));

            // "I know this" re-plans at once, like the API does with known=, and survives a reload.
            String known = seen.get("knownMarked").asText();
            JsonNode shrunk = get(app, "/api/learning-path/transformer-architecture?hoursPerWeek=8&known=" + known);
            assertThat(texts(seen.get("planAfterKnown")))
                    .containsExactlyElementsOf(ids(shrunk.get("steps")))
                    .doesNotContain(known)
                    .hasSizeLessThan(steps.size());
            assertDrawn(seen.get("graphAfterKnown"), shrunk, "transformer-architecture");
            assertThat(texts(seen.get("planAfterReload"))).containsExactlyElementsOf(ids(shrunk.get("steps")));
            assertThat(texts(seen.get("storedKnown"))).containsExactly(known);
            assertThat(seen.get("forgottenNotice").asText()).contains("a-topic-that-was-removed");
            JsonNode search = get(app, "/api/search?q=python&known=" + known);
            for (JsonNode hit : seen.get("distances")) {
                JsonNode answered = StreamSupport.stream(search.get("hits").spliterator(), false)
                        .filter(h -> h.get("id").asText().equals(hit.get("id").asText()))
                        .findFirst()
                        .orElseThrow();
                assertThat(hit.get("steps").isNull() ? null : hit.get("steps").asText())
                        .as(hit.get("id").asText())
                        .isEqualTo(
                                answered.has("stepsAway")
                                        ? answered.get("stepsAway").asText()
                                        : null);
            }
            assertThat(seen.get("distances")).isNotEmpty();
            JsonNode partial = get(app, "/api/search?q=vector%20db");
            assertThat(seen.get("missing")).hasSize(partial.get("hits").size());
            for (int i = 0; i < partial.get("hits").size(); i++) {
                JsonNode hit = partial.get("hits").get(i);
                JsonNode shown = seen.get("missing").get(i);
                assertThat(shown.get("id").asText()).isEqualTo(hit.get("id").asText());
                assertThat(
                                shown.get("missing").isNull()
                                        ? null
                                        : shown.get("missing").asText())
                        .as(hit.get("id").asText())
                        .isEqualTo(
                                hit.has("missing") ? "Missing: " + String.join(" ", texts(hit.get("missing"))) : null);
            }
            assertThat(seen.get("missing").findValuesAsText("missing")).contains("Missing: db");
            assertThat(seen.get("questionLink").asText()).isEqualTo("#/node/transformer-architecture");
            assertThat(seen.get("questionAsks").asText()).isEqualTo("learning-path");
            assertThat(seen.get("questionGoals"))
                    .extracting(JsonNode::asText)
                    .containsExactly("#/node/pandas", "#/node/docker");
            assertThat(texts(seen.get("nextSteps")))
                    .isNotEmpty()
                    .containsExactlyElementsOf(ids(
                            get(app, "/api/next?known=" + String.join(",", texts(seen.get("storedAfterForgetting"))))
                                    .get("next")));
            assertThat(texts(seen.get("usedBy")))
                    .containsExactlyElementsOf(ids(get(app, "/api/nodes/pandas").get("usedBy")));
            assertThat(texts(seen.get("planAfterForgetting"))).containsExactlyElementsOf(ids(shrunk.get("steps")));
            assertThat(texts(seen.get("storedAfterForgetting"))).containsExactly(known);

            // The keyboard alone: arrow down to the first suggestion for "backprop" and open it.
            String firstSuggestion = get(app, "/api/suggest?q=backprop&limit=8")
                    .get("suggestions")
                    .get(0)
                    .get("id")
                    .asText();
            assertThat(seen.get("activeOption").asText()).isEqualTo("suggestion-0");
            assertThat(seen.get("keyboardHash").asText()).isEqualTo("#/node/" + firstSuggestion);
            assertThat(seen.get("keyboardTitle").asText()).isNotBlank();

            // The roadmaps: listed on the home, each with its stages; python known on one is known on the other.
            List<String> roadmaps = ids(get(app, "/api/roadmaps"));
            assertThat(texts(seen.get("roadmaps")))
                    .containsExactlyElementsOf(roadmaps)
                    .hasSizeGreaterThanOrEqualTo(4);
            for (String roadmap : List.of("ml-engineer-roadmap", "data-scientist-roadmap")) {
                JsonNode view = seen.get("roadmapViews").get(roadmap);
                assertThat(view.get("stages").asInt())
                        .as(roadmap)
                        .isEqualTo(get(app, "/api/roadmaps/" + roadmap)
                                .get("stages")
                                .size());
                assertThat(view.get("pythonKnown").asInt()).as(roadmap).isEqualTo(1);
            }
            List<String> filtered = texts(seen.get("roadmapFiltered"));
            assertThat(filtered).isNotEmpty();
            for (String id : filtered) {
                assertThat(get(app, "/api/nodes/" + id).get("roadmaps").toString())
                        .as(id)
                        .contains("data-scientist-roadmap");
            }

            assertThat(seen.get("phoneOverflow").asInt())
                    .as("horizontal overflow on a phone")
                    .isLessThanOrEqualTo(0);
            assertThat(seen.get("apiDownMessage").asText()).contains("not answering");
            assertThat(screenshots.resolve("search-results.png")).isRegularFile();
            assertThat(screenshots.resolve("learning-plan.png")).isRegularFile();
            assertThat(screenshots.resolve("phone.png")).isRegularFile();
        }
    }

    /** One drawn node per step plus the goal, one arrow per prerequisite link among them, names as captions. */
    private static void assertDrawn(JsonNode drawn, JsonNode plan, String goal) {
        List<String> nodes = new ArrayList<>(ids(plan.get("steps")));
        nodes.add(goal);
        assertThat(texts(drawn.get("nodes"))).containsExactlyInAnyOrderElementsOf(nodes);

        Set<String> inPlan = new HashSet<>(nodes);
        List<String> expectedEdges = new ArrayList<>();
        for (JsonNode step : plan.get("steps")) {
            String id = step.get("id").asText();
            for (String prerequisite : texts(step.get("prerequisites"))) {
                if (inPlan.contains(prerequisite)) {
                    expectedEdges.add(prerequisite + " -> " + id);
                }
            }
            if (StreamSupport.stream(step.get("why").spliterator(), false)
                    .anyMatch(why -> why.get("neededBy").asText().equals(goal))) {
                expectedEdges.add(id + " -> " + goal);
            }
        }
        List<String> drawnEdges = StreamSupport.stream(drawn.get("edges").spliterator(), false)
                .map(edge -> edge.get(0).asText() + " -> " + edge.get(1).asText())
                .toList();
        assertThat(drawnEdges).containsExactlyInAnyOrderElementsOf(expectedEdges);
        List<String> names = StreamSupport.stream(plan.get("steps").spliterator(), false)
                .map(step -> step.get("name").asText())
                .toList();
        assertThat(texts(drawn.get("captions"))).containsAll(names);
    }

    private static JsonNode get(Application app, String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(app.apiUri() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode steps) {
        return StreamSupport.stream(steps.spliterator(), false)
                .map(step -> step.get("id").asText())
                .toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
