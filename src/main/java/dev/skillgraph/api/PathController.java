package dev.skillgraph.api;

import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.path.LearningPlan;
import dev.skillgraph.path.PlanExport;
import dev.skillgraph.path.PlanFormat;
import dev.skillgraph.projection.Projection;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Learning paths: the plan for one goal or several (in seven formats), the shortest chain, the frontier, what a node
 * unlocks.
 */
final class PathController {

    private static final List<String> FORMATS =
            Arrays.stream(PlanFormat.values()).map(PlanFormat::key).toList();

    private final ProjectionReads reads;

    PathController(ProjectionReads reads) {
        this.reads = reads;
    }

    /** {@code GET /api/learning-path/{id}}. */
    void plan(Context ctx) {
        String id = ctx.pathParam("id");
        send(ctx, "plan-" + id, projection -> {
            ProjectionReads.requireNode(projection, id, "node");
            return projection.paths().plan(id, QueryParams.ids(ctx, "known"), pace(ctx));
        });
    }

    /** {@code GET /api/learning-path}: one plan for {@code goals=a,b}, or the chain {@code from=A&to=B}. */
    void plans(Context ctx) {
        boolean chain = QueryParams.optionalText(ctx, "from", 200).isPresent()
                || QueryParams.optionalText(ctx, "to", 200).isPresent();
        Set<String> goals = QueryParams.ids(ctx, "goals");
        if (goals.isEmpty() && chain) {
            for (String planOnly : List.of("known", "hoursPerWeek", "format", "start")) {
                if (ctx.queryParam(planOnly) != null) {
                    throw SkillGraphException.badParameter(
                            planOnly,
                            "'" + planOnly + "' applies to plans (goals=a,b or /api/learning-path/{id}), not to the"
                                    + " chain from=A&to=B");
                }
            }
            chain(ctx);
            return;
        }
        if (chain) {
            throw SkillGraphException.badRequest(
                    "ask either for a plan toward goals=a,b or for the chain from=A&to=B, not both");
        }
        if (goals.isEmpty()) {
            throw SkillGraphException.badParameter(
                    "goals",
                    "query parameter 'goals' (a comma-separated list of ids) or both 'from' and 'to' are required");
        }
        List<String> ordered = List.copyOf(goals);
        String file = "plan-" + ordered.get(0) + (ordered.size() > 1 ? "-and-" + (ordered.size() - 1) + "-more" : "");
        send(ctx, file, projection -> {
            ordered.forEach(goal -> ProjectionReads.requireNode(projection, goal, "goal", "goals"));
            return projection.paths().plan(ordered, QueryParams.ids(ctx, "known"), pace(ctx));
        });
    }

    private void chain(Context ctx) {
        String from = QueryParams.requiredText(ctx, "from", 200);
        String to = QueryParams.requiredText(ctx, "to", 200);
        reads.json(ctx, projection -> {
            ProjectionReads.requireNode(projection, from, "node ('from')", "from");
            ProjectionReads.requireNode(projection, to, "node ('to')", "to");
            return projection.paths().chain(from, to);
        });
    }

    void next(Context ctx) {
        Set<String> known = QueryParams.ids(ctx, "known");
        Optional<String> goal = QueryParams.optionalText(ctx, "goal", 200);
        int limit = QueryParams.integer(ctx, "limit", 10, 1, 100);
        reads.json(ctx, projection -> {
            goal.ifPresent(g -> ProjectionReads.requireNode(projection, g, "goal", "goal"));
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

    /** Validates the format first (a 406 or 400 before any work), then sends the plan in it. */
    private void send(Context ctx, String fileName, Function<Projection, LearningPlan> plan) {
        PlanFormat format = format(ctx);
        Optional<Integer> pace = pace(ctx);
        LocalDate start = format == PlanFormat.ICS ? calendarStart(ctx, pace) : null;
        reads.send(ctx, start == null ? "" : "-" + start, projection -> {
            LearningPlan answer = plan.apply(projection);
            if (format == PlanFormat.JSON) {
                return () -> reads.writeJson(ctx, answer);
            }
            if (start != null
                    && answer.etaWeeks() != null
                    && start.plusWeeks(answer.etaWeeks()).getYear() > 9999) {
                throw SkillGraphException.badParameter(
                        "start",
                        "the plan's " + answer.etaWeeks() + " weeks from start=" + start
                                + " run past the year 9999; choose an earlier start");
            }
            String body = PlanExport.render(answer, format, start);
            return () -> {
                ctx.contentType(format.contentType()).result(body);
                ctx.header("Content-Disposition", "inline; filename=\"" + fileName + "." + format.extension() + "\"");
            };
        });
    }

    private static Optional<Integer> pace(Context ctx) {
        return QueryParams.optionalInteger(ctx, "hoursPerWeek", 1, 168);
    }

    /** {@code start=YYYY-MM-DD}, by default next Monday (UTC); a calendar also needs a pace. */
    private static LocalDate calendarStart(Context ctx, Optional<Integer> pace) {
        if (pace.isEmpty()) {
            throw SkillGraphException.badParameter(
                    "hoursPerWeek",
                    "format=ics lays the plan out week by week: give a pace, e.g. hoursPerWeek=10 (1 to 168)");
        }
        return QueryParams.optionalDate(ctx, "start")
                .orElseGet(() -> LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
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
}
