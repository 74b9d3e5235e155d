package dev.skillgraph.path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link LearningPlan} as Markdown, Mermaid, Graphviz DOT, CSV or a Cypher query for Neo4j Browser. */
public final class PlanExport {

    private PlanExport() {}

    /** The plan in {@code format}; JSON is the API's own serialisation and is not rendered here. */
    public static String render(LearningPlan plan, PlanFormat format) {
        return switch (format) {
            case MARKDOWN -> markdown(plan);
            case MERMAID -> mermaid(plan);
            case DOT -> dot(plan);
            case CSV -> csv(plan);
            case CYPHER -> cypher(plan);
            case JSON -> throw new IllegalArgumentException("JSON is serialised by the API");
        };
    }

    /** A checklist grouped by stage, with hours, reasons and resource links. */
    static String markdown(LearningPlan plan) {
        StringBuilder md = new StringBuilder();
        md.append("# Learning plan: ").append(plan.goal().name()).append("\n\n");
        md.append(plan.steps().size())
                .append(" steps, ")
                .append(plan.totalHours())
                .append(" hours");
        if (plan.etaWeeks() != null) {
            md.append(", about ")
                    .append(plan.etaWeeks())
                    .append(" weeks at ")
                    .append(plan.hoursPerWeek())
                    .append(" h/week");
        }
        md.append(".\n");
        if (!plan.known().isEmpty()) {
            md.append("\nAlready known: ").append(names(plan.known())).append(".\n");
        }
        if (!plan.assumedKnown().isEmpty()) {
            md.append("Assumed known through those: ")
                    .append(names(plan.assumedKnown()))
                    .append(".\n");
        }
        if (plan.message() != null) {
            md.append("\n").append(plan.message()).append(".\n");
        }
        Map<String, List<LearningPlan.Step>> byStage = new LinkedHashMap<>();
        for (LearningPlan.Step step : plan.steps()) {
            String heading = step.stage() == null
                    ? "Tools"
                    : "Stage " + step.stage().order() + ": " + step.stage().name();
            byStage.computeIfAbsent(heading, k -> new ArrayList<>()).add(step);
        }
        byStage.forEach((heading, steps) -> {
            int hours = steps.stream()
                    .mapToInt(s -> s.hours() == null ? 0 : s.hours())
                    .sum();
            md.append("\n## ").append(heading).append(" (").append(hours).append(" h)\n\n");
            for (LearningPlan.Step step : steps) {
                md.append("- [ ] **").append(escapeMarkdown(step.name())).append("**");
                if (step.hours() != null) {
                    md.append(" (").append(step.hours()).append(" h)");
                }
                if (step.summary() != null) {
                    md.append(": ").append(escapeMarkdown(step.summary()));
                }
                md.append("\n");
                for (LearningPlan.Why why : step.why()) {
                    md.append("  - needed by ").append(escapeMarkdown(why.name()));
                    if (why.reason() != null) {
                        md.append(": ").append(escapeMarkdown(why.reason()));
                    }
                    md.append("\n");
                }
                for (LearningPlan.Resource r : step.resources()) {
                    md.append("  - [")
                            .append(escapeMarkdown(r.name()))
                            .append("](")
                            .append(r.url())
                            .append(")");
                    if (r.format() != null) {
                        md.append(" (").append(r.format()).append(")");
                    }
                    md.append("\n");
                }
            }
        });
        md.append("\n## Goal\n\n- [ ] **")
                .append(escapeMarkdown(plan.goal().name()))
                .append("**\n");
        return md.toString();
    }

    /** A top-down flowchart: one node per step plus the goal, one edge per prerequisite link among them. */
    static String mermaid(LearningPlan plan) {
        StringBuilder out = new StringBuilder("flowchart TD\n");
        Map<String, String> ids = nodeIds(plan);
        for (LearningPlan.Step step : plan.steps()) {
            out.append("  ")
                    .append(ids.get(step.id()))
                    .append("[\"")
                    .append(mermaidText(label(step)))
                    .append("\"]\n");
        }
        out.append("  ")
                .append(ids.get(plan.goal().id()))
                .append("([\"")
                .append(mermaidText(plan.goal().name()))
                .append("\"])\n");
        for (String[] link : links(plan)) {
            out.append("  ")
                    .append(ids.get(link[0]))
                    .append(" --> ")
                    .append(ids.get(link[1]))
                    .append("\n");
        }
        out.append("  classDef goal fill:#ffe8a3,stroke:#b8860b\n");
        out.append("  class ").append(ids.get(plan.goal().id())).append(" goal\n");
        return out.toString();
    }

