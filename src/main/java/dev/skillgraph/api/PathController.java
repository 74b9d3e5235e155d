package dev.skillgraph.api;

import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.path.LearningPlan;
import dev.skillgraph.path.PlanExport;
import dev.skillgraph.path.PlanFormat;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Learning paths: the plan for a goal (in six formats), the shortest chain, the frontier, what a node unlocks. */
final class PathController {

    private static final List<String> FORMATS =
            Arrays.stream(PlanFormat.values()).map(PlanFormat::key).toList();

    private final ProjectionReads reads;

    PathController(ProjectionReads reads) {
        this.reads = reads;
    }

    void plan(Context ctx) {
        String id = ctx.pathParam("id");
        Set<String> known = QueryParams.ids(ctx, "known");
        Optional<Integer> pace = QueryParams.optionalInteger(ctx, "hoursPerWeek", 1, 168);
        PlanFormat format = format(ctx);
        reads.send(ctx, projection -> {
            ProjectionReads.requireNode(projection, id, "node");
            LearningPlan plan = projection.paths().plan(id, known, pace);
            if (format == PlanFormat.JSON) {
                return () -> reads.writeJson(ctx, plan);
            }
            String body = PlanExport.render(plan, format);
            return () -> {
                ctx.contentType(format.contentType()).result(body);
                ctx.header("Content-Disposition", "inline; filename=\"plan-" + id + "." + extension(format) + "\"");
            };
        });
    }

    void chain(Context ctx) {
        String from = QueryParams.requiredText(ctx, "from", 200);
        String to = QueryParams.requiredText(ctx, "to", 200);
        reads.json(ctx, projection -> {
            ProjectionReads.requireNode(projection, from, "node ('from')");
            ProjectionReads.requireNode(projection, to, "node ('to')");
            return projection.paths().chain(from, to);
        });
    }

    void next(Context ctx) {
        Set<String> known = QueryParams.ids(ctx, "known");
        Optional<String> goal = QueryParams.optionalText(ctx, "goal", 200);
        int limit = QueryParams.integer(ctx, "limit", 10, 1, 100);
        reads.json(ctx, projection -> {
            goal.ifPresent(g -> ProjectionReads.requireNode(projection, g, "goal"));
            return projection.paths().next(known, goal, limit);
        });
    }

    void unlocks(Context ctx) {
        String id = ctx.pathParam("id");
        reads.json(ctx, projection -> {
            ProjectionReads.requireNode(projection, id, "node");
            return projection.paths().unlocks(id);
        });
    }

    /** {@code format=} wins; otherwise JSON. An unknown format is a 406 naming the ones there are. */
    private static PlanFormat format(Context ctx) {
        String value = ctx.queryParam("format");
        if (value == null || value.isBlank()) {
            return PlanFormat.JSON;
        }
        return PlanFormat.fromKey(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new SkillGraphException(
                        SkillGraphException.Reason.NOT_ACCEPTABLE,
                        "format '" + QueryParams.abbreviate(value) + "' is not supported; use one of " + FORMATS));
    }

    private static String extension(PlanFormat format) {
        return switch (format) {
            case MARKDOWN -> "md";
            case MERMAID -> "mmd";
            case DOT -> "dot";
            case CSV -> "csv";
            case CYPHER -> "cypher";
            case JSON -> "json";
        };
    }
}
