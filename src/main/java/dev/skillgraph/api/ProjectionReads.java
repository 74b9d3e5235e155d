package dev.skillgraph.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.projection.ProjectionManager;
import dev.skillgraph.search.SearchQuery;
import dev.skillgraph.search.SearchResult;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs one request against one projection: acquired and released in try/finally like a Lucene searcher, so an answer
 * never mixes two graph versions. Sets the version header and the ETag, and answers 304 when the client has it.
 */
final class ProjectionReads {

    static final String VERSION_HEADER = "X-Graph-Version";
    static final String STALE_HEADER = "X-Graph-Stale";

    /** How many unknown ids of a list a problem names, each with its "did you mean". */
    private static final int UNKNOWN_NAMED = 5;

    private final ProjectionManager manager;
    private final ObjectMapper mapper;
    private final AnswerCache answers;

    ProjectionReads(ProjectionManager manager, ObjectMapper mapper, AnswerCache answers) {
        this.manager = manager;
        this.mapper = mapper;
        this.answers = answers;
    }

    /** Computes the body on the current projection and sends it as JSON (or 304 if unchanged for the client). */
    void json(Context ctx, Function<Projection, Object> body) {
        send(ctx, projection -> {
            Object value = body.apply(projection);
            return () -> writeJson(ctx, value);
        });
    }

    /**
     * As {@link #json}, for an answer that depends only on the graph, its vectors and the request's path and
     * parameters: the encoded body is kept in the {@link AnswerCache} and sent again for the same request; the ETag
     * is the graph version and how many nodes have vectors.
     */
    void cachedJson(Context ctx, Function<Projection, Object> body) {
        // The ETag names the vectors too: while they are added in the background, the answer changes with them.
        send(ctx, projection -> "-" + projection.index().vectors(), projection -> {
            byte[] encoded = answers.get(
                    projection.version(),
                    projection.index().vectors(),
                    ctx.path(),
                    ctx.queryParamMap(),
                    () -> encode(body.apply(projection)));
            return () -> ctx.contentType(ContentType.APPLICATION_JSON).result(encoded);
        });
    }

