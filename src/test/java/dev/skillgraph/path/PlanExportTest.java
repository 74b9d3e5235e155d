package dev.skillgraph.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RelType;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every export keeps a name full of its format's special characters intact: each is read back with the format's own
 * rules (a CommonMark parser, an RFC 4180 reader, ical4j and Python's icalendar, Mermaid's entity codes, DOT's
 * escapes) and must give the name back.
 */
class PlanExportTest {

    /** Markdown, HTML, Mermaid, DOT, CSV, Cypher and iCalendar syntax in one name, with a line break. */
    static final String HOSTILE = "=C# & <b>*Bold* _it_</b> #1; [a](b) | ~x~ `c` \\ \"q\" 'p',;\nnext line";

    /** The diagram labels of the plan's two steps and its goal, on one line each. */
    private static final List<String> LABELS =
            List.of("Tool " + oneLine(HOSTILE), "Topic " + oneLine(HOSTILE) + " (1 h)", "Goal " + oneLine(HOSTILE));

    private static GraphNode node(String id, Kind kind, String name, Double hours, String url) {
        return new GraphNode(
                id, kind, name, null, null, List.of(), hours, null, url, null, null, null, null, null, null, null, null,
                null, null, "seed");
    }

    private static LearningPaths paths() {
        List<GraphNode> nodes = List.of(
                node("goal", Kind.TOPIC, "Goal " + HOSTILE, 3.0, null),
                node("topic", Kind.TOPIC, "Topic " + HOSTILE, 1.0, null),
                node("tool", Kind.TOOL, "Tool " + HOSTILE, null, null),
                node("book", Kind.RESOURCE, "Book " + HOSTILE, null, "https://example.org/a_(b) c<d>"));
        List<GraphEdge> edges = List.of(
                new GraphEdge("goal", RelType.REQUIRES, "topic", "because " + HOSTILE, "hard"),
                new GraphEdge("topic", RelType.REQUIRES, "tool", "uses it", "hard"),
                GraphEdge.of("book", RelType.TEACHES, "topic"));
        return new LearningPaths(RoadmapGraph.of(nodes, edges));
    }

    private static LearningPlan plan() {
        return paths().plan("goal", Set.of(), Optional.of(1));
    }

    private static String oneLine(String text) {
        return text.replace("\n", " ");
    }

    @Test
    void markdownReadsBackAsTheNamesAndCountsInWords() {
        String markdown = PlanExport.render(plan(), PlanFormat.MARKDOWN);
        String text = TextContentRenderer.builder()
                .build()
                .render(Parser.builder().build().parse(markdown));

        assertThat(text)
                .contains("Learning plan: Goal " + oneLine(HOSTILE))
                .contains("Topic " + oneLine(HOSTILE) + " (1 h)")
                .contains("Tool " + oneLine(HOSTILE) + "\n")
                .contains("needed by Goal " + oneLine(HOSTILE) + ": because " + oneLine(HOSTILE))
                .contains("Book " + oneLine(HOSTILE));
        assertThat(markdown)
                .startsWith("# Learning plan: ")
                .contains("2 steps, 1 hour, about 1 week at 1 h/week.")
                .contains("(<https://example.org/a_(b)%20c%3Cd%3E>)")
                .doesNotContain("0 h");
        // The only headings are the plan's own: no name turned into one.
        assertThat(markdown.lines().filter(l -> l.startsWith("#")))
                .allMatch(l -> l.startsWith("# Learning plan") || l.startsWith("## "));
    }

