package dev.skillgraph.api;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.path.CaseExport;
import dev.skillgraph.path.LearningPlan;
import dev.skillgraph.path.NextSteps;
import dev.skillgraph.path.NodeCatalog;
import dev.skillgraph.path.NodeDetails;
import dev.skillgraph.path.PlanExport;
import dev.skillgraph.path.PlanFormat;
import dev.skillgraph.path.PrerequisiteChain;
import dev.skillgraph.path.Reach;
import dev.skillgraph.path.RoadmapCatalog;
import dev.skillgraph.path.Unlocks;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.search.SearchIndex;
import dev.skillgraph.search.SearchQuery;
import dev.skillgraph.search.SearchResult;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The read questions SkillGraph answers, from validated parameters on one projection: the one code path behind both
 * the REST API and the MCP tools, so that both give the same answer and the same error text for the same input.
 */
public final class Answers {

    private static final int MAX_SUGGEST_LENGTH = 100;
    private static final DateTimeFormatter IMPORT_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> FORMATS =
            Arrays.stream(PlanFormat.values()).map(PlanFormat::key).toList();

    private Answers() {}

    /** {@code q}, {@code kind}, {@code stage}, {@code roadmap}, {@code limit}, {@code offset}, {@code known}, {@code reachable}. */
    public static SearchResult search(QueryParams params, Projection projection) {
        String text = params.requiredText("q", SearchIndex.MAX_QUERY_LENGTH);
        Optional<Kind> kind =
                params.oneOf("kind", Arrays.stream(Kind.values()).map(Kind::key).toList(), Kind::fromKey);
        Optional<String> stage = params.optionalText("stage", 200)
                .map(typed -> ProjectionReads.requireOfKind(projection, typed, Kind.STAGE, "stage"));
        Optional<String> roadmap = params.optionalText("roadmap", 200)
                .map(typed -> ProjectionReads.requireOfKind(projection, typed, Kind.ROADMAP, "roadmap"));
        int limit = params.integer("limit", 10, 1, 100);
        int offset = params.integer("offset", 0, 0, 10_000);
        Set<String> known = known(params, projection);
        boolean reachable = params.flag("reachable");
        if (reachable && known.isEmpty()) {
            throw SkillGraphException.invalidParameter(
                    "reachable",
                    "reachable=true keeps what you can learn now given what you know: give 'known' too, e.g."
                            + " known=python");
        }
        if (known.isEmpty()) {
            return QuestionLinks.linked(
                    projection
                            .index()
                            .search(new SearchQuery(text, kind, stage, roadmap, Optional.empty(), limit, offset)),
                    known,
                    projection.paths());
        }
        Reach reach = projection.paths().reach(known);
        Optional<Set<String>> only = reachable ? Optional.of(reach.learnableNow()) : Optional.empty();
        SearchResult result = QuestionLinks.linked(
                projection.index().search(new SearchQuery(text, kind, stage, roadmap, only, limit, offset)),
                known,
                projection.paths());
        return result.withHits(result.hits().stream()
                .map(hit -> reach.of(hit.id())
                        .map(d -> hit.withDistance(d.steps(), d.hours()))
                        .orElse(hit))
                .toList());
    }

    /** {@code q}, {@code limit}. */
    public static SuggestResponse suggest(QueryParams params, Projection projection) {
        String text = params.requiredText("q", MAX_SUGGEST_LENGTH);
        int limit = params.integer("limit", 8, 1, 20);
        return new SuggestResponse(text, projection.index().suggest(text, limit));
    }

    /** Every roadmap, by name. */
    public static List<RoadmapCatalog.Summary> roadmaps(Projection projection) {
        return new RoadmapCatalog(projection.paths()).roadmaps();
    }

    /** Roadmap {@code id} whole; a 404 naming the roadmaps there are when {@code id} is none of them. */
    public static RoadmapCatalog.Details roadmap(String id, Projection projection) {
        return new RoadmapCatalog(projection.paths()).roadmap(requireRoadmap(projection, id));
    }

    /**
     * Roadmap {@code id} as a CASE 1.1 package ({@link CaseExport}), its {@code uri}s under {@code baseUrl}.
     *
     * @throws SkillGraphException not found when {@code id} is not a roadmap
     */
    public static CaseExport.CfPackage roadmapAsCase(String id, String baseUrl, Projection projection) {
        return new CaseExport(projection.graph(), baseUrl, lastChange(projection))
                .export(requireRoadmap(projection, id));
    }

    /** When the graph last changed: the time its last import stamped, else when this projection was built. */
    private static Instant lastChange(Projection projection) {
        return projection
                .source()
                .importedVersion()
                .flatMap(version -> {
                    try {
                        return Optional.of(IMPORT_STAMP.parse(
                                version.substring(0, Math.min(16, version.length())), Instant::from));
                    } catch (DateTimeParseException e) {
                        return Optional.empty();
                    }
                })
                .orElse(projection.builtAt());
    }

