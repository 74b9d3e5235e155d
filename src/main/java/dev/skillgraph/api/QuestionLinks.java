package dev.skillgraph.api;

import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.path.LearningPaths;
import dev.skillgraph.path.Reach;
import dev.skillgraph.search.SearchResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The request that answers a learning-path question typed into search ({@link SearchResult.Question#href}), and what
 * the plan behind it will say when it has nothing to learn. Shared by the REST API and the MCP tools through {@link
 * Answers#search}.
 */
final class QuestionLinks {

    private QuestionLinks() {}

    /**
     * {@code result} with the request that answers its learning-path question, if it asks one: the learning path to
     * its goal or goals, what its node unlocks, or what can be learned next; with what the request's {@code known}
     * and the text say the learner knows. A learning path whose goals the learner already knows says so in the notice
     * ("how do i get from rag to python": RAG requires Python), as the plan itself does: it has no steps.
     */
    static SearchResult linked(SearchResult result, Set<String> known, LearningPaths paths) {
        SearchResult.Question question = result.question();
        if (question == null) {
            return result;
        }
        Set<String> knowing = new LinkedHashSet<>(known);
        if (question.known() != null) {
            knowing.addAll(question.known());
        }
        SearchResult answer = result.withQuestion(question.withHref(href(question, knowing)));
        String knownAlready = question.asks().equals("learning-path") && !knowing.isEmpty()
                ? knownAlready(question.about(), knowing, paths.reach(knowing))
                : null;
        return knownAlready == null
                ? answer
                : answer.withNotice(answer.notice() == null ? knownAlready : answer.notice() + "; " + knownAlready);
    }

    /** The path and query of the request that answers {@code question}, for a learner who knows {@code knowing}. */
    private static String href(SearchResult.Question question, Set<String> knowing) {
        String knownParam = knowing.isEmpty() ? "" : "known=" + encoded(knowing);
        return switch (question.asks()) {
            case "unlocks" -> "/api/unlocks/" + encoded(List.of(question.id()));
            case "next" -> "/api/next" + (knowing.isEmpty() ? "" : "?" + knownParam);
            default -> question.about().size() > 1
                    ? "/api/learning-path?goals="
                            + encoded(question.about().stream().map(NodeRef::id).toList())
                            + (knowing.isEmpty() ? "" : "&" + knownParam)
                    : "/api/learning-path/" + encoded(List.of(question.id()))
                            + (knowing.isEmpty() ? "" : "?" + knownParam);
        };
    }

    /**
     * What to tell when the learner knows every one of {@code goals} already, said known or as a prerequisite of what
     * they know ({@code reach}, of {@code knowing}); null when some goal is left to learn.
     */
    private static @Nullable String knownAlready(List<NodeRef> goals, Set<String> knowing, Reach reach) {
        if (!goals.stream().allMatch(goal -> reach.knows(goal.id()))) {
            return null;
        }
        String names = goals.stream().map(NodeRef::name).collect(Collectors.joining(" and "));
        return (goals.stream().allMatch(goal -> knowing.contains(goal.id()))
                        ? "you know " + names + " already"
                        : names + (goals.size() > 1 ? " are" : " is")
                                + " already known, as a prerequisite of what you know ("
                                + String.join(", ", knowing) + ")")
                + ": question.href's plan has nothing to learn";
    }

    /** {@code ids} joined by commas, URL-encoded. */
    private static String encoded(Collection<String> ids) {
        return URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8);
    }
}