    /**
     * Sends {@code value} as JSON, encoded straight to UTF-8 bytes: {@code ctx.json} builds a String first and encodes
     * it again, which for a large plan costs a third of the request.
     */
    void writeJson(Context ctx, Object value) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(encode(value));
    }

    private byte[] encode(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    /** Like {@link #json} for handlers that write the response themselves (e.g. other formats). */
    void send(Context ctx, Function<Projection, Runnable> handler) {
        send(ctx, "", handler);
    }

    /**
     * As {@link #send(Context, Function)}, for an answer that also depends on something other than the graph and the
     * URL (e.g. a calendar starting next Monday by default): {@code etagSuffix} names it, so the ETag changes with it.
     */
    void send(Context ctx, String etagSuffix, Function<Projection, Runnable> handler) {
        send(ctx, projection -> etagSuffix, handler);
    }

    /** As {@link #send(Context, String, Function)}, the ETag's suffix named by the projection the answer comes from. */
    private void send(Context ctx, Function<Projection, String> etagSuffix, Function<Projection, Runnable> handler) {
        manager.apply(projection -> {
            Runnable write = handler.apply(projection);
            String etag = "\"" + projection.version() + etagSuffix.apply(projection) + "\"";
            ctx.header(VERSION_HEADER, projection.version());
            ctx.header("ETag", etag);
            ctx.header("Cache-Control", "no-cache");
            if (manager.stale()) {
                // Neo4j did not answer the last freshness check: this answer may miss recent changes.
                ctx.header(STALE_HEADER, "true");
            }
            String ifNoneMatch = ctx.header("If-None-Match");
            if (ifNoneMatch != null
                    && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
                ctx.status(304);
                // A 304 has no body, so no type (RFC 9110 15.4.5); Javalin had set its default, text/plain.
                ctx.res().setContentType(null);
            } else {
                write.run();
            }
            return null;
        });
    }

    /** The current projection, for work that is not a GET answer (e.g. admin replies). */
    <T> T apply(Function<Projection, T> work) {
        return manager.apply(work);
    }

    /**
     * The id of the node {@code id} names (an id that differs only by case or separators names it too); else a 404
     * whose "did you mean" comes from searching names and aliases for the id's words; a blank id is a 400.
     *
     * @param parameter the query parameter that gave {@code id}, named in the problem; null for a path segment
     */
    static String requireNode(Projection projection, String id, String what, @Nullable String parameter) {
        if (id.isBlank()) {
            String message = "the " + what + " id is blank; give the id of a node, e.g. python";
            throw parameter == null
                    ? SkillGraphException.invalidInput(message)
                    : SkillGraphException.invalidParameter(parameter, message);
        }
        Optional<String> resolved = projection.graph().resolve(id);
        if (resolved.isPresent()) {
            return resolved.get();
        }
        List<String> close = closeMatches(projection, id);
        throw SkillGraphException.notFound(
                parameter,
                "no " + what + " with id '" + QueryParams.abbreviate(id) + "'"
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
    }

    /**
     * The ids of the nodes {@code ids} name, in their order ({@code Python} is {@code python}).
     *
     * @throws SkillGraphException bad parameter {@code parameter} naming the first {@value #UNKNOWN_NAMED} ids that
     *     name no node, each with the nodes its words find ({@code pandsa}: did you mean pandas?), and how many more
     *     there are: each "did you mean" is a search, and a long list of them must not cost seconds
     */
    static Set<String> requireNodes(Projection projection, Collection<String> ids, String parameter) {
        Set<String> nodes = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            projection.graph().resolve(id).ifPresentOrElse(nodes::add, () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (String id : unknown.subList(0, Math.min(unknown.size(), UNKNOWN_NAMED))) {
                List<String> close = closeMatches(projection, id);
                named.add(QueryParams.abbreviate(id)
                        + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)"));
            }
            int more = unknown.size() - named.size();
            throw SkillGraphException.invalidParameter(
                    parameter,
                    "'" + parameter + "' names "
                            + (unknown.size() == 1 ? "an id that does not exist: " : "ids that do not exist: ")
                            + String.join(", ", named)
                            + (more > 0 ? ", and " + more + " more" : ""));
        }
        return nodes;
    }

    /**
     * The id of the node of {@code kind} that {@code typed} names, as {@link #requireNode} resolves ids ({@code
     * Stage-0-Prerequisites}, {@code ML_Engineer_Roadmap}).
     *
     * @throws SkillGraphException bad parameter {@code parameter}, naming every node of that kind, when it names none
     */
    static String requireOfKind(Projection projection, String typed, Kind kind, String parameter) {
        Optional<String> id = projection.graph().resolve(typed, kind);
        if (id.isPresent()) {
            return id.get();
        }
        throw SkillGraphException.invalidParameter(
                parameter,
                "query parameter '" + parameter + "' must be a " + kind.key() + " id, one of "
                        + projection.graph().nodes().stream()
                                .filter(node -> node.kind() == kind)
                                .map(GraphNode::id)
                                .sorted()
                                .toList()
                        + ", got '" + QueryParams.abbreviate(typed) + "'");
    }

    /** As {@link #requireNode(Projection, String, String, String)} for a path segment. */
    static String requireNode(Projection projection, String id, String what) {
        return requireNode(projection, id, what, null);
    }

    /** The nodes whose names or aliases best match the words of {@code id}, by search; at most five. */
    private static List<String> closeMatches(Projection projection, String id) {
        String words = id.replaceAll("[-_.]+", " ");
        try {
            return projection
                    .index()
                    .search(new SearchQuery(
                            words.substring(0, Math.min(words.length(), 100)),
                            Optional.empty(),
                            Optional.empty(),
                            5,
                            0))
                    .hits()
                    .stream()
                    // By its words, not only by meaning, and in its name or aliases, or with every word: nothing
                    // found only by a word its description mentions in passing (nothing-here is no storytelling).
                    .filter(hit -> hit.highlights().containsKey("name")
                            || hit.highlights().containsKey("aliases")
                            || (hit.missing() == null && !hit.highlights().isEmpty()))
                    .map(SearchResult.Hit::id)
                    .toList();
        } catch (SkillGraphException e) { // words the index cannot search (too many spellings): no suggestion
            return List.of();
        }
    }
}
