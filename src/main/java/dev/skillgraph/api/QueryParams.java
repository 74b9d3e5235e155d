package dev.skillgraph.api;

import dev.skillgraph.error.SkillGraphException;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads and validates query parameters; every refusal names the parameter and what it accepts. */
final class QueryParams {

    static final int MAX_IDS = 500;

    private QueryParams() {}

    static String requiredText(Context ctx, String name, int maxLength) {
        return optionalText(ctx, name, maxLength)
                .orElseThrow(() -> SkillGraphException.badParameter(
                        name, "query parameter '" + name + "' is required and must not be blank"));
    }

    static Optional<String> optionalText(Context ctx, String name, int maxLength) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw SkillGraphException.badParameter(
                    name,
                    "query parameter '" + name + "' is " + text.length() + " characters long; at most " + maxLength
                            + " are accepted");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
            throw SkillGraphException.badParameter(name, "query parameter '" + name + "' contains control characters");
        }
        return Optional.of(text);
    }

    static int integer(Context ctx, String name, int defaultValue, int min, int max) {
        String value = ctx.queryParam(name);
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
        throw SkillGraphException.badParameter(
                name,
                "query parameter '" + name + "' must be a whole number from " + min + " to " + max + ", got '"
                        + abbreviate(value) + "'");
    }

    /** A boolean written {@code true} or {@code false} (any case); absent is {@code false}. */
    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw SkillGraphException.badParameter(
                    name, "query parameter '" + name + "' must be true or false, got '" + abbreviate(value) + "'");
        };
    }

    static Optional<Integer> optionalInteger(Context ctx, String name, int min, int max) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(integer(ctx, name, min, min, max));
    }

    /** A calendar date written {@code YYYY-MM-DD} (ISO 8601), between the years 1900 and 9999. */
    static Optional<LocalDate> optionalDate(Context ctx, String name) {
        String value = ctx.queryParam(name);
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
        throw SkillGraphException.badParameter(
                name,
                "query parameter '" + name + "' must be a date written YYYY-MM-DD between 1900 and 9999, got '"
                        + abbreviate(value) + "'");
    }

    /** A comma-separated list of ids, e.g. {@code known=python,sql-data-manipulation}. */
    static Set<String> ids(Context ctx, String name) {
        Set<String> ids = new LinkedHashSet<>();
        for (String value : ctx.queryParams(name)) {
            Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(ids::add);
        }
        if (ids.size() > MAX_IDS) {
            throw SkillGraphException.badParameter(
                    name,
                    "query parameter '" + name + "' lists " + ids.size() + " ids; at most " + MAX_IDS
                            + " are accepted");
        }
        return ids;
    }

    static <E> Optional<E> oneOf(Context ctx, String name, List<String> allowed, Function<String, Optional<E>> parse) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> SkillGraphException.badParameter(
                        name,
                        "query parameter '" + name + "' must be one of " + allowed + ", got '" + abbreviate(value)
                                + "'")));
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
