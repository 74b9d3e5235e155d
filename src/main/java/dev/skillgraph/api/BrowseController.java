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

    void roadmap(Context ctx) {
        String id = ctx.pathParam("id");
        reads.json(ctx, projection -> Answers.roadmap(id, projection));
    }

    void stages(Context ctx) {
        reads.json(ctx, projection -> new NodeCatalog(projection.paths()).stages());
    }

    void careers(Context ctx) {
        reads.json(ctx, projection -> new NodeCatalog(projection.paths()).careers());
    }
}
