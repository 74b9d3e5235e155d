package dev.skillgraph.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Words a JSON Schema violation in a seed author's terms: which entry, which field, what is wrong and what is allowed.
 * Ranges, allowed values and field lists are read from the schema itself, so a rule changed there is worded right.
 */
final class SchemaMessages {

    private static final String ID_EXAMPLE = "a lowercase slug such as 'linear-regression'";

    private final JsonNode schema;

    SchemaMessages(JsonNode schema) {
        this.schema = schema;
    }

    SeedSchema.Violation violation(SeedFile file, Error error) {
        List<Object> at = segments(error.getInstanceLocation());
        String entry =
                at.size() >= 2 && at.get(1) instanceof Integer index ? file.entryLabel((String) at.get(0), index) : "";
        String keyword = error.getKeyword();
        int rank = "additionalProperties".equals(keyword) ? 0 : "required".equals(keyword) ? 1 : 2;
        return new SeedSchema.Violation(at, rank, entry, message(at, error));
    }

    private String message(List<Object> at, Error error) {
        String keyword = error.getKeyword();
        String rule = schemaPointer(error);
        JsonNode value = error.getInstanceNode();
        if (at.isEmpty()) {
            return "additionalProperties".equals(keyword)
                    ? "unknown kind of entry '" + error.getProperty() + "'; expected one of " + sections()
                    : "expected a mapping with sections " + sections();
        }
        if (at.size() == 1) {
            return "section '" + at.get(0) + "' must be a list of entries";
        }
        if (at.size() == 2 && "type".equals(keyword)) {
            return "must be a mapping of fields";
        }
        boolean requiresItem = at.size() == 4 && "requires".equals(at.get(2));
        switch (keyword) {
            case "additionalProperties":
                return "unknown field '" + error.getProperty() + "' "
                        + (requiresItem ? "in a 'requires' item" : "for a " + definition(rule))
                        + "; allowed: " + names(at(parent(rule)).path("properties"));
            case "required":
                return requiresItem
                        ? "every 'requires' item needs an id, found '" + value + "'"
                        : "missing required field '" + error.getProperty() + "'";
            default:
                return valueMessage(at, keyword, rule, value);
        }
    }

    private String valueMessage(List<Object> at, String keyword, String rule, JsonNode value) {
        String field = field(at);
        JsonNode rules = at(parent(rule));
        String definition = definition(rule);
        switch (keyword) {
            case "pattern":
                if ("id".equals(definition)) {
                    return at.size() == 3 && "id".equals(at.get(2))
                            ? "id '" + value.asText() + "' must be " + ID_EXAMPLE
                            : field + " names '" + value.asText() + "', which is not an id: ids are " + ID_EXAMPLE;
                }
                if ("caseIdentifier".equals(definition)) {
                    return field + " '" + value.asText() + "' must be a UUID";
                }
                if ("url".equals(definition)) {
                    return field + " '" + value.asText() + "' must be an absolute http(s) URL";
                }
                return field + " must not be blank";
            case "minimum", "maximum":
                return range(field, rules, value);
            case "type":
                return rules.has("minimum") ? range(field, rules, value) : field + " must be " + type(rules);
            case "enum":
                return field + " is '" + value.asText() + "'; allowed: " + sortedTexts(rules.path("enum"));
            case "uniqueItems":
                return field + " names '" + firstDuplicate(value) + "' twice";
            case "oneOf":
                return "requires".equals(at.get(2)) && at.size() == 4
                        ? "every 'requires' item must be an id or {id, reason, strength}, found '" + value + "'"
                        : field + " must be " + alternatives(rules.path("oneOf"));
            default:
                return field + ": " + value;
        }
    }

    /** {@code field 'hours'}, or for a value inside a field {@code field 'requires[0].reason'}. */
    private static String field(List<Object> at) {
        StringBuilder name = new StringBuilder((String) at.get(2));
        for (Object segment : at.subList(3, at.size())) {
            name.append(segment instanceof Integer index ? "[" + index + "]" : "." + segment);
        }
        return "field '" + name + "'";
    }

    private static String range(String field, JsonNode rules, JsonNode value) {
        String kind = "integer".equals(rules.path("type").asText()) ? "a whole number" : "a number";
        return field + " must be " + kind + " from " + rules.path("minimum").asText() + " to "
                + rules.path("maximum").asText() + ", got '" + value.asText() + "'";
    }

    private String type(JsonNode rules) {
        return switch (rules.path("type").asText()) {
            case "string" -> "text";
            case "array" -> "a list";
            case "object" -> "a mapping";
            case "integer" -> "a whole number";
            default -> rules.path("type").asText();
        };
    }

    /** "an id or a list of ids", from the branches' own definitions. */
    private String alternatives(JsonNode branches) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode branch : branches) {
            JsonNode rules =
                    branch.has("$ref") ? at(branch.path("$ref").asText().substring(1)) : branch;
            kinds.add(
                    rules.path("type").asText().equals("array")
                            ? "a list of " + describe(rules.path("items")) + "s"
                            : "a single " + describe(branch));
        }
        return String.join(" or ", kinds);
    }

    private String describe(JsonNode rules) {
        if (rules.has("$ref")) {
            String name = rules.path("$ref").asText();
            return name.substring(name.lastIndexOf('/') + 1);
        }
        return type(rules);
    }

    private static String firstDuplicate(JsonNode list) {
        Set<String> seen = new HashSet<>();
        for (JsonNode item : list) {
            if (!seen.add(item.asText())) {
                return item.asText();
            }
        }
        return list.toString();
    }

    private List<String> sections() {
        return names(schema.path("properties"));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    private static List<String> sortedTexts(JsonNode values) {
        return StreamSupport.stream(values.spliterator(), false)
                .map(JsonNode::asText)
                .sorted()
                .toList();
    }

    /** The JSON pointer, inside the schema, of the keyword that failed, e.g. {@code /$defs/hours/minimum}. */
    private static String schemaPointer(Error error) {
        String location = error.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        return hash < 0 ? "" : location.substring(hash + 1);
    }

    private static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** The name of the definition a keyword belongs to: {@code hours} for {@code /$defs/hours/minimum}. */
    private static String definition(String pointer) {
        String[] parts = pointer.split("/");
        return parts.length > 2 && "$defs".equals(parts[1]) ? parts[2] : "";
    }

    private JsonNode at(String pointer) {
        return pointer.isEmpty() ? schema : schema.at(pointer);
    }

    private static List<Object> segments(NodePath path) {
        List<Object> segments = new ArrayList<>(path.getNameCount());
        for (int i = 0; i < path.getNameCount(); i++) {
            @Nullable Object element = path.getElement(i);
            segments.add(element == null ? "" : element);
        }
        return segments;
    }
}
