package dev.skillgraph.api;

import io.javalin.http.Context;

/**
 * {@code /api/search} and {@code /api/suggest}: the request's parameters to {@link Answers}, its record as JSON, kept
 * for the same request on the same graph ({@link AnswerCache}).
 */
final class SearchController {

    private final ProjectionReads reads;

    SearchController(ProjectionReads reads) {
        this.reads = reads;
    }

    void search(Context ctx) {
        QueryParams params = QueryParams.of(ctx);
        reads.cachedJson(ctx, projection -> Answers.search(params, projection));
    }

    void suggest(Context ctx) {
        QueryParams params = QueryParams.of(ctx);
        reads.cachedJson(ctx, projection -> Answers.suggest(params, projection));
    }
}
