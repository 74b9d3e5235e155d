package dev.skillgraph.api;

import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.path.LearningPlan;
import dev.skillgraph.path.PlanFormat;
import dev.skillgraph.projection.Projection;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Learning paths over HTTP: the plan for one goal or several (in seven formats), the shortest chain, the frontier,
 * what a node unlocks. The answers come from {@link Answers}; this class does the HTTP around them.
 */
final class PathController {

    private final ProjectionReads reads;

    PathController(ProjectionReads reads) {
        this.reads = reads;
    }

    /** {@code GET /api/learning-path/{id}}. */
    void plan(Context ctx) {
        String id = ctx.pathParam("id");
        QueryParams params = QueryParams.of(ctx);
        send(ctx, params, projection -> Answers.plan(id, params, projection));
    }

    /** {@code GET /api/learning-path}: one plan for {@code goals=a,b}, or the chain {@code from=A&to=B}. */
    void plans(Context ctx) {
        QueryParams params = QueryParams.of(ctx);
        boolean chain = params.optionalText("from", 200).isPresent()
                || params.optionalText("to", 200).isPresent();
        Set<String> goals = params.ids("goals");
        if (goals.isEmpty() && chain) {
            for (String planOnly : List.of("known", "hoursPerWeek", "format", "start")) {
                if (params.first(planOnly) != null) {
                    throw SkillGraphException.invalidParameter(
                            planOnly,
                            "'" + planOnly + "' applies to plans (goals=a,b or /api/learning-path/{id}), not to the"
                                    + " chain from=A&to=B");
                }
            }
            reads.json(ctx, projection -> Answers.chain(params, projection));
            return;
        }
        if (chain) {
            throw SkillGraphException.invalidInput(
                    "ask either for a plan toward goals=a,b or for the chain from=A&to=B, not both");
        }
        if (goals.isEmpty()) {
            throw SkillGraphException.invalidParameter(
                    "goals",
                    "query parameter 'goals' (a comma-separated list of ids) or both 'from' and 'to' are required");
        }
        send(ctx, params, projection -> Answers.planForGoals(params, projection));
    }

    void next(Context ctx) {
        QueryParams params = QueryParams.of(ctx);
        reads.json(ctx, projection -> Answers.next(params, projection));
    }

    void unlocks(Context ctx) {
        String id = ctx.pathParam("id");
        reads.json(ctx, projection -> Answers.unlocks(id, projection));
    }

    /** Checks the format first (a 406 or 400 before any work), then sends the plan in it. */
    private void send(Context ctx, QueryParams params, Function<Projection, LearningPlan> plan) {
        Answers.ExportRequest export = Answers.exportRequest(params);
        // A calendar's body also depends on its start (by default next Monday): the ETag names it.
        String etagSuffix = export.start() == null ? "" : "-" + export.start();
        reads.send(ctx, etagSuffix, projection -> {
            LearningPlan answer = plan.apply(projection);
            if (export.format() == PlanFormat.JSON) {
                return () -> reads.writeJson(ctx, answer);
            }
            Answers.Export rendered = export.render(answer);
            return () -> {
                ctx.contentType(rendered.format().contentType()).result(rendered.body());
                ctx.header("Content-Disposition", "inline; filename=\"" + rendered.fileName() + "\"");
            };
        });
    }
}