    private static List<CSVRecord> csv(LearningPlan plan) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(PlanExport.render(plan, PlanFormat.CSV)))
                .getRecords();
    }

    @Test
    void csvReadsBackAsTheNamesWithFormulasDefused() throws IOException {
        List<CSVRecord> rows = csv(plan());

        assertThat(rows).extracting(r -> r.get("name")).containsExactly("Tool " + HOSTILE, "Topic " + HOSTILE);
        assertThat(rows).extracting(r -> r.get("hours")).containsExactly("", "1");
    }

    @Test
    void mermaidLabelsDecodeToTheNamesOnOneLine() {
        String mermaid = PlanExport.render(plan(), PlanFormat.MERMAID);
        List<String> labels = matches(mermaid, "\\[\"([^\"\\n]*)\"\\]");

        assertThat(labels).extracting(PlanExportTest::decodeMermaid).containsExactlyElementsOf(LABELS);
        assertThat(labels).allMatch(l -> !l.matches(".*[<>`].*"));
    }

    @Test
    void dotLabelsDecodeToTheNamesOnOneLine() {
        String dot = PlanExport.render(plan(), PlanFormat.DOT);
        List<String> labels = matches(dot, "label=\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

        assertThat(labels).extracting(PlanExportTest::decodeDot).containsExactlyElementsOf(LABELS);
    }

    @Test
    void cypherKeepsTheNameInItsFirstLineComment() {
        String cypher = PlanExport.render(plan(), PlanFormat.CYPHER);

        assertThat(cypher.lines()).hasSize(5);
        assertThat(cypher.lines().findFirst().orElseThrow())
                .isEqualTo("// Learning plan for Goal " + oneLine(HOSTILE)
                        + ": 2 steps, 1 hour. Paste into Neo4j Browser.");
        assertThat(cypher).contains("WITH ['tool', 'topic', 'goal'] AS ids");
    }

    @Test
    void theCalendarParsesBackWithOneEventPerWeeklyMilestone() throws Exception {
        LearningPlan plan = plan();
        String ics = PlanExport.render(plan, PlanFormat.ICS, LocalDate.of(2026, 11, 30));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(plan.milestones().size());
        VEvent first = events.get(0);
        assertThat(first.getSummary().getValue())
                .isEqualTo("Week 1 of 1 toward Goal " + oneLine(HOSTILE) + ": Tool " + oneLine(HOSTILE) + ", Topic "
                        + oneLine(HOSTILE));
        assertThat(first.getDescription().getValue()).contains("https://example.org/a_(b) c<d>", "1 of 1 hour done");
        assertThat(first.getStartDate().orElseThrow().getValue()).isEqualTo("20261130");
        assertThat(first.getEndDate().orElseThrow().getValue()).isEqualTo("20261207");
        assertThat(ics).contains("\r\n").doesNotContainPattern("[^\r]\n");
        assertThat(ics.lines()).allMatch(l -> l.getBytes(StandardCharsets.UTF_8).length <= 75);
        assertThat(PlanExport.render(plan, PlanFormat.ICS, LocalDate.of(2026, 11, 30)))
                .as("the same plan gives the same event UIDs")
                .contains(first.getUid().orElseThrow().getValue());
    }

    /** A second, independent reader: Python's icalendar (Debian's python3-icalendar, which .ci/run installs). */
    @Test
    void theCalendarParsesInPythonsIcalendar(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeThat(Files.isExecutable(python)).as("/usr/bin/python3 exists").isTrue();
        Path file = dir.resolve("plan.ics");
        Files.writeString(file, PlanExport.render(plan(), PlanFormat.ICS, LocalDate.of(2026, 11, 30)));
        Path script = dir.resolve("read.py");
        Files.writeString(
                script,
                """
                import sys
                try:
                    import icalendar
                except ImportError:
                    print("NO-ICALENDAR"); sys.exit(0)
                cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                for e in cal.walk('VEVENT'):
                    print(e.get('DTSTART').dt.isoformat(), e.get('DTEND').dt.isoformat(), str(e.get('SUMMARY')))
                """);
        Process process = new ProcessBuilder(python.toString(), script.toString(), file.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeThat(out).as("python3-icalendar is installed").doesNotContain("NO-ICALENDAR");
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out.strip())
                .isEqualTo("2026-11-30 2026-12-07 Week 1 of 1 toward Goal " + oneLine(HOSTILE) + ": Tool "
                        + oneLine(HOSTILE) + ", Topic " + oneLine(HOSTILE));
    }

    @Test
    void aPlanOfStepsWithoutHoursStillTakesAWeek() {
        LearningPlan plan = paths().plan("topic", Set.of(), Optional.of(10));

        assertThat(plan.steps()).extracting(LearningPlan.Step::id).containsExactly("tool");
        assertThat(plan.totalHours()).isZero();
        assertThat(plan.etaWeeks()).isEqualTo(1);
        assertThat(plan.milestones()).extracting(LearningPlan.Milestone::week).containsExactly(1);
        assertThat(PlanExport.render(plan, PlanFormat.MARKDOWN))
                .contains("1 step, 0 hours, about 1 week at 10 h/week.");
    }

    @Test
    void aPlanForSeveralGoalsDrawsEachGoalOnce() throws IOException {
        LearningPlan plan = paths().plan(List.of("goal", "topic"), Set.of(), Optional.empty());

        assertThat(plan.steps()).extracting(LearningPlan.Step::id).containsExactly("tool", "topic");
        String mermaid = PlanExport.render(plan, PlanFormat.MERMAID);
        assertThat(matches(mermaid, "(?m)^  (n\\d+)[\\[(]")).containsExactly("n0", "n1", "n2");
        assertThat(mermaid).contains("  class n2,n1 goal\n");
        String markdown = PlanExport.render(plan, PlanFormat.MARKDOWN);
        assertThat(markdown).contains("\n## Goal\n").contains("  - for goal, topic\n");
        assertThat(csv(plan)).extracting(r -> r.get("goals")).containsExactly("goal topic", "goal");
    }

    private static List<String> matches(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String decodeMermaid(String label) {
        return Pattern.compile("#(\\d+);")
                .matcher(label)
                .replaceAll(m -> Character.toString(Integer.parseInt(m.group(1))));
    }

    /** DOT: inside quotes only \" is an escape; a label then reads \\ as one backslash. */
    private static String decodeDot(String label) {
        return label.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
