package dev.skillgraph.api.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.api.Answers;
import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.path.NodeCatalog;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.projection.ProjectionManager;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The roadmaps as MCP resources (the list, one roadmap with its stages and topics, every stage, careers, any node by id)
 * and a planning prompt.
 */
final class McpResources {

    static final String ROADMAP = "skillgraph://roadmap";
    static final String CAREERS = "skillgraph://careers";
    static final String NODE = "skillgraph://nodes/";
    static final String ROADMAPS = "skillgraph://roadmaps";

    private final ProjectionManager projections;
    private final ObjectMapper mapper;

    McpResources(ProjectionManager projections, ObjectMapper mapper) {
        this.projections = projections;
        this.mapper = mapper;
    }

    List<SyncResourceSpecification> resources() {
        return List.of(
                resource(
                        ROADMAPS,
                        "roadmaps",
                        "Every roadmap (Machine Learning Engineer, Data Scientist, ...): summary, audience, duration,"
                                + " difficulty, stage and topic counts, topics shared with other roadmaps, total hours"
                                + " (the JSON of GET /api/roadmaps).",
                        Answers::roadmaps),
                resource(
                        ROADMAP,
                        "stages",
                        "Every roadmap's stages in order, each with its topics, hours and the careers it leads to"
                                + " (the JSON of GET /api/stages).",
                        projection -> new NodeCatalog(projection.paths()).stages()),
                resource(
                        CAREERS,
                        "careers",
                        "The careers the roadmap leads to, each with what it requires and the hours of its full plan"
                                + " (the JSON of GET /api/careers).",
                        projection -> new NodeCatalog(projection.paths()).careers()));
    }

    List<SyncResourceTemplateSpecification> templates() {
        return List.of(
                new SyncResourceTemplateSpecification(
                        ResourceTemplate.builder(ROADMAPS + "/{id}", "roadmap")
                                .description("One roadmap by id with its stages in order and their topics (the JSON"
                                        + " of GET /api/roadmaps/{id}).")
                                .mimeType("application/json")
                                .build(),
                        (exchange, request) -> read(
                                request.uri(),
                                projection ->
                                        Answers.roadmap(request.uri().substring(ROADMAPS.length() + 1), projection))),
                new SyncResourceTemplateSpecification(
                        ResourceTemplate.builder(NODE + "{id}", "node")
                                .description(
                                        "One node by id with its prerequisites, dependents, tools, resources and careers"
                                                + " (the JSON of GET /api/nodes/{id}).")
                                .mimeType("application/json")
                                .build(),
                        (exchange, request) -> read(
                                request.uri(),
                                projection -> Answers.node(request.uri().substring(NODE.length()), projection))));
    }

    List<SyncPromptSpecification> prompts() {
        return List.of(new SyncPromptSpecification(
                Prompt.builder("plan-my-learning")
                        .description("Plan my learning toward a goal, given what I already know.")
                        .arguments(List.of(
                                PromptArgument.builder("goal")
                                        .description("What I want to learn, in my own words")
                                        .required(true)
                                        .build(),
                                PromptArgument.builder("known")
                                        .description("What I already know, comma-separated, in my own words")
                                        .required(false)
                                        .build()))
                        .build(),
                (exchange, request) -> {
                    Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
                    Object goal = args.get("goal");
                    Object known = args.get("known");
                    if (goal == null || goal.toString().isBlank()) {
                        throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                                .message("the prompt needs 'goal': what you want to learn")
                                .build();
                    }
                    String text =
                            """
                            I want to learn: %s.
                            I already know: %s.

                            Use SkillGraph's tools to plan my learning. First call search for my goal and for each \
                            thing I know, to find their node ids. Then call learning_path with the goal's id and \
                            what I know as 'known', and next_topics with the same 'known' and the goal. Explain the \
                            plan in order: each step, why it is needed, its hours and one resource, and say what I \
                            should start with this week."""
                                    .formatted(
                                            goal,
                                            known == null || known.toString().isBlank() ? "nothing yet" : known);
                    return GetPromptResult.builder(List.of(PromptMessage.builder(
                                            Role.USER, TextContent.builder(text).build())
                                    .build()))
                            .description("Plan my learning toward " + goal)
                            .build();
                }));
    }

    private SyncResourceSpecification resource(
            String uri, String name, String description, Function<Projection, Object> content) {
        return new SyncResourceSpecification(
                Resource.builder(uri, name)
                        .description(description)
                        .mimeType("application/json")
                        .build(),
                (exchange, request) -> read(uri, content));
    }

    private ReadResourceResult read(String uri, Function<Projection, Object> content) {
        try {
            String json = mapper.writeValueAsString(projections.apply(content));
            return ReadResourceResult.builder(List.of(TextResourceContents.builder(uri, json)
                            .mimeType("application/json")
                            .build()))
                    .build();
        } catch (SkillGraphException e) {
            throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                    .message(e.getMessage())
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the resource as JSON", e);
        }
    }
}
