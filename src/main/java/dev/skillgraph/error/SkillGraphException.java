package dev.skillgraph.error;

/** The one unchecked exception type of SkillGraph; its {@link Reason} decides how a client sees it. */
public class SkillGraphException extends RuntimeException {

    /** What went wrong, independent of transport; the API maps each reason to one HTTP status. */
    public enum Reason {
        BAD_REQUEST,
        UNAUTHORIZED,
        NOT_ACCEPTABLE,
        TOO_MANY_REQUESTS,
        NOT_FOUND,
        UNPROCESSABLE,
        UNAVAILABLE,
        CONFIGURATION,
        STARTUP
    }

    private final Reason reason;
    private final String parameter;

    public SkillGraphException(Reason reason, String message) {
        this(reason, message, (String) null);
    }

    private SkillGraphException(Reason reason, String message, String parameter) {
        super(message);
        this.reason = reason;
        this.parameter = parameter;
    }

    public SkillGraphException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.parameter = null;
    }

    public Reason reason() {
        return reason;
    }

    /** The request parameter at fault, or null. */
    public String parameter() {
        return parameter;
    }

    /** A bad value of request parameter {@code parameter}; the message says what is allowed. */
    public static SkillGraphException badParameter(String parameter, String message) {
        return new SkillGraphException(Reason.BAD_REQUEST, message, parameter);
    }

    public static SkillGraphException badRequest(String message) {
        return new SkillGraphException(Reason.BAD_REQUEST, message);
    }

    public static SkillGraphException notFound(String message) {
        return new SkillGraphException(Reason.NOT_FOUND, message);
    }

    /** Request parameter {@code parameter} names something that does not exist. */
    public static SkillGraphException notFound(String parameter, String message) {
        return new SkillGraphException(Reason.NOT_FOUND, message, parameter);
    }

    public static SkillGraphException configuration(String message) {
        return new SkillGraphException(Reason.CONFIGURATION, message);
    }

    public static SkillGraphException startup(String message, Throwable cause) {
        return new SkillGraphException(Reason.STARTUP, message, cause);
    }
}
