package dev.skillgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.app.Application;
import dev.skillgraph.app.TestService;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers that know the learner, through real HTTP on the seed graph: what a known topic implies, what uses a tool,
 * plans for several goals, distance in search, and the plan as a calendar.
 */
class LearnerAnswersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Application app;

    @BeforeAll
    static void start() throws IOException {
        app = TestService.start(
                Files.createTempDirectory("skillgraph-learner-it").resolve("data"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(app.apiUri().resolve(pathAndQuery))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The {@code id} of each element of {@code list} (not of what is nested in them). */
    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static void assertProblem(String pathAndQuery, int status, String parameter, String detailPart)
            throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("detail").asText()).contains(detailPart);
        if (parameter != null) {
            assertThat(body.get("parameter").asText()).isEqualTo(parameter);
        }
    }

    @Test
    void knowingTheTransformerArchitectureImpliesItsFoundations() throws Exception {
        JsonNode next = json("/api/next?known=transformer-architecture&limit=100");

        assertThat(ids(next.get("next"))).doesNotContain("python", "linear-algebra-calculus", "statistics-probability");
        JsonNode python = find(next.get("assumedKnown"), "python");
        assertThat(python.get("impliedBy").get(0).asText()).isEqualTo("transformer-architecture");
    }

    @Test
    void knowingPandasImpliesNumpyInThePlanForScikitLearn() throws Exception {
        JsonNode plan = json("/api/learning-path/scikit-learn?known=pandas");

        assertThat(ids(plan.get("steps"))).doesNotContain("numpy", "pandas");
        assertThat(find(plan.get("assumedKnown"), "numpy")
                        .get("impliedBy")
                        .get(0)
                        .asText())
                .isEqualTo("pandas");
        // Ticking it explicitly is still allowed: then it is known, not assumed.
        JsonNode ticked = json("/api/learning-path/scikit-learn?known=pandas,numpy");
        assertThat(ids(ticked.get("known"))).containsExactly("pandas", "numpy");
        assertThat(ids(ticked.get("assumedKnown"))).doesNotContain("numpy");
    }

    @Test
    void aToolSaysWhichTopicsUseItWithTheirStage() throws Exception {
        JsonNode pandas = json("/api/nodes/pandas");
        assertThat(pandas.get("usedBy")).isNotEmpty();
        assertThat(pandas.get("usedBy").get(0).get("stage").get("id").asText()).isNotBlank();

        JsonNode docker = json("/api/unlocks/docker");
        assertThat(ids(docker.get("usedBy"))).contains("docker-kubernetes");
        assertThat(json("/api/unlocks/backpropagation").has("usedBy")).isFalse();
        assertThat(json("/api/nodes/backpropagation").has("usedBy")).isFalse();
    }

    @Test
    void onePlanForSeveralGoalsCountsSharedStepsOnceAndNamesTheirGoals() throws Exception {
        JsonNode both = json("/api/learning-path?goals=fine-tuning-peft,model-serving&known=python&hoursPerWeek=10");
        JsonNode lora = json("/api/learning-path/fine-tuning-peft?known=python");
        JsonNode serving = json("/api/learning-path/model-serving?known=python");

        Set<String> union = new HashSet<>(ids(lora.get("steps")));
        union.addAll(ids(serving.get("steps")));
        List<String> steps = new ArrayList<>();
        both.get("steps").forEach(s -> steps.add(s.get("id").asText()));
        assertThat(steps).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(union);
        assertThat(ids(both.get("goals"))).containsExactly("fine-tuning-peft", "model-serving");
        assertThat(both.has("goal")).isFalse();
        int hours = 0;
        for (JsonNode step : both.get("steps")) {
            hours += step.path("hours").asInt();
            List<String> expected = new ArrayList<>();
            if (ids(lora.get("steps")).contains(step.get("id").asText())) {
                expected.add("fine-tuning-peft");
            }
            if (ids(serving.get("steps")).contains(step.get("id").asText())) {
                expected.add("model-serving");
            }
            List<String> named = new ArrayList<>();
            step.get("goals").forEach(g -> named.add(g.asText()));
            assertThat(named).as(step.get("id").asText()).isEqualTo(expected);
        }
        assertThat(both.get("totalHours").asInt()).isEqualTo(hours);
        assertThat(hours)
                .isLessThan(lora.get("totalHours").asInt()
                        + serving.get("totalHours").asInt());
        assertThat(both.get("etaWeeks").asInt()).isEqualTo((hours + 9) / 10);
    }

    @ParameterizedTest
    @CsvSource({
        "markdown, text/markdown, '# Learning plan: Fine-tuning and PEFT (LoRA, QLoRA), Model Serving'",
        "mermaid, text/vnd.mermaid, flowchart TD",
        "dot, text/vnd.graphviz, digraph plan {",
        "csv, text/csv, position,id,kind",
        "cypher, application/x-cypher-query, MATCH (n:Entity)",
        "ics, text/calendar, BEGIN:VCALENDAR",
        "json, application/json, {",
    })
    void aPlanForSeveralGoalsExportsInEveryFormat(String format, String type, String start) throws Exception {
        HttpResponse<String> response =
                get("/api/learning-path?goals=fine-tuning-peft,model-serving&hoursPerWeek=8&format=" + format);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(type);
        assertThat(response.body()).contains(start);
        if (!format.equals("json")) {
            assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("plan-fine-tuning-peft-and-1-more." + (format.equals("markdown") ? "md" : ""));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/learning-path?goals=fine-tuning-peft,ghost|404|goals|ghost",
                "/api/learning-path?goals=ghost&from=&to=|404|goals|ghost",
                "/api/learning-path?from=python&to=fine-tuning-peft&format=ics|400|format|not to the chain",
                "/api/learning-path?from=python&to=fine-tuning-peft&known=python|400|known|not to the chain",
                "/api/learning-path?from=python&to=ghost|404|to|ghost",
                "/api/learning-path/fine-tuning-peft?format=ics&hoursPerWeek=1&start=9999-06-01|400|start|9999",
                "/api/learning-path?goals=fine-tuning-peft&from=python&to=numpy|400||not both",
                "/api/learning-path|400|goals|goals",
                "/api/learning-path?goals=python&known=ghost|400|known|ghost",
                "/api/learning-path/python?format=ics|400|hoursPerWeek|hoursPerWeek=10",
                "/api/learning-path/python?format=ics&hoursPerWeek=5&start=30.11.2026|400|start|YYYY-MM-DD",
                "/api/search?q=python&reachable=yes&known=python|400|reachable|true or false",
                "/api/search?q=python&reachable=true|400|reachable|known",
                "/api/search?q=python&known=ghost|400|known|ghost",
            })
    void wrongLearnerParametersAreClearProblems(String row) throws Exception {
        String[] parts = row.split("\\|", -1);
        assertProblem(parts[0], Integer.parseInt(parts[1]), parts[2].isEmpty() ? null : parts[2], parts[3]);
    }

    @Test
    void searchWithKnownSaysHowFarEachHitIsAndReachableKeepsWhatCanBeLearnedNow() throws Exception {
        JsonNode hits = json("/api/search?q=regression&known=python&limit=20").get("hits");
        for (JsonNode hit : hits) {
            String kind = hit.get("kind").asText();
            if (kind.equals("resource") || kind.equals("faq")) {
                assertThat(hit.has("stepsAway")).isFalse();
                continue;
            }
            JsonNode plan = json("/api/learning-path/" + hit.get("id").asText() + "?known=python");
            assertThat(hit.get("stepsAway").asInt())
                    .as(hit.get("id").asText())
                    .isEqualTo(plan.get("steps").size());
            assertThat(hit.get("hoursAway").asInt())
                    .isEqualTo(plan.get("totalHours").asInt());
        }

        String known = "python,linear-algebra-calculus,statistics-probability";
        JsonNode reachable = json("/api/search?q=regression&reachable=true&known=" + known);
        Set<String> next =
                new HashSet<>(ids(json("/api/next?limit=100&known=" + known).get("next")));
        assertThat(reachable.get("hits")).isNotEmpty();
        assertThat(reachable.get("total").asInt())
                .isEqualTo(reachable.get("hits").size());
        for (JsonNode hit : reachable.get("hits")) {
            assertThat(next).contains(hit.get("id").asText());
            assertThat(hit.get("stepsAway").asInt()).isZero();
        }
        assertThat(json("/api/search?q=regression").has("stepsAway")).isFalse();
    }

    @Test
    void theCalendarHasOneEventPerWeeklyMilestoneFromTheStartAsked() throws Exception {
        JsonNode plan = json("/api/learning-path/fine-tuning-peft?known=python&hoursPerWeek=12");
        HttpResponse<String> ics =
                get("/api/learning-path/fine-tuning-peft?known=python&hoursPerWeek=12&format=ics&start=2026-11-30");

        assertThat(ics.statusCode()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(plan.get("milestones").size());
        for (int i = 0; i < events.size(); i++) {
            int week = plan.get("milestones").get(i).get("week").asInt();
            LocalDate from = LocalDate.of(2026, 11, 30).plusWeeks(week - 1L);
            assertThat(events.get(i).getStartDate().orElseThrow().getValue())
                    .isEqualTo(from.toString().replace("-", ""));
            assertThat(events.get(i).getSummary().getValue()).startsWith("Week " + week + " of ");
        }
        assertThat(ics.headers().firstValue("Content-Disposition").orElse("")).contains("plan-fine-tuning-peft.ics");
        // The ETag names the start too: a calendar whose default start moved on is not "not modified".
        String etag = ics.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).endsWith("-2026-11-30\"");
        HttpResponse<String> later = HTTP.send(
                HttpRequest.newBuilder(app.apiUri()
                                .resolve("/api/learning-path/fine-tuning-peft?known=python&hoursPerWeek=12&format=ics"
                                        + "&start=2026-12-07"))
                        .header("If-None-Match", etag)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(later.statusCode()).isEqualTo(200);

        // Without start=, week 1 begins next Monday.
        Calendar byDefault = new CalendarBuilder()
                .build(new StringReader(get("/api/learning-path/scikit-learn?hoursPerWeek=168&format=ics")
                        .body()));
        VEvent first = byDefault.<VEvent>getComponents("VEVENT").get(0);
        LocalDate start = LocalDate.parse(
                first.getStartDate().orElseThrow().getValue(), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(start)
                .isAfter(LocalDate.now(java.time.ZoneOffset.UTC))
                .isBefore(LocalDate.now().plusDays(9));
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }
}
