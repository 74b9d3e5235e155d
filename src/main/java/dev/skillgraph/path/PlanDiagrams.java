package dev.skillgraph.path;

import dev.skillgraph.domain.Hours;
import dev.skillgraph.domain.NodeRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A plan drawn as a Mermaid flowchart or a Graphviz DOT digraph: one box per step and goal, one arrow per link. */
final class PlanDiagrams {

    private PlanDiagrams() {}

    /** A top-down flowchart: one node per step plus each goal, one edge per prerequisite link among them. */
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
        Set<String> steps = stepIds(plan);
        for (NodeRef goal : plan.targets()) {
            if (!steps.contains(goal.id())) {
                out.append("  ")
                        .append(ids.get(goal.id()))
                        .append("([\"")
                        .append(mermaidText(goal.name()))
                        .append("\"])\n");
            }
        }
        for (String[] link : PlanExport.links(plan)) {
            out.append("  ")
                    .append(ids.get(link[0]))
                    .append(" --> ")
                    .append(ids.get(link[1]))
                    .append("\n");
        }
        out.append("  classDef goal fill:#ffe8a3,stroke:#b8860b\n");
        out.append("  class ")
                .append(plan.targets().stream().map(g -> ids.get(g.id())).collect(Collectors.joining(",")))
                .append(" goal\n");
        return out.toString();
    }

    /** Graphviz: prerequisites left of what needs them, the goals highlighted. */
    static String dot(LearningPlan plan) {
        StringBuilder out = new StringBuilder("digraph plan {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
        Set<String> goals = plan.targets().stream().map(NodeRef::id).collect(Collectors.toSet());
        String goalStyle = ", style=\"rounded,filled\", fillcolor=\"#ffe8a3\"";
        for (LearningPlan.Step step : plan.steps()) {
            out.append("  ")
                    .append(dotString(step.id()))
                    .append(" [label=")
                    .append(dotString(label(step)))
                    .append(goals.contains(step.id()) ? goalStyle : "")
                    .append("];\n");
        }
        Set<String> steps = stepIds(plan);
        for (NodeRef goal : plan.targets()) {
            if (!steps.contains(goal.id())) {
                out.append("  ")
                        .append(dotString(goal.id()))
                        .append(" [label=")
                        .append(dotString(goal.name()))
                        .append(goalStyle)
                        .append("];\n");
            }
        }
        for (String[] link : PlanExport.links(plan)) {
            out.append("  ")
                    .append(dotString(link[0]))
                    .append(" -> ")
                    .append(dotString(link[1]))
                    .append(";\n");
        }
        return out.append("}\n").toString();
    }

    private static Map<String, String> nodeIds(LearningPlan plan) {
        Map<String, String> ids = new LinkedHashMap<>();
        plan.steps().forEach(s -> ids.put(s.id(), "n" + ids.size()));
        plan.targets().forEach(g -> ids.putIfAbsent(g.id(), "n" + ids.size()));
        return ids;
    }

    private static Set<String> stepIds(LearningPlan plan) {
        return plan.steps().stream().map(LearningPlan.Step::id).collect(Collectors.toSet());
    }

    private static String label(LearningPlan.Step step) {
        return step.hours() == null ? step.name() : step.name() + " (" + Hours.text(step.hours()) + " h)";
    }

    /**
     * A Mermaid label inside {@code ["..."]}: Mermaid reads {@code #name;} and {@code #123;} as entity codes, so
     * {@code #}, the quote, angle brackets (HTML in labels) and the backtick (a Markdown string) are written as codes.
     */
    static String mermaidText(String text) {
        StringBuilder out = new StringBuilder();
        PlanExport.oneLine(text).codePoints().forEach(c -> {
            switch (c) {
                case '#', '"', '<', '>', '`', '&' -> out.append('#').append(c).append(';');
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * A DOT quoted string. In DOT only {@code \"} is an escape inside quotes, but labels then read backslash escapes
     * ({@code \n}, {@code \N}, {@code \\}), so a backslash is doubled to stay one backslash on the drawing.
     */
    static String dotString(String text) {
        return "\"" + PlanExport.oneLine(text).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
