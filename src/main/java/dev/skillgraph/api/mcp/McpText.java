package dev.skillgraph.api.mcp;

import dev.skillgraph.api.Answers;
import dev.skillgraph.domain.Hours;
import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.path.LearningPlan;
import dev.skillgraph.path.NextSteps;
import dev.skillgraph.path.NodeDetails;
import dev.skillgraph.path.PlanExport;
import dev.skillgraph.path.PlanFormat;
import dev.skillgraph.path.PrerequisiteChain;
import dev.skillgraph.path.Unlocks;
import dev.skillgraph.search.SearchResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The readable text of each tool's answer, for a model or a person reading the transcript; the structured result
 * carries the full answer.
 */
final class McpText {

    private McpText() {}

    static String search(Object answer) {
        SearchResult result = (SearchResult) answer;
        StringBuilder text = new StringBuilder(result.total() + " results for '" + result.query() + "'");
        if (result.didYouMean() != null) {
            text.append(" (did you mean '").append(result.didYouMean()).append("'?)");
        }
        if (result.notice() != null) {
            text.append(" (").append(result.notice()).append(')');
        }
        text.append(result.hits().isEmpty() ? "." : ":");
        SearchResult.Question question = result.question();
        if (question != null) {
            String nodes = question.about().stream()
                    .map(node -> node.name() + " [id " + node.id() + "]")
                    .collect(Collectors.joining(" and "));
            String ids = question.about().stream().map(NodeRef::id).collect(Collectors.joining(","));
            // What the learner knows, from the request and the text alike: the href's known= (ids have no '&').
            String href = question.href() == null ? "" : question.href();
            String known = href.contains("known=")
                    ? URLDecoder.decode(href.substring(href.indexOf("known=") + 6), StandardCharsets.UTF_8)
                    : "";
            text.append(
                    switch (question.asks()) {
                        case "unlocks" -> "\nThis asks what " + nodes + " unlocks: call unlocks with that id";
                        case "next" -> question.about().isEmpty()
                                ? "\nThis asks what can be learned next: call next_topics with known "
                                        + (known.isEmpty() ? "set to the ids of what the learner knows" : known)
                                : "\nThis asks what can be learned next, knowing " + nodes
                                        + ": call next_topics with known " + known;
                        default -> "\nThis asks what to learn "
                                + ("career".equals(question.kind()) ? "for the career " : "before ") + nodes
                                + ": call learning_path with "
                                + (question.about().size() > 1 ? "goals " + ids : "that id")
                                + (known.isEmpty() ? "" : " and known " + known);
                    });
            text.append(" for its answer.");
        }
        int n = 1;
        for (SearchResult.Hit hit : result.hits()) {
            text.append("\n")
                    .append(n++)
                    .append(". ")
                    .append(hit.name())
                    .append(" [")
                    .append(hit.kind());
            text.append(", id ").append(hit.id()).append("]");
            if (hit.stepsAway() != null) {
                text.append(
                        hit.stepsAway() == 0
                                ? " - can be learned now"
                                : " - " + hit.stepsAway() + " steps ("
                                        + Hours.text(java.util.Objects.requireNonNullElse(hit.hoursAway(), 0.0))
                                        + " h) away");
            }
            if (hit.summary() != null) {
                text.append(": ").append(hit.summary());
            }
            if (hit.missing() != null) {
                text.append(" (missing: ")
                        .append(String.join(", ", hit.missing()))
                        .append(')');
            } else if (hit.similarity() != null && hit.highlights().isEmpty()) {
                text.append(" (close in meaning)");
            }
        }
        return text.toString();
    }

