package dev.skillgraph.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.GraphState;
import dev.skillgraph.seed.SeedException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Javalin application, unstarted: routes, thin handlers and the one error mapper to problem+json. */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    private final GraphRepository repository;

    public HttpApi(GraphRepository repository) {
        this.repository = repository;
    }

    /** The Javalin app listening on {@code host:port} once started. */
    public Javalin create(String host, int port) {
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        return Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.routes.get("/health", this::health);
            config.routes.get("/ready", this::ready);
            config.routes.exception(SkillGraphException.class, HttpApi::skillGraphError);
            config.routes.exception(Exception.class, HttpApi::unexpectedError);
            config.routes.error(404, ctx -> {
                if (!Problem.CONTENT_TYPE.equals(ctx.res().getContentType())) {
                    problem(ctx, Problem.of(404, "Not Found", "no such endpoint: " + ctx.method() + " " + ctx.path()));
                }
            });
            config.routes.error(
                    405,
                    ctx -> problem(
                            ctx,
                            Problem.of(405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path())));
        });
    }

    private void health(Context ctx) {
        ctx.json(new HealthResponse("UP", null, null));
    }

    private void ready(Context ctx) {
        if (!repository.ping(PING_TIMEOUT)) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new HealthResponse("NOT_READY", "DOWN", null));
            return;
        }
        GraphState state = repository.state();
        if (!state.seeded()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new HealthResponse("NOT_READY", "UP", null));
            return;
        }
        ctx.json(new HealthResponse("READY", "UP", state.importedVersion().orElseThrow()));
    }

    private static void skillGraphError(SkillGraphException e, Context ctx) {
        Problem problem =
                switch (e.reason()) {
                    case BAD_REQUEST -> Problem.of(400, "Bad Request", e.getMessage());
                    case NOT_FOUND -> Problem.of(404, "Not Found", e.getMessage());
                    case UNPROCESSABLE -> e instanceof SeedException seed
                            ? new Problem(
                                    "about:blank",
                                    "Invalid Seed",
                                    422,
                                    "the seed was refused and nothing was written",
                                    null,
                                    seed.problems().stream()
                                            .map(Object::toString)
                                            .toList())
                            : Problem.of(422, "Unprocessable Content", e.getMessage());
                    case UNAVAILABLE -> Problem.of(503, "Service Unavailable", e.getMessage());
                    case CONFIGURATION, STARTUP -> Problem.of(
                            500, "Internal Server Error", "the service is misconfigured");
                };
        if (problem.status() >= 500) {
            LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
        }
        problem(ctx, problem);
    }

    private static void unexpectedError(Exception e, Context ctx) {
        // The client learns that it failed, never how: the stack trace goes to the log only.
        LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
        problem(
                ctx,
                new Problem(
                        "about:blank",
                        "Internal Server Error",
                        500,
                        "the request failed unexpectedly; the error was logged",
                        null,
                        List.of()));
    }

    static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
    }
}
