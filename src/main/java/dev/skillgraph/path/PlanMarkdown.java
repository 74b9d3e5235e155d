package dev.skillgraph.path;

import static dev.skillgraph.path.PlanExport.count;

import dev.skillgraph.domain.Hours;
import dev.skillgraph.domain.NodeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A plan as a CommonMark checklist grouped by stage, with hours, reasons and resource links. */
final class PlanMarkdown {

    private PlanMarkdown() {}

    static String render(LearningPlan plan) {
        StringBuilder md = new StringBuilder();
        md.append("# Learning plan: ").append(text(PlanExport.goalNames(plan))).append("\n\n");
        md.append(count(plan.steps().size(), "step")).append(", ").append(PlanExport.hours(plan.totalHours()));
        if (plan.etaWeeks() != null) {
            md.append(", about ")
                    .append(count(plan.etaWeeks(), "week"))
                    .append(" at ")
                    .append(plan.hoursPerWeek())
                    .append(" h/week");
        }
        md.append(".\n");
        if (!plan.known().isEmpty()) {
            md.append("\nAlready known: ")
                    .append(plan.known().stream().map(r -> text(r.name())).collect(Collectors.joining(", ")))
                    .append(".\n");
        }
        if (!plan.assumedKnown().isEmpty()) {
            md.append("\nKnown through what they build on: ")
                    .append(plan.assumedKnown().stream()
                            .map(a -> text(a.name()) + " (for " + String.join(", ", a.impliedBy()) + ")")
                            .collect(Collectors.joining(", ")))
                    .append(".\n");
        }
        if (plan.message() != null) {
            md.append("\n").append(text(plan.message())).append(".\n");
        }
        Map<String, List<LearningPlan.Step>> byStage = new LinkedHashMap<>();
        for (LearningPlan.Step step : plan.steps()) {
            String heading = step.stage() == null
                    ? "Tools and other prerequisites"
                    : "Stage " + step.stage().order() + ": " + text(step.stage().name());
            byStage.computeIfAbsent(heading, k -> new ArrayList<>()).add(step);
        }
        byStage.forEach((heading, steps) -> {
            md.append("\n## ").append(heading);
            if (steps.stream().anyMatch(s -> s.hours() != null)) {
                double hours = steps.stream()
                        .map(LearningPlan.Step::hours)
                        .filter(Objects::nonNull)
                        .mapToDouble(Double::doubleValue)
                        .sum();
                md.append(" (").append(Hours.text(hours)).append(" h)");
            }
            md.append("\n\n");
            steps.forEach(step -> step(md, step));
        });
        Set<String> stepIds = plan.steps().stream().map(LearningPlan.Step::id).collect(Collectors.toSet());
        List<NodeRef> goals =
                plan.targets().stream().filter(g -> !stepIds.contains(g.id())).toList();
        if (!goals.isEmpty()) {
            md.append("\n## ").append(goals.size() == 1 ? "Goal" : "Goals").append("\n\n");
            goals.forEach(g -> md.append("- [ ] **").append(text(g.name())).append("**\n"));
        }
        return md.toString();
    }

    private static void step(StringBuilder md, LearningPlan.Step step) {
        md.append("- [ ] **").append(text(step.name())).append("**");
        if (step.hours() != null) {
            md.append(" (").append(Hours.text(step.hours())).append(" h)");
        }
        if (step.summary() != null) {
            md.append(": ").append(text(step.summary()));
        }
        md.append("\n");
        if (step.goals() != null && !step.goals().isEmpty()) {
            md.append("  - for ").append(text(String.join(", ", step.goals()))).append("\n");
        }
        for (LearningPlan.Why why : step.why()) {
            md.append("  - needed by ").append(text(why.name()));
            if (why.reason() != null) {
                md.append(": ").append(text(why.reason()));
            }
            md.append("\n");
        }
        for (LearningPlan.Resource r : step.resources()) {
            md.append("  - [")
                    .append(text(r.name()))
                    .append("](")
                    .append(destination(r.url()))
                    .append(")");
            if (r.format() != null) {
                md.append(" (").append(text(r.format())).append(")");
            }
            md.append("\n");
        }
    }

    /**
     * Inline text: on one line, with a backslash before every character CommonMark (and GitHub's tables and
     * strikethrough) could read as syntax. CommonMark lets any ASCII punctuation be escaped so; the set here is the
     * punctuation that can open or close an inline construct or a block where a name can stand.
     */
    static String text(String text) {
        return PlanExport.oneLine(text.strip()).replaceAll("([\\\\`*_\\[\\]<>#|~&!])", "\\\\$1");
    }

    /** A link destination in angle brackets, which may hold spaces and parentheses but no angle brackets. */
    private static String destination(@Nullable String url) {
        String safe = url == null ? "" : url.strip();
        return "<" + safe.replace("<", "%3C").replace(">", "%3E").replaceAll("\\s", "%20") + ">";
    }
}
