package dev.skillgraph.path;

import dev.skillgraph.domain.Hours;
import dev.skillgraph.domain.NodeRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link LearningPlan} as Markdown, Mermaid, Graphviz DOT, CSV, a Cypher query for Neo4j Browser or an
 * iCalendar file. Every format escapes what its own syntax needs, so a name from an imported pack cannot break the
 * document.
 */
public final class PlanExport {

    private PlanExport() {}

    /** The plan in {@code format}, for every format but {@link PlanFormat#ICS}, which needs a start date. */
    public static String render(LearningPlan plan, PlanFormat format) {
        return render(plan, format, null);
    }

    /**
     * The plan in {@code format}; JSON is the API's own serialisation and is not rendered here.
     *
     * @param calendarStart the Monday of week 1, for {@link PlanFormat#ICS}; ignored by the other formats
     * @throws IllegalArgumentException for JSON, or for ICS without a start date or a plan without a pace
     */
    public static String render(LearningPlan plan, PlanFormat format, @Nullable LocalDate calendarStart) {
        return switch (format) {
            case MARKDOWN -> PlanMarkdown.render(plan);
            case MERMAID -> PlanDiagrams.mermaid(plan);
            case DOT -> PlanDiagrams.dot(plan);
            case CSV -> csv(plan);
            case CYPHER -> cypher(plan);
            case ICS -> {
                if (calendarStart == null) {
                    throw new IllegalArgumentException("a calendar needs the date of its first week");
                }
                yield PlanCalendar.render(plan, calendarStart);
            }
            case JSON -> throw new IllegalArgumentException("JSON is serialised by the API");
        };
    }

    /** One row per step, RFC 4180 quoting; {@code goals} lists the goals needing it in a plan for several goals. */
    static String csv(LearningPlan plan) {
        StringBuilder out =
                new StringBuilder("position,id,kind,name,stage,hours,prerequisites,needed_by,resources,goals\r\n");
        for (LearningPlan.Step s : plan.steps()) {
            out.append(String.join(
                            ",",
                            Integer.toString(s.position()),
                            csvField(s.id()),
                            csvField(s.kind()),
                            csvField(s.name()),
                            csvField(s.stage() == null ? "" : s.stage().name()),
                            s.hours() == null ? "" : Hours.text(s.hours()),
                            csvField(String.join(" ", s.prerequisites())),
                            csvField(s.why().stream()
                                    .map(LearningPlan.Why::neededBy)
                                    .collect(Collectors.joining(" "))),
                            csvField(s.resources().stream()
                                    .map(LearningPlan.Resource::url)
                                    .collect(Collectors.joining(" "))),
                            csvField(s.goals() == null ? "" : String.join(" ", s.goals()))))
                    .append("\r\n");
        }
        return out.toString();
    }

    /**
     * A query with no parameters that, pasted into Neo4j Browser, draws exactly the plan's subgraph: its steps, the
     * goals, and the REQUIRES relationships among them. Ids are written as escaped string literals; names appear only
     * in the first line's comment, on one line.
     */
    static String cypher(LearningPlan plan) {
        List<String> ids = new ArrayList<>();
        plan.steps().forEach(s -> ids.add(s.id()));
        plan.targets().stream().map(NodeRef::id).filter(id -> !ids.contains(id)).forEach(ids::add);
        String list = ids.stream().map(PlanExport::cypherString).collect(Collectors.joining(", "));
        return """
                // Learning plan for %s: %s, %s. Paste into Neo4j Browser.
                WITH [%s] AS ids
                MATCH (n:Entity) WHERE n.id IN ids
                OPTIONAL MATCH (n)-[r:REQUIRES]->(m:Entity) WHERE m.id IN ids
                RETURN n, r, m
                """
                .formatted(
                        oneLine(goalNames(plan)), count(plan.steps().size(), "step"), hours(plan.totalHours()), list);
    }

    /** [prerequisite, dependent] for every REQUIRES link among the plan's steps and its goals. */
    static List<String[]> links(LearningPlan plan) {
        List<String[]> links = new ArrayList<>();
        for (LearningPlan.Step step : plan.steps()) {
            for (LearningPlan.Why why : step.why()) {
                links.add(new String[] {step.id(), why.neededBy()});
            }
        }
        return links;
    }

    /** The goals' names joined by ", ". */
    static String goalNames(LearningPlan plan) {
        return plan.targets().stream().map(NodeRef::name).collect(Collectors.joining(", "));
    }

    /** "1 step", "2 steps". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code 1 hour}, {@code 0.5 hours}, {@code 12 hours}. */
    static String hours(double hours) {
        String text = Hours.text(hours);
        return text + (text.equals("1") ? " hour" : " hours");
    }

    /** Line breaks and tabs as single spaces: a name is one line in every format. */
    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ");
    }

    private static String csvField(String text) {
        // A leading =, +, - or @ would run as a formula in a spreadsheet: neutralise it.
        String safe = text.matches("(?s)[=+\\-@\\t\\r].*") ? "'" + text : text;
        return safe.matches("(?s).*[\",\\r\\n].*") || safe.startsWith(" ")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }

    private static String cypherString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