    /** The roadmap formats: JSON (the default) or a CASE 1.1 package. */
    public static boolean wantsCase(QueryParams params) {
        String value = params.first("format");
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("json")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("case")) {
            return true;
        }
        throw SkillGraphException.of(
                SkillGraphException.Reason.UNSUPPORTED_FORMAT,
                "format '" + QueryParams.abbreviate(value)
                        + "' is not supported for a roadmap; use one of [json, case]");
    }

    /**
     * The id of the roadmap {@code typed} names; an id that differs only by case or separators names it too.
     *
     * @throws SkillGraphException not found, naming every roadmap, when {@code typed} names no roadmap
     */
    static String requireRoadmap(Projection projection, String typed) {
        String id = projection.graph().resolve(typed).orElse(typed);
        boolean isRoadmap = projection
                .graph()
                .node(id)
                .filter(n -> n.kind() == Kind.ROADMAP)
                .isPresent();
        if (!isRoadmap) {
            List<String> roadmaps = projection.graph().roadmaps();
            throw SkillGraphException.notFound(
                    null,
                    "no roadmap with id '" + QueryParams.abbreviate(typed) + "'; "
                            + (roadmaps.isEmpty() ? "this graph has no roadmaps" : "the roadmaps are " + roadmaps));
        }
        return id;
    }

    public static NodeDetails node(String id, Projection projection) {
        return new NodeCatalog(projection.paths()).details(ProjectionReads.requireNode(projection, id, "node"));
    }

    /** The plan toward {@code id}: {@code known}, {@code hoursPerWeek}. */
    public static LearningPlan plan(String id, QueryParams params, Projection projection) {
        return projection
                .paths()
                .plan(ProjectionReads.requireNode(projection, id, "node"), known(params, projection), pace(params));
    }

    /** One plan toward {@code goals} (required): {@code known}, {@code hoursPerWeek}. */
    public static LearningPlan planForGoals(QueryParams params, Projection projection) {
        List<String> goals = params.ids("goals").stream()
                .map(goal -> ProjectionReads.requireNode(projection, goal, "goal", "goals"))
                .distinct()
                .toList();
        if (goals.isEmpty()) {
            throw SkillGraphException.invalidParameter(
                    "goals", "query parameter 'goals' (a comma-separated list of ids) is required");
        }
        return projection.paths().plan(goals, known(params, projection), pace(params));
    }

    /** The shortest chain {@code from} up to {@code to}. */
    public static PrerequisiteChain chain(QueryParams params, Projection projection) {
        String from =
                ProjectionReads.requireNode(projection, params.requiredText("from", 200), "node ('from')", "from");
        String to = ProjectionReads.requireNode(projection, params.requiredText("to", 200), "node ('to')", "to");
        return projection.paths().chain(from, to);
    }

    /** {@code known}, {@code goal}, {@code limit}. */
    public static NextSteps next(QueryParams params, Projection projection) {
        Set<String> known = known(params, projection);
        Optional<String> goal =
                params.optionalText("goal", 200).map(g -> ProjectionReads.requireNode(projection, g, "goal", "goal"));
        int limit = params.integer("limit", 10, 1, 100);
        return projection.paths().next(known, goal, limit);
    }

    public static Unlocks unlocks(String id, Projection projection) {
        return projection.paths().unlocks(ProjectionReads.requireNode(projection, id, "node"));
    }

    /** The {@code known} ids, each as the node it names ({@link ProjectionReads#requireNodes}). */
    private static Set<String> known(QueryParams params, Projection projection) {
        return ProjectionReads.requireNodes(projection, params.ids("known"), "known");
    }

    /**
     * A plan rendered in an export format, with the name a downloaded file should get: {@code plan-<goal>.<ext>}, or
     * {@code plan-<first goal>-and-<n>-more.<ext>} for several goals.
     */
    public record Export(PlanFormat format, String fileName, @Nullable String body) {}

    /**
     * The export asked for by {@code format} (and for a calendar {@code start}); checked before any plan is made.
     *
     * @throws SkillGraphException not acceptable for an unknown format, bad parameter for a calendar without a pace
     */
    public static ExportRequest exportRequest(QueryParams params) {
        PlanFormat format = format(params);
        LocalDate start = format == PlanFormat.ICS ? calendarStart(params) : null;
        return new ExportRequest(format, start);
    }

    /** The format and, for a calendar, the first day of week 1. */
    public record ExportRequest(PlanFormat format, @Nullable LocalDate start) {

        /**
         * @throws SkillGraphException bad parameter {@code start} when a calendar would run past the year 9999
         */
        public Export render(LearningPlan plan) {
            if (start != null
                    && plan.etaWeeks() != null
                    && start.plusWeeks(plan.etaWeeks()).getYear() > 9999) {
                throw SkillGraphException.invalidParameter(
                        "start",
                        "the plan's " + plan.etaWeeks() + " weeks from start=" + start
                                + " run past the year 9999; choose an earlier start");
            }
            String body = format == PlanFormat.JSON ? null : PlanExport.render(plan, format, start);
            List<NodeRef> goals = plan.targets();
            String fileName =
                    "plan-" + goals.get(0).id() + (goals.size() > 1 ? "-and-" + (goals.size() - 1) + "-more" : "");
            return new Export(format, fileName + "." + format.extension(), body);
        }
    }

    private static Optional<Integer> pace(QueryParams params) {
        return params.optionalInteger("hoursPerWeek", 1, 168);
    }

    /** {@code start=YYYY-MM-DD}, by default next Monday (UTC); a calendar also needs a pace. */
    private static LocalDate calendarStart(QueryParams params) {
        if (pace(params).isEmpty()) {
            throw SkillGraphException.invalidParameter(
                    "hoursPerWeek",
                    "format=ics lays the plan out week by week: give a pace, e.g. hoursPerWeek=10 (1 to 168)");
        }
        return params.optionalDate("start")
                .orElseGet(() -> LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
    }

    /** {@code format=} wins; otherwise JSON. An unknown format is a 406 naming the ones there are. */
    private static PlanFormat format(QueryParams params) {
        String value = params.first("format");
        if (value == null || value.isBlank()) {
            return PlanFormat.JSON;
        }
        return PlanFormat.fromKey(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> SkillGraphException.of(
                        SkillGraphException.Reason.UNSUPPORTED_FORMAT,
                        "format '" + QueryParams.abbreviate(value) + "' is not supported; use one of " + FORMATS));
    }
}
