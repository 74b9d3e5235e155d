package dev.skillgraph.api;

import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.seed.SeedException;
import io.javalin.http.Context;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one mapper from failures to {@code application/problem+json}: a status, a title and a detail, never a stack trace. */
final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private ProblemResponses() {}

    static void skillGraphError(SkillGraphException e, Context ctx) {
        Problem problem =
                switch (e.reason()) {
                    case INVALID_INPUT -> Problem.of(400, "Bad Request", e.getMessage())
                            .withParameter(e.parameter());
                    case NOT_AUTHENTICATED -> Problem.of(401, "Unauthorized", e.getMessage());
                    case NOT_FOUND -> Problem.of(404, "Not Found", e.getMessage())
                            .withParameter(e.parameter());
                    case UNSUPPORTED_FORMAT -> Problem.of(406, "Not Acceptable", e.getMessage())
                            .withParameter("format");
                    case GRAPH_CONFLICT -> Problem.of(409, "Conflict", e.getMessage());
                    case INVALID_SEED -> e instanceof SeedException seed
                            ? new Problem(
                                    "about:blank",
                                    "Invalid Seed",
                                    422,
                                    "the seed was refused and nothing was written; "
                                            + seed.problems().size() + " problem(s)",
                                    null,
                                    seed.problems().stream()
                                            .map(Object::toString)
                                            .toList())
                            : Problem.of(422, "Unprocessable Content", e.getMessage());
                    case RATE_LIMITED -> Problem.of(429, "Too Many Requests", e.getMessage());
                    case GRAPH_UNAVAILABLE -> Problem.of(503, "Service Unavailable", e.getMessage());
                    case MISCONFIGURED, START_FAILED -> Problem.of(
                            500, "Internal Server Error", "the service is misconfigured");
                };
        if (problem.status() >= 500) {
            LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.toString());
        }
        problem(ctx, problem);
    }

    /** Anything that is not a {@link SkillGraphException} is a bug: logged with its stack trace, never shown. */
    static void unexpectedError(Exception e, Context ctx) {
        LOG.error(
                "{} {} failed unexpectedly (request {})",
                ctx.method(),
                ctx.path(),
                ctx.attribute(HttpApi.REQUEST_ID_HEADER),
                e);
        problem(
                ctx,
                new Problem(
                        "about:blank",
                        "Internal Server Error",
                        500,
                        "the request failed unexpectedly; the error was logged with request id "
                                + ctx.attribute(HttpApi.REQUEST_ID_HEADER),
                        null,
                        List.of()));
    }

    static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.CONTENT_TYPE);
    }

    static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).json(problem).contentType(Problem.CONTENT_TYPE);
    }
}