    static String node(Object answer) {
        NodeDetails node = (NodeDetails) answer;
        StringBuilder text = new StringBuilder(node.name() + " [" + node.kind() + ", id " + node.id() + "]");
        if (node.summary() != null) {
            text.append(": ").append(node.summary());
        }
        if (node.hours() != null) {
            text.append("\nAbout ").append(Hours.text(node.hours())).append(" h to learn.");
        }
        if (node.prerequisites() != null && !node.prerequisites().isEmpty()) {
            text.append("\nPrerequisites: ")
                    .append(node.prerequisites().stream()
                            .map(p -> p.name() + " (" + p.id() + (p.reason() == null ? "" : ": " + p.reason()) + ")")
                            .collect(Collectors.joining("; ")));
        }
        line(text, "Needed by", node.dependents());
        line(text, "Tools", node.tools());
        if (node.usedBy() != null && !node.usedBy().isEmpty()) {
            text.append("\nUsed in: ")
                    .append(node.usedBy().stream()
                            .map(u -> u.name() + " (" + u.id() + ")")
                            .collect(Collectors.joining(", ")));
        }
        if (node.resources() != null && !node.resources().isEmpty()) {
            text.append("\nResources: ")
                    .append(node.resources().stream()
                            .map(r -> r.name() + " <" + r.url() + ">")
                            .collect(Collectors.joining(", ")));
        }
        line(text, "Careers", node.careers());
        return text.toString();
    }

    /** The plan as the Markdown checklist of {@code format=markdown}. */
    static String plan(Object answer) {
        return PlanExport.render((LearningPlan) answer, PlanFormat.MARKDOWN);
    }

    static String next(Object answer) {
        NextSteps next = (NextSteps) answer;
        if (next.next().isEmpty()) {
            return "Nothing can be learned next"
                    + (next.goal() == null ? "." : " toward " + next.goal().name() + ": it is known already.");
        }
        StringBuilder text = new StringBuilder("Can be learned now"
                + (next.goal() == null ? "" : " toward " + next.goal().name()) + ", best first:");
        int n = 1;
        for (NextSteps.Candidate c : next.next()) {
            text.append("\n")
                    .append(n++)
                    .append(". ")
                    .append(c.name())
                    .append(" [")
                    .append(c.id())
                    .append("]");
            text.append(" - unlocks ").append(c.unlocks());
            if (c.towardGoal() != null) {
                text.append(", opens ").append(c.towardGoal()).append(" steps toward the goal");
            }
        }
        if (!next.assumedKnown().isEmpty()) {
            text.append("\nKnown through what you know: ")
                    .append(next.assumedKnown().stream()
                            .map(LearningPlan.Assumed::name)
                            .collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    static String unlocks(Object answer) {
        Unlocks unlocks = (Unlocks) answer;
        StringBuilder text = new StringBuilder("Knowing " + unlocks.node().name() + " opens up "
                + unlocks.dependents().size() + " nodes");
        text.append(unlocks.dependents().isEmpty() ? "." : ", nearest first: ");
        text.append(unlocks.dependents().stream()
                .map(d -> d.name() + " (" + d.distance() + ")")
                .collect(Collectors.joining(", ")));
        line(text, "Careers", unlocks.careers());
        if (unlocks.usedBy() != null && !unlocks.usedBy().isEmpty()) {
            text.append("\nUsed in: ")
                    .append(unlocks.usedBy().stream().map(u -> u.name()).collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    static String chain(Object answer) {
        PrerequisiteChain chain = (PrerequisiteChain) answer;
        return chain.chain().stream()
                .map(l -> l.name() + (l.reason() == null ? "" : " (" + l.reason() + ")"))
                .collect(Collectors.joining(" -> "));
    }

    static String export(Object answer) {
        return Objects.requireNonNull(((Answers.Export) answer).body(), "an export has a body");
    }

    private static void line(StringBuilder text, String label, List<NodeRef> refs) {
        if (refs != null && !refs.isEmpty()) {
            text.append("\n")
                    .append(label)
                    .append(": ")
                    .append(refs.stream()
                            .map(r -> r.name() + " (" + r.id() + ")")
                            .collect(Collectors.joining(", ")));
        }
    }
}
