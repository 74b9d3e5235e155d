package dev.skillgraph.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem document, the body of every error response.
 *
 * @param parameter the request parameter at fault, if one is
 * @param problems individual findings, e.g. every problem of a refused seed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type, String title, int status, String detail, @Nullable String parameter, List<String> problems) {

    static final String CONTENT_TYPE = "application/problem+json";

    static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, List.of());
    }

    Problem withParameter(@Nullable String name) {
        return new Problem(type, title, status, detail, name, problems);
    }
}
