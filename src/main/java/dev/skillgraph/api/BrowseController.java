package dev.skillgraph.api;

import dev.skillgraph.path.NodeCatalog;
import io.javalin.http.Context;

/** Browsing over HTTP: the roadmaps, one node ({@code /api/nodes/{id}}), the stages and the careers. */
final class BrowseController {

    private final ProjectionReads reads;

    BrowseController(ProjectionReads reads) {
        this.reads = reads;
    }

    void node(Context ctx) {
        String id = ctx.pathParam("id");
        reads.json(ctx, projection -> Answers.node(id, projection));
    }

    void roadmaps(Context ctx) {
        reads.json(ctx, Answers::roadmaps);
    }

    /** One roadmap; with {@code format=case}, as a CASE 1.1 package to download. */
    void roadmap(Context ctx) {
        String id = ctx.pathParam("id");
        if (Answers.wantsCase(QueryParams.of(ctx))) {
            String baseUrl = ctx.scheme() + "://" + ctx.host();
            ctx.header("Content-Disposition", "attachment; filename=\"" + id + ".case.json\"");
            reads.json(ctx, projection -> Answers.roadmapAsCase(id, baseUrl, projection));
        } else {
            reads.json(ctx, projection -> Answers.roadmap(id, projection));
        }
    }

    void stages(Context ctx) {
        reads.json(ctx, projection -> new NodeCatalog(projection.paths()).stages());
    }

    void careers(Context ctx) {
        reads.json(ctx, projection -> new NodeCatalog(projection.paths()).careers());
    }
}
