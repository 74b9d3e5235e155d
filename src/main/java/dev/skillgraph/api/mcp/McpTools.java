package dev.skillgraph.api.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.api.Answers;
import dev.skillgraph.api.QueryParams;
import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.path.LearningPlan;
import dev.skillgraph.path.PlanFormat;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.projection.ProjectionManager;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SkillGraph's questions as read-only MCP tools. Each tool renames its arguments to the REST API's parameters and
 * asks {@link Answers}, the code path behind {@code /api}: the structured result is the REST answer's JSON, the text a
 * readable summary of it, and an error is a tool error with the problem's detail text.
 */
final class McpTools {

    private static final Logger LOG = LoggerFactory.getLogger(McpTools.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final String IDS =
            """
            {"type": "array", "items": {"type": "string", "minLength": 1}, "maxItems": 500,
             "description": "Ids the learner already knows (from search). What they hard-require counts as known too."}""";
    private static final String PACE =
            """
            {"type": "integer", "minimum": 1, "maximum": 168,
             "description": "Hours a week the learner can spend; adds an ETA in weeks and weekly milestones."}""";

    private final ProjectionManager projections;
    private final ObjectMapper mapper;
    private final McpJsonMapper jsonMapper;

    McpTools(ProjectionManager projections, ObjectMapper mapper, McpJsonMapper jsonMapper) {
        this.projections = projections;
        this.mapper = mapper;
        this.jsonMapper = jsonMapper;
    }

    List<SyncToolSpecification> all() {
        return List.of(
                tool(
                        "search",
                        "Find nodes of the learning-roadmap graph (roadmaps, topics, tools, learning resources, stages,"
                                + " careers, FAQ answers) by free text. Typo-tolerant and synonym-aware ('transfomer', 'k8s'"
                                + " work). Use it first to turn a learner's words into node ids, which every other"
                                + " tool takes. With 'known', each hit says how many steps and hours away it is.",
                        """
                        {"type": "object", "additionalProperties": false, "required": ["query"], "properties": {
                          "query": {"type": "string", "minLength": 1, "maxLength": 500, "description": "Plain text."},
                          "kind": {"type": "string", "enum": ["topic", "tool", "resource", "stage", "career", "faq", "roadmap"]},
                          "stage": {"type": "string", "description": "Only hits in this stage (a stage id)."},
                          "roadmap": {"type": "string", "description": "Only hits on this roadmap (a roadmap id, e.g. data-scientist-roadmap; see the roadmaps resource)."},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
                          "known": %s,
                          "reachable": {"type": "boolean", "description": "With known: only what can be learned now."}
                        }}"""
                                .formatted(IDS),
                        args -> projection -> Answers.search(params(args, Map.of("query", "q")), projection),
                        McpText::search),
                tool(
                        "get_node",
                        "Everything about one node by id: summary, description, its direct prerequisites with the"
                                + " reason for each, what depends on it, tools, learning resources with links,"
                                + " careers, and for a tool the topics practised with it. Use after search.",
                        """
                        {"type": "object", "additionalProperties": false, "required": ["id"], "properties": {
                          "id": {"type": "string", "minLength": 1, "description": "A node id from search."}
                        }}""",
                        args -> projection -> Answers.node(id(args, "id"), projection),
                        McpText::node),
                tool(
                        "learning_path",
                        "Answers 'what must I learn before X?': every prerequisite not yet known, in an order where"
                                + " each comes after its own prerequisites, with hours, the reason it is needed and"
                                + " resources. Give 'id' for one goal or 'goals' for one combined plan toward several."
                                + " Pass what the learner knows in 'known'.",
                        plan("[]", """
                                "hoursPerWeek": %s""".formatted(PACE)),
                        args -> projection -> plan(args, projection),
                        McpText::plan),
                tool(
                        "next_topics",
                        "Answers 'what can I learn next?': topics and tools whose prerequisites are all known,"
                                + " ranked by how much they unlock, or with a goal by how much of the goal's plan"
                                + " they open up.",
                        """
                        {"type": "object", "additionalProperties": false, "properties": {
                          "known": %s,
                          "goal": {"type": "string", "description": "A goal id: only steps toward it."},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}
                        }}"""
                                .formatted(IDS),
                        args -> projection -> Answers.next(params(args, Map.of()), projection),
                        McpText::next),
                tool(
                        "unlocks",
                        "Answers 'what does X open up?': every topic that depends on X (nearest first), the careers"
                                + " it leads to, and for a tool the topics practised with it.",
                        """
                        {"type": "object", "additionalProperties": false, "required": ["id"], "properties": {
                          "id": {"type": "string", "minLength": 1, "description": "A node id from search."}
                        }}""",
                        args -> projection -> Answers.unlocks(id(args, "id"), projection),
                        McpText::unlocks),
                tool(
                        "shortest_chain",
                        "The shortest chain of prerequisites leading from A up to B, each link with its reason:"
                                + " why B needs A. An error says so when B does not depend on A.",
                        """
                        {"type": "object", "additionalProperties": false, "required": ["from", "to"], "properties": {
                          "from": {"type": "string", "minLength": 1, "description": "The prerequisite end (an id)."},
                          "to": {"type": "string", "minLength": 1, "description": "The goal end (an id)."}
                        }}""",
                        args -> projection -> Answers.chain(params(args, Map.of()), projection),
                        McpText::chain),
                tool(
                        "export_plan",
                        "A learning plan as a document to hand to the learner: a Markdown checklist, a Mermaid or"
                                + " Graphviz DOT diagram, CSV, a Cypher query that draws it in Neo4j Browser, or an"
                                + " iCalendar file with one event per week (needs hoursPerWeek).",
                        plan(
                                "[\"format\"]",
                                """
                                "hoursPerWeek": %s,
                                "format": {"type": "string", "enum": ["markdown", "mermaid", "dot", "csv", "cypher", "ics"]},
                                "start": {"type": "string", "format": "date", "description": "ics: first day, YYYY-MM-DD."}"""
                                        .formatted(PACE)),
                        args -> projection -> export(args, projection),
                        McpText::export));
    }

    /**
     * The input schema of a plan tool: one goal or several, what is known, and {@code more} properties.
     *
     * @param required the JSON array of required property names
     */
    private static String plan(String required, String more) {
        return """
                {"type": "object", "additionalProperties": false, "required": %s, "properties": {
                  "id": {"type": "string", "minLength": 1, "description": "The goal's id (or give goals)."},
                  "goals": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1,
                            "maxItems": 500, "description": "Several goal ids for one combined plan (or give id)."},
                  "known": %s,
                  %s
                }}"""
                .formatted(required, IDS, more);
    }

    private static LearningPlan plan(Map<String, Object> args, Projection projection) {
        QueryParams params = params(args, Map.of());
        boolean one = args.get("id") != null;
        if (one == (args.get("goals") != null)) {
            throw SkillGraphException.invalidParameter(
                    "id",
                    one
                            ? "give either 'id' (one goal) or 'goals' (several), not both"
                            : "give 'id' (one goal) or 'goals' (several goals for one plan)");
        }
        return one ? Answers.plan(id(args, "id"), params, projection) : Answers.planForGoals(params, projection);
    }

    private static Answers.Export export(Map<String, Object> args, Projection projection) {
        Answers.ExportRequest request = Answers.exportRequest(params(args, Map.of()));
        if (request.format() == PlanFormat.JSON) {
            throw SkillGraphException.invalidParameter(
                    "format", "give a document format; learning_path gives the JSON");
        }
        return request.render(plan(args, projection));
    }

    private static String id(Map<String, Object> args, String name) {
        Object value = args.get(name);
        if (!(value instanceof String id) || id.isBlank()) {
            throw SkillGraphException.invalidParameter(name, "'" + name + "' must be a node id, e.g. from search");
        }
        return QueryParams.requireUnicode(name, id.strip());
    }

    /** The tool's arguments as the REST parameters, {@code renamed} where the tool names them differently. */
    private static QueryParams params(Map<String, Object> args, Map<String, String> renamed) {
        Map<String, Object> params = new HashMap<>();
        args.forEach((name, value) -> params.put(renamed.getOrDefault(name, name), value));
        return QueryParams.of(params);
    }

    private SyncToolSpecification tool(
            String name,
            String description,
            String inputSchema,
            Function<Map<String, Object>, Function<Projection, Object>> answer,
            Function<Object, String> text) {
        Tool tool = Tool.builder(name, jsonMapper, inputSchema)
                .description(description)
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) ->
                        call(name, answer.apply(request.arguments() == null ? Map.of() : request.arguments()), text))
                .build();
    }

    private CallToolResult call(String name, Function<Projection, Object> answer, Function<Object, String> text) {
        try {
            Object value = projections.apply(answer);
            return CallToolResult.builder()
                    .addTextContent(text.apply(value))
                    .structuredContent(mapper.convertValue(value, MAP))
                    .build();
        } catch (SkillGraphException e) {
            return CallToolResult.builder()
                    .addTextContent(e.getMessage())
                    .isError(true)
                    .build();
        } catch (RuntimeException e) {
            LOG.warn("MCP tool {} failed", name, e);
            return CallToolResult.builder()
                    .addTextContent("SkillGraph could not answer ("
                            + e.getClass().getSimpleName() + "); the service log has the details")
                    .isError(true)
                    .build();
        }
    }
}
