package dev.skillgraph.error;

import org.jspecify.annotations.Nullable;

/**
 * The one unchecked exception type of SkillGraph. Its {@link Reason} names the condition in the domain's terms; the
 * API alone decides what a client sees for each reason. Layers that talk to a dependency (the driver, the file system)
 * translate that dependency's failures into this type, keeping the cause; nothing above them inspects causes.
 */
public class SkillGraphException extends RuntimeException {

    /** What went wrong, independent of transport. */
    public enum Reason {
        /** A request or a file the caller can correct: a malformed value, a missing field. */
        INVALID_INPUT,
        /** An id, or any other name, that does not exist. */
        NOT_FOUND,
        /** A write without a valid admin token. */
        NOT_AUTHENTICATED,
        /** More requests from one client than the configured rate allows. */
        RATE_LIMITED,
        /** An answer format that is not offered. */
        UNSUPPORTED_FORMAT,
        /** A seed that breaks the rules of the seed format; nothing was written. */
        INVALID_SEED,
        /** The graph refused a write because of a constraint (for example a concurrent write of the same id). */
        GRAPH_CONFLICT,
        /** Neo4j cannot be reached or lost the session; trying again later may succeed. */
        GRAPH_UNAVAILABLE,
        /** The configuration is wrong; the operator must change it. */
        MISCONFIGURED,
        /** A component failed to start. */
        START_FAILED
    }

    private final Reason reason;
    private final @Nullable String parameter;

    protected SkillGraphException(
            Reason reason, String message, @Nullable String parameter, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.parameter = parameter;
    }

    /** A failure for {@code reason}, caused by {@code cause} (kept for the log, never shown to clients). */
    public static SkillGraphException of(Reason reason, @Nullable Throwable cause, String message) {
        return new SkillGraphException(reason, message, null, cause);
    }

    /** A failure for {@code reason} that has no underlying cause. */
    public static SkillGraphException of(Reason reason, String message) {
        return new SkillGraphException(reason, message, null, null);
    }

    /** A request the caller can correct; the message says how. */
    public static SkillGraphException invalidInput(String message) {
        return new SkillGraphException(Reason.INVALID_INPUT, message, null, null);
    }

    /** Configuration the operator must change; the message names the setting. */
    public static SkillGraphException misconfigured(String message) {
        return new SkillGraphException(Reason.MISCONFIGURED, message, null, null);
    }

    /** A component that could not start, because of {@code cause}. */
    public static SkillGraphException startFailed(@Nullable Throwable cause, String message) {
        return new SkillGraphException(Reason.START_FAILED, message, null, cause);
    }

    /** A bad value of request parameter {@code parameter}; the message says what is allowed. */
    public static SkillGraphException invalidParameter(String parameter, String message) {
        return new SkillGraphException(Reason.INVALID_INPUT, message, parameter, null);
    }

    /** Request parameter {@code parameter} names something that does not exist. */
    public static SkillGraphException notFound(@Nullable String parameter, String message) {
        return new SkillGraphException(Reason.NOT_FOUND, message, parameter, null);
    }

    /** The message, never null: every SkillGraph exception is made with one. */
    @Override
    public String getMessage() {
        return String.valueOf(super.getMessage());
    }

    public Reason reason() {
        return reason;
    }

    /** The request parameter at fault, or null when the failure is not about one parameter. */
    public @Nullable String parameter() {
        return parameter;
    }
}
