package dev.skillgraph.api;

import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.graph.Kind;
import dev.skillgraph.path.Reach;
import dev.skillgraph.search.SearchIndex;
import dev.skillgraph.search.SearchQuery;
import dev.skillgraph.search.SearchResult;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** {@code /api/search} and {@code /api/suggest}: parse, validate, ask the index, return its record. */
final class SearchController {

    private static final int MAX_SUGGEST_LENGTH = 100;

    private final ProjectionReads reads;

    SearchController(ProjectionReads reads) {
        this.reads = reads;
    }

    void search(Context ctx) {
        String text = QueryParams.requiredText(ctx, "q", SearchIndex.MAX_QUERY_LENGTH);
        Optional<Kind> kind = QueryParams.oneOf(
                ctx, "kind", Arrays.stream(Kind.values()).map(Kind::key).toList(), Kind::fromKey);
        Optional<String> stage = QueryParams.optionalText(ctx, "stage", 200);
        int limit = QueryParams.integer(ctx, "limit", 10, 1, 100);
        int offset = QueryParams.integer(ctx, "offset", 0, 0, 10_000);
        Set<String> known = QueryParams.ids(ctx, "known");
        boolean reachable = QueryParams.flag(ctx, "reachable");
        if (reachable && known.isEmpty()) {
            throw SkillGraphException.badParameter(
                    "reachable",
                    "reachable=true keeps what you can learn now given what you know: give 'known' too, e.g."
                            + " known=python");
        }
        reads.json(ctx, projection -> {
            stage.ifPresent(id -> {
                boolean isStage = projection
                        .graph()
                        .node(id)
                        .filter(n -> n.kind() == Kind.STAGE)
                        .isPresent();
                if (!isStage) {
                    throw SkillGraphException.badParameter(
                            "stage",
                            "query parameter 'stage' must be a stage id, one of "
                                    + projection.graph().nodes().stream()
                                            .filter(n -> n.kind() == Kind.STAGE)
                                            .map(n -> n.id())
                                            .sorted()
                                            .toList()
                                    + ", got '" + QueryParams.abbreviate(id) + "'");
                }
            });
            if (known.isEmpty()) {
                return projection.index().search(new SearchQuery(text, kind, stage, limit, offset));
            }
            Reach reach = projection.paths().reach(known);
            Optional<Set<String>> only = reachable ? Optional.of(reach.learnableNow()) : Optional.empty();
            SearchResult result = projection.index().search(new SearchQuery(text, kind, stage, only, limit, offset));
            return result.withHits(result.hits().stream()
                    .map(hit -> reach.of(hit.id())
                            .map(d -> hit.withDistance(d.steps(), d.hours()))
                            .orElse(hit))
                    .toList());
        });
    }

    void suggest(Context ctx) {
        String text = QueryParams.requiredText(ctx, "q", MAX_SUGGEST_LENGTH);
        int limit = QueryParams.integer(ctx, "limit", 8, 1, 20);
        reads.json(
                ctx, projection -> new SuggestResponse(text, projection.index().suggest(text, limit)));
    }
}
