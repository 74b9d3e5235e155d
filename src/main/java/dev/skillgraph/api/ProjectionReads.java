package dev.skillgraph.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.projection.ProjectionManager;
import dev.skillgraph.search.Suggestion;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs one request against one projection: acquired and released in try/finally like a Lucene searcher, so an answer
 * never mixes two graph versions. Sets the version header and the ETag, and answers 304 when the client has it.
 */
final class ProjectionReads {

    static final String VERSION_HEADER = "X-Graph-Version";
    static final String STALE_HEADER = "X-Graph-Stale";

    private final ProjectionManager manager;
    private final ObjectMapper mapper;

    ProjectionReads(ProjectionManager manager, ObjectMapper mapper) {
        this.manager = manager;
        this.mapper = mapper;
    }

    /** Computes the body on the current projection and sends it as JSON (or 304 if unchanged for the client). */
    void json(Context ctx, Function<Projection, Object> body) {
        send(ctx, projection -> {
            Object value = body.apply(projection);
            return () -> writeJson(ctx, value);
        });
    }

    /**
     * Sends {@code value} as JSON, encoded straight to UTF-8 bytes: {@code ctx.json} builds a String first and encodes
     * it again, which for a large plan costs a third of the request.
     */
    void writeJson(Context ctx, Object value) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(body);
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
        manager.apply(projection -> {
            Runnable write = handler.apply(projection);
            String etag = "\"" + projection.version() + etagSuffix + "\"";
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

    /** 404 naming the closest ids when {@code id} (a path segment) is not in the graph. */
    static void requireNode(Projection projection, String id, String what) {
        requireNode(projection, id, what, null);
    }

    /**
     * 404 naming the closest ids when {@code id} is not in the graph.
     *
     * @param parameter the query parameter that gave {@code id}, named in the problem; null for a path segment
     */
    static void requireNode(Projection projection, String id, String what, @Nullable String parameter) {
        if (projection.graph().contains(id)) {
            return;
        }
        List<String> close = projection.index().suggest(id.replace('-', ' '), 5).stream()
                .map(Suggestion::id)
                .toList();
        throw SkillGraphException.notFound(
                parameter,
                "no " + what + " with id '" + QueryParams.abbreviate(id) + "'"
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
    }
}