    /** Graphviz: prerequisites left of what needs them, the goal highlighted. */
    static String dot(LearningPlan plan) {
        StringBuilder out = new StringBuilder("digraph plan {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
        for (LearningPlan.Step step : plan.steps()) {
            out.append("  ")
                    .append(quote(step.id()))
                    .append(" [label=")
                    .append(quote(label(step)))
                    .append("];\n");
        }
        out.append("  ")
                .append(quote(plan.goal().id()))
                .append(" [label=")
                .append(quote(plan.goal().name()))
                .append(", style=\"rounded,filled\", fillcolor=\"#ffe8a3\"];\n");
        for (String[] link : links(plan)) {
            out.append("  ")
                    .append(quote(link[0]))
                    .append(" -> ")
                    .append(quote(link[1]))
                    .append(";\n");
        }
        return out.append("}\n").toString();
    }

    /** One row per step, RFC 4180 quoting. */
    static String csv(LearningPlan plan) {
        StringBuilder out =
                new StringBuilder("position,id,kind,name,stage,hours,prerequisites,needed_by,resources\r\n");
        for (LearningPlan.Step s : plan.steps()) {
            out.append(String.join(
                            ",",
                            Integer.toString(s.position()),
                            csvField(s.id()),
                            csvField(s.kind()),
                            csvField(s.name()),
                            csvField(s.stage() == null ? "" : s.stage().name()),
                            s.hours() == null ? "" : Integer.toString(s.hours()),
                            csvField(String.join(" ", s.prerequisites())),
                            csvField(s.why().stream()
                                    .map(LearningPlan.Why::neededBy)
                                    .collect(Collectors.joining(" "))),
                            csvField(s.resources().stream()
                                    .map(LearningPlan.Resource::url)
                                    .collect(Collectors.joining(" ")))))
                    .append("\r\n");
        }
        return out.toString();
    }

    /**
     * A query with no parameters that, pasted into Neo4j Browser, draws exactly the plan's subgraph: its steps, the
     * goal, and the REQUIRES relationships among them. Ids are written as escaped string literals.
     */
    static String cypher(LearningPlan plan) {
        List<String> ids = new ArrayList<>();
        plan.steps().forEach(s -> ids.add(s.id()));
        ids.add(plan.goal().id());
        String list = ids.stream().map(PlanExport::cypherString).collect(Collectors.joining(", "));
        return """
                // Learning plan for %s: %d steps, %d hours. Paste into Neo4j Browser.
                WITH [%s] AS ids
                MATCH (n:Entity) WHERE n.id IN ids
                OPTIONAL MATCH (n)-[r:REQUIRES]->(m:Entity) WHERE m.id IN ids
                RETURN n, r, m
                """
                .formatted(
                        plan.goal().name().replaceAll("[\\r\\n]", " "),
                        plan.steps().size(),
                        plan.totalHours(),
                        list);
    }

    /** [prerequisite, dependent] for every REQUIRES link among the plan's steps and its goal. */
    static List<String[]> links(LearningPlan plan) {
        List<String[]> links = new ArrayList<>();
        for (LearningPlan.Step step : plan.steps()) {
            for (LearningPlan.Why why : step.why()) {
                links.add(new String[] {step.id(), why.neededBy()});
            }
        }
        return links;
    }

    private static Map<String, String> nodeIds(LearningPlan plan) {
        Map<String, String> ids = new LinkedHashMap<>();
        plan.steps().forEach(s -> ids.put(s.id(), "n" + ids.size()));
        ids.putIfAbsent(plan.goal().id(), "n" + ids.size());
        return ids;
    }

    private static String label(LearningPlan.Step step) {
        return step.hours() == null ? step.name() : step.name() + " (" + step.hours() + " h)";
    }

    private static String names(List<NodeRef> refs) {
        return refs.stream().map(NodeRef::name).collect(Collectors.joining(", "));
    }

    private static String escapeMarkdown(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }

    private static String mermaidText(String text) {
        return text.replace("\"", "#quot;").replaceAll("[\\r\\n]", " ");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]", " ") + "\"";
    }

    private static String csvField(String text) {
        // A leading =, +, - or @ would run as a formula in a spreadsheet: neutralise it.
        String safe = text.matches("(?s)[=+\\-@].*") ? "'" + text : text;
        return safe.matches("(?s).*[\",\\r\\n].*") || safe.startsWith(" ")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }

    private static String cypherString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
