package dev.skillgraph.graph;

import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.error.SkillGraphException.Reason;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Turns the Neo4j driver's failures into {@link SkillGraphException}s: the one place that knows the driver's exception
 * types, so that no layer above {@code graph} inspects them.
 */
final class DriverFailures {

    /** Neo4j status code of a write that broke a constraint (Neo4j Status Codes, "Neo.ClientError.Schema"). */
    private static final String CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";

    private DriverFailures() {}

    /**
     * An outage (unreachable server, expired session, or a transient error left after the driver's retries), a
     * constraint conflict, or else input Neo4j refused; {@code doing} says what SkillGraph was doing, e.g. "reading the
     * graph".
     */
    static SkillGraphException translate(Neo4jException e, String doing) {
        if (e instanceof ServiceUnavailableException
                || e instanceof SessionExpiredException
                || e instanceof TransientException) {
            return SkillGraphException.of(
                    Reason.GRAPH_UNAVAILABLE, e, "Neo4j is unavailable while " + doing + "; try again shortly");
        }
        if (CONSTRAINT_FAILED.equals(e.code())) {
            return SkillGraphException.of(
                    Reason.GRAPH_CONFLICT, e, "Neo4j refused a write while " + doing + ": " + e.getMessage());
        }
        if (e instanceof ClientException) {
            return SkillGraphException.of(
                    Reason.INVALID_INPUT, e, "Neo4j refused a request while " + doing + ": " + e.getMessage());
        }
        return SkillGraphException.of(
                Reason.GRAPH_UNAVAILABLE, e, "Neo4j failed while " + doing + ": " + e.getMessage());
    }
}
