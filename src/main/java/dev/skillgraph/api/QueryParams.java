package dev.skillgraph.api;

import dev.skillgraph.error.SkillGraphException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Named request values, from an HTTP query string or an MCP tool call's arguments, read and validated the same way;
 * every refusal names the parameter and what it accepts.
 */
public final class QueryParams {

    static final int MAX_IDS = 500;

    /** A percent sign not followed by two hex digits: a value no decoder can read. */
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{2}");

    /** The control characters that are white space in a line of text: tab, line feed, carriage return. */
    private static final Pattern LINE_SPACE = Pattern.compile("[\\t\\n\\r]+");

    private final Function<String, List<String>> values;
    private final @Nullable String rawQuery;

    private QueryParams(Function<String, List<String>> values, @Nullable String rawQuery) {
        this.values = values;
        this.rawQuery = rawQuery;
    }

    /** The query parameters of an HTTP request. */
    static QueryParams of(Context ctx) {
        return new QueryParams(ctx::queryParams, ctx.queryString());
    }

    /**
     * The arguments of a tool call: a list gives one value per element, anything else its text ({@code 10},
     * {@code true}); absent or null gives none.
     */
    public static QueryParams of(Map<String, ?> arguments) {
        return new QueryParams(
                name -> {
                    Object value = arguments.get(name);
                    if (value == null) {
                        return List.of();
                    }
                    if (value instanceof Collection<?> list) {
                        return list.stream()
                                .filter(Objects::nonNull)
                                .map(String::valueOf)
                                .toList();
                    }
                    return List.of(String.valueOf(value));
                },
                null);
    }

    /**
     * The value of {@code name}, or null when there is none. Given more than once, it must be the same each time:
     * {@code kind=tool&kind=topic} asks for two things where one is answered, and which one is a guess.
     *
     * @throws SkillGraphException invalid parameter when given twice with different values
     */
    @Nullable
    String first(String name) {
        List<String> all = all(name);
        if (all.stream().distinct().count() > 1) {
            throw SkillGraphException.invalidParameter(
                    name,
                    "query parameter '" + name + "' is given " + all.size()
                            + " times with different values; give it once");
        }
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * Every value of {@code name}. A value that could not be decoded is refused, not read as absent (a filter with a
     * broken escape would otherwise be dropped in silence), and so is one that is not valid Unicode
     * ({@link #requireUnicode}).
     */
    private List<String> all(String name) {
        List<String> all = values.apply(name);
        if (all.isEmpty() && brokenEscape(name)) {
            throw SkillGraphException.invalidParameter(
                    name,
                    "query parameter '" + name + "' has a '%' not followed by two hex digits; write a % sign as %25");
        }
        // A decoder puts U+FFFD where bytes are not UTF-8: say so, rather than search for the replacement character.
        if (all.stream().anyMatch(value -> value.indexOf('\uFFFD') >= 0) && !utf8(name)) {
            throw SkillGraphException.invalidParameter(
                    name,
                    "query parameter '" + name + "' is not valid UTF-8: percent-encode the bytes of its text in UTF-8"
                            + " (é is %C3%A9)");
        }
        all.forEach(value -> requireUnicode(name, value));
        return all;
    }

    /** Whether every value of {@code name} in the raw query string is UTF-8 once its percent escapes are decoded. */
    private boolean utf8(String name) {
        if (rawQuery == null) {
            return true;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=") && !utf8Escaped(pair.substring(name.length() + 1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean utf8Escaped(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%'
                    && i + 2 < raw.length()
                    && HEX.matcher(raw.substring(i + 1, i + 3)).matches()) {
                bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * {@code value} of parameter {@code name}, refused when it holds half of a surrogate pair (possible in JSON's
     * {@code \\uD83D}, never in decoded UTF-8): that is not text, and echoing it would write invalid UTF-8.
     *
     * @throws SkillGraphException invalid parameter naming {@code name}
     */
    public static String requireUnicode(String name, String value) {
        if (unpairedSurrogate(value)) {
            throw SkillGraphException.invalidParameter(
                    name, "parameter '" + name + "' has half of a surrogate pair, which is not valid Unicode");
        }
        return value;
    }

    private static boolean unpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    String requiredText(String name, int maxLength) {
        return optionalText(name, maxLength)
                .orElseThrow(() -> SkillGraphException.invalidParameter(
                        name, "query parameter '" + name + "' is required and must not be blank"));
    }

    /** Whether the raw query string gives {@code name} a value with a percent escape that cannot be decoded. */
    private boolean brokenEscape(String name) {
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=") && BROKEN_ESCAPE.matcher(pair).find()) {
                return true;
            }
        }
        return false;
    }

    Optional<String> optionalText(String name, int maxLength) {
        String value = first(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        // A parameter is one line: a tab or line break pasted with the words is a space between them.
        String text = LINE_SPACE.matcher(value).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw SkillGraphException.invalidParameter(
                    name,
                    "query parameter '" + name + "' is " + length + " characters long; at most " + maxLength
                            + " are accepted");
        }
        refuseControlCharacters(name, text);
        return Optional.of(text);
    }

    /** @throws SkillGraphException invalid parameter when {@code text} holds a control character (tab, NUL, ...) */
    private static void refuseControlCharacters(String name, String text) {
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw SkillGraphException.invalidParameter(
                    name, "query parameter '" + name + "' contains control characters");
        }
    }

    int integer(String name, int defaultValue, int min, int max) {
        String value = first(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below with the allowed range
        }
        throw SkillGraphException.invalidParameter(
                name,
                "query parameter '" + name + "' must be a whole number from " + min + " to " + max + ", got '"
                        + abbreviate(value) + "'");
    }

    /** A boolean written {@code true} or {@code false} (any case); absent is {@code false}. */
    boolean flag(String name) {
        String value = first(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw SkillGraphException.invalidParameter(
                    name, "query parameter '" + name + "' must be true or false, got '" + abbreviate(value) + "'");
        };
    }

    Optional<Integer> optionalInteger(String name, int min, int max) {
        String value = first(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(integer(name, min, min, max));
    }

    /** A calendar date written {@code YYYY-MM-DD} (ISO 8601), between the years 1900 and 9999. */
    Optional<LocalDate> optionalDate(String name) {
        String value = first(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() >= 1900 && date.getYear() <= 9999) {
                return Optional.of(date);
            }
        } catch (DateTimeParseException e) {
            // refused below with the expected form
        }
        throw SkillGraphException.invalidParameter(
                name,
                "query parameter '" + name + "' must be a date written YYYY-MM-DD between 1900 and 9999, got '"
                        + abbreviate(value) + "'");
    }

    /** A comma-separated list of ids, e.g. {@code known=python,sql-data-manipulation}. */
    Set<String> ids(String name) {
        Set<String> ids = new LinkedHashSet<>();
        for (String value : all(name)) {
            Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(ids::add);
        }
        ids.forEach(id -> refuseControlCharacters(name, id));
        if (ids.size() > MAX_IDS) {
            throw SkillGraphException.invalidParameter(
                    name,
                    "query parameter '" + name + "' lists " + ids.size() + " ids; at most " + MAX_IDS
                            + " are accepted");
        }
        return ids;
    }

    <E> Optional<E> oneOf(String name, List<String> allowed, Function<String, Optional<E>> parse) {
        String value = first(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> SkillGraphException.invalidParameter(
                        name,
                        "query parameter '" + name + "' must be one of " + allowed + ", got '" + abbreviate(value)
                                + "'")));
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
