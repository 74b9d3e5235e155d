package dev.skillgraph.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a 1EdTech CASE {@code CFPackage} (1.1, and the 1.0 packages CASE servers still publish) as a seed pack, so
 * that it goes through the same schema, reference and cycle checks and the same one-transaction import as a YAML
 * pack. The mapping:
 *
 * <ul>
 *   <li>the {@code CFDocument} is a roadmap (its {@code identifier} kept as {@code caseIdentifier});
 *   <li>items that are {@code isChildOf} the document are its stages, in {@code sequenceNumber} order; items typed
 *       {@code Stage} elsewhere are stages on no roadmap; items typed {@code Tool} are tools;
 *   <li>every other item is a topic whose home stage is its nearest stage ancestor ({@code isChildOf} marked
 *       {@code includes} by SkillGraph's export makes a stage include it instead); an item in no tree goes to an
 *       extra stage "Other items";
 *   <li>{@code precedes}: the destination requires the origin (the association's {@code notes} is the reason);
 *   <li>{@code exemplar} pointing outside the package: a learning resource teaching the origin.
 * </ul>
 *
 * An item's id is its {@code humanCodingScheme} lowercased with separators turned into hyphens when that is a valid id,
 * otherwise a slug of its statement (with the start of its identifier when two statements give the same slug).
 * SkillGraph's own facts (hours, level, weeks, ...) come back from {@code extensions.skillgraph}. Everything CASE
 * allows that SkillGraph has no use for is ignored; what makes the package unusable (no document, an item without an
 * identifier or statement, the same identifier twice, an association naming an item the package does not have) is a
 * problem naming the file and the item, and the package then imports nothing.
 */
final class CasePackages {

    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final int MAX_NAME = 120;
    /** Longer codes are not ids a person types: the statement's slug is used instead. */
    private static final int MAX_ID = 80;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CasePackages() {}

    /** One item and what the mapping decided for it. */
    private static final class Item {
        final int index;
        final JsonNode json;
        final String identifier;
        String id = "";
        String kind = "topic";

        @Nullable
        String parent;

        final List<String> includedBy = new ArrayList<>();
        int sequence = Integer.MAX_VALUE;

        Item(int index, JsonNode json, String identifier) {
            this.index = index;
            this.json = json;
            this.identifier = identifier;
        }
    }

    /**
     * The seed-pack tree of the package {@code pkg} read from {@code file}, and the label of each of its entries (e.g.
     * {@code CFItems[3] 'm-g3-oa-1'}) for messages; adds to {@code problems} what makes the package unusable.
     */
    static @Nullable SeedFile toSeedFile(String file, JsonNode pkg, List<SeedProblem> problems) {
        int before = problems.size();
        JsonNode document = pkg.path("CFDocument");
        if (!document.isObject() || text(document, "identifier") == null || text(document, "title") == null) {
            problems.add(new SeedProblem(
                    file, "CFDocument", "a CASE package needs a CFDocument with an identifier and a title"));
            return null;
        }
        String documentId = lower(text(document, "identifier"));
        for (String list : List.of("CFItems", "CFAssociations")) {
            if (!pkg.path(list).isMissingNode()
                    && !pkg.path(list).isNull()
                    && !pkg.path(list).isArray()) {
                problems.add(new SeedProblem(file, list, list + " must be a list"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        Map<String, Item> items = new LinkedHashMap<>();
        JsonNode cfItems = pkg.path("CFItems");
        for (int i = 0; i < cfItems.size(); i++) {
            JsonNode json = cfItems.get(i);
            String identifier = text(json, "identifier");
            String where = "CFItems[" + i + "]";
            if (identifier == null || text(json, "fullStatement") == null) {
                problems.add(new SeedProblem(file, where, "a CFItem needs an identifier and a fullStatement"));
                continue;
            }
            Item item = new Item(i, json, lower(identifier));
            Item first = items.putIfAbsent(item.identifier, item);
            if (first != null || item.identifier.equals(documentId)) {
                problems.add(new SeedProblem(
                        file,
                        where + " '" + identifier + "'",
                        "duplicate identifier, first used by "
                                + (first == null ? "the CFDocument" : "CFItems[" + first.index + "]")));
            }
        }
        List<JsonNode[]> precedes = new ArrayList<>();
        List<JsonNode[]> exemplars = new ArrayList<>();
        JsonNode associations = pkg.path("CFAssociations");
        for (int i = 0; i < associations.size(); i++) {
            JsonNode a = associations.get(i);
            String type = text(a, "associationType");
            String origin = lower(text(a.path("originNodeURI"), "identifier"));
            String destination = lower(text(a.path("destinationNodeURI"), "identifier"));
            String where = "CFAssociations[" + i + "]"
                    + (text(a, "identifier") == null ? "" : " '" + text(a, "identifier") + "'");
            if (type == null || origin.isEmpty() || destination.isEmpty()) {
                problems.add(new SeedProblem(
                        file, where, "an association needs an associationType, an origin and a destination"));
                continue;
            }
            // A prerequisite outside the package may be a node of another pack: the importer resolves it by id.
            boolean known = (items.containsKey(origin) || type.equals("precedes"))
                    && (items.containsKey(destination) || destination.equals(documentId) || type.equals("exemplar"));
            if (!known && Set.of("isChildOf", "precedes", "exemplar").contains(type)) {
                // A precedes may start outside the package (resolved across packs): then its destination is missing.
                String missing = items.containsKey(origin) || type.equals("precedes") ? "destination" : "origin";
                JsonNode end = a.path(missing + "NodeURI");
                problems.add(new SeedProblem(
                        file,
                        where,
                        type + " names " + missing + " '" + text(end, "identifier") + "'"
                                + (text(end, "title") == null ? "" : " ('" + text(end, "title") + "')")
                                + ", which is not an item of this package"));
                continue;
            }
            switch (type) {
                case "isChildOf" -> {
                    Item child = Objects.requireNonNull(items.get(origin), origin);
                    if (a.path("extensions").path("skillgraph").path("includes").asBoolean(false)) {
                        child.includedBy.add(destination);
                    } else if (child.parent == null) {
                        child.parent = destination;
                        child.sequence = sequence(a, child);
                    }
                }
                case "precedes" -> precedes.add(new JsonNode[] {a});
                case "exemplar" -> exemplars.add(new JsonNode[] {a, IntNode.valueOf(i)});
                default -> {} // CASE relations SkillGraph has no use for (isRelatedTo, exactMatchOf, ...)
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Builder(file, document, documentId, items).build(precedes, exemplars);
    }

    /** Builds the seed tree once the package is known to be whole. */
    private static final class Builder {
        final String file;
        final JsonNode document;
        final String documentId;
        final Map<String, Item> items;
        final Map<String, String> labels = new HashMap<>();
        final ObjectNode tree = NODES.objectNode();

        Builder(String file, JsonNode document, String documentId, Map<String, Item> items) {
            this.file = file;
            this.document = document;
            this.documentId = documentId;
            this.items = items;
        }

        SeedFile build(List<JsonNode[]> precedes, List<JsonNode[]> exemplars) {
            String roadmapId = facts(document).path("id").isTextual()
                    ? facts(document).path("id").asText()
                    : slug(required(document, "title")) + "-roadmap";
            for (Item item : items.values()) {
                String type = text(item.json, "CFItemType");
                boolean topLevel = documentId.equals(item.parent);
                item.kind = "Tool".equals(type) ? "tool" : topLevel || "Stage".equals(type) ? "stage" : "topic";
                item.id = idOf(item);
            }
            ArrayNode stages = tree.putArray("stages");
            List<Item> topStages = items.values().stream()
                    .filter(i -> i.kind.equals("stage") && documentId.equals(i.parent))
                    .sorted((a, b) -> a.sequence != b.sequence
                            ? Integer.compare(a.sequence, b.sequence)
                            : Integer.compare(a.index, b.index))
                    .toList();
            int order = 0;
            ArrayNode roadmapStages = NODES.arrayNode();
            for (Item stage : topStages) {
                stages.add(stage(stage, order++));
                roadmapStages.add(stage.id);
            }
            items.values().stream()
                    .filter(i -> i.kind.equals("stage") && !documentId.equals(i.parent))
                    .forEach(stage -> stages.add(stage(stage, orderOf(stage))));
            String otherStage = null;
            ArrayNode topics = tree.putArray("topics");
            ArrayNode tools = tree.putArray("tools");
            Map<String, ObjectNode> entries = new HashMap<>();
            for (Item item : items.values()) {
                if (item.kind.equals("stage")) {
                    continue;
                }
                ObjectNode entry = entry(item);
                if (item.kind.equals("topic")) {
                    Item home = homeStage(item);
                    if (home == null) {
                        if (otherStage == null) {
                            otherStage = roadmapId + "-other-items";
                            ObjectNode other = stages.addObject();
                            other.put("id", otherStage)
                                    .put("name", "Other items")
                                    .put("summary", "Items of the package outside its structure")
                                    .put("order", order);
                            roadmapStages.add(otherStage);
                        }
                        entry.put("stage", otherStage);
                    } else {
                        entry.put("stage", home.id);
                    }
                    label("topics", topics.size(), item);
                    topics.add(entry);
                } else {
                    label("tools", tools.size(), item);
                    tools.add(entry);
                }
                entries.put(item.identifier, entry);
            }
            for (JsonNode[] holder : precedes) {
                JsonNode a = holder[0];
                ObjectNode dependent = entries.get(lower(text(a.path("destinationNodeURI"), "identifier")));
                Item prerequisite = items.get(lower(text(a.path("originNodeURI"), "identifier")));
                if (dependent == null || (prerequisite != null && prerequisite.kind.equals("stage"))) {
                    continue; // an order between stages: the stages' own order says it
                }
                String prerequisiteId = prerequisite != null ? prerequisite.id : outsideId(a.path("originNodeURI"));
                ArrayNode requires = dependent.has("requires")
                        ? (ArrayNode) dependent.get("requires")
                        : dependent.putArray("requires");
                if (containsId(requires, prerequisiteId)) {
                    continue; // the same precedes twice
                }
                ObjectNode link = requires.addObject().put("id", prerequisiteId);
                String reason = text(a, "notes");
                if (reason != null) {
                    link.put("reason", reason);
                } else if (facts(a).isMissingNode()) { // not from SkillGraph, whose export leaves out an absent reason
                    link.put("reason", "comes first in " + required(document, "title"));
                }
                String strength = facts(a).path("strength").asText("hard");
                link.put("strength", strength.equals("soft") ? "soft" : "hard");
            }
            addResources(exemplars, entries);
            addIncludes(stages);
            ObjectNode roadmap = tree.putArray("roadmaps").addObject();
            roadmap.put("id", roadmapId);
            roadmap.put("name", required(document, "title"));
            roadmap.put("summary", firstNonNull(text(document, "description"), required(document, "title")));
            putText(roadmap, "description", text(document, "notes"));
            copyFacts(facts(document), roadmap, "audience", "duration", "difficulty", "aliases");
            roadmap.set("stages", roadmapStages);
            roadmap.put("caseIdentifier", documentId);
            labels.put("roadmaps[0]", "CFDocument '" + roadmapId + "'");
            return new SeedFile(file, tree, labels);
        }

        private ObjectNode stage(Item stage, int order) {
            ObjectNode entry = NODES.objectNode();
            entry.put("id", stage.id);
            entry.put("name", name(stage));
            entry.put("summary", summary(stage));
            entry.put("order", order);
            copyFacts(facts(stage.json), entry, "weeks", "description", "roadmap");
            entry.put("caseIdentifier", stage.identifier);
            label("stages", tree.path("stages").size(), stage);
            return entry;
        }

        private ObjectNode entry(Item item) {
            ObjectNode entry = NODES.objectNode();
            entry.put("id", item.id);
            entry.put("name", name(item));
            entry.put("summary", summary(item));
            JsonNode facts = facts(item.json);
            if (facts.path("description").isTextual()) {
                entry.put("description", facts.path("description").asText());
            } else if (required(item.json, "fullStatement").length() > MAX_NAME) {
                entry.put("description", required(item.json, "fullStatement"));
            }
            copyFacts(facts, entry, "hours", "level", "url", "roadmapLine", "roadmap");
            JsonNode keywords = item.json.path("conceptKeywords");
            if (keywords.isArray() && !keywords.isEmpty()) {
                entry.set("aliases", keywords);
            }
            entry.put("caseIdentifier", item.identifier);
            return entry;
        }

        private void addResources(List<JsonNode[]> exemplars, Map<String, ObjectNode> entries) {
            Map<String, ObjectNode> byUrl = new LinkedHashMap<>();
            for (JsonNode[] holder : exemplars) {
                JsonNode a = holder[0];
                Item taught = items.get(lower(text(a.path("originNodeURI"), "identifier")));
                JsonNode link = a.path("destinationNodeURI");
                String url = text(link, "uri");
                if (taught == null
                        || taught.kind.equals("stage")
                        || url == null
                        || !url.matches("(?i)https?://\\S+")
                        || !entries.containsKey(taught.identifier)) {
                    continue; // an exemplar that is no web page (urn:isbn:..., a file) cannot be a learning resource
                }
                ObjectNode resource = byUrl.computeIfAbsent(url, u -> {
                    JsonNode facts = facts(a);
                    ObjectNode r = NODES.objectNode();
                    String title = firstNonNull(text(link, "title"), url);
                    String id = facts.path("id").isTextual() ? facts.path("id").asText() : slug(title);
                    // Two resources of the same title: the second is told apart by its place in the package.
                    r.put(
                            "id",
                            byUrl.values().stream()
                                            .anyMatch(other ->
                                                    other.path("id").asText().equals(id))
                                    ? id + "-" + (byUrl.size() + 1)
                                    : id);
                    r.put("name", title);
                    r.put(
                            "summary",
                            facts.path("summary").isTextual()
                                    ? facts.path("summary").asText()
                                    : title);
                    r.put("url", url);
                    r.put(
                            "format",
                            facts.path("format").isTextual()
                                    ? facts.path("format").asText()
                                    : "docs");
                    r.put("from", "CFAssociations[" + holder[1].asInt() + "]");
                    r.putArray("teaches");
                    return r;
                });
                ArrayNode teaches = (ArrayNode) resource.get("teaches");
                if (!containsId(teaches, taught.id)) {
                    teaches.add(taught.id);
                }
            }
            ArrayNode resources = tree.putArray("resources");
            byUrl.values().forEach(resource -> {
                labels.put(
                        "resources[" + resources.size() + "]",
                        resource.path("from").asText() + " exemplar '"
                                + resource.path("name").asText() + "'");
                resource.remove("from");
                resources.add(resource);
            });
        }

        /** Stages that include topics of other stages ({@code isChildOf} marked {@code includes}). */
        private void addIncludes(ArrayNode stages) {
            Map<String, ArrayNode> includes = new HashMap<>();
            for (Item item : items.values()) {
                for (String stageIdentifier : item.includedBy) {
                    Item stage = items.get(stageIdentifier);
                    if (stage != null && stage.kind.equals("stage")) {
                        includes.computeIfAbsent(stage.id, k -> NODES.arrayNode())
                                .add(item.id);
                    }
                }
            }
            stages.forEach(stage -> {
                ArrayNode ids = includes.get(stage.path("id").asText());
                if (ids != null) {
                    ((ObjectNode) stage).set("includes", ids);
                }
            });
        }

        private @Nullable Item homeStage(Item item) {
            Item current = item;
            for (int hops = 0; hops < items.size() && current.parent != null; hops++) {
                Item parent = items.get(current.parent);
                if (parent == null) {
                    return null; // under the document directly, yet not a stage: cannot happen (top level is a stage)
                }
                if (parent.kind.equals("stage")) {
                    return parent;
                }
                current = parent;
            }
            return null;
        }

        private int orderOf(Item stage) {
            String listed = text(stage.json, "listEnumeration");
            try {
                return listed == null ? 0 : Math.max(0, Math.min(1000, Integer.parseInt(listed.strip())));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** The id of a prerequisite outside the package, from its link's title read as a humanCodingScheme. */
        private static String outsideId(JsonNode link) {
            String title = text(link, "title");
            return title == null
                    ? "unnamed-" + lower(text(link, "identifier"))
                    : codeId(title).orElse(slug(title));
        }

        private String idOf(Item item) {
            String code = text(item.json, "humanCodingScheme");
            if (code != null && codeId(code).isPresent()) {
                return codeId(code).get();
            }
            String slug = slug(required(item.json, "fullStatement"));
            boolean taken = items.values().stream()
                    .anyMatch(other -> other != item && other.index < item.index && other.id.equals(slug));
            return taken
                    ? slug + "-" + slug(item.identifier.substring(0, Math.min(8, item.identifier.length())))
                    : slug;
        }

        private void label(String section, int index, Item item) {
            labels.put(section + "[" + index + "]", "CFItems[" + item.index + "] '" + item.id + "'");
        }
    }

    /** A coding scheme ({@code M.G3.OA.1}) lowercased with its separators as hyphens, if that is a valid id. */
    private static Optional<String> codeId(String code) {
        String id = SEPARATORS
                .matcher(code.toLowerCase(Locale.ROOT))
                .replaceAll("-")
                .replaceAll("^-|-$", "");
        return id.length() <= MAX_ID && ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private static String name(Item item) {
        String statement = required(item.json, "fullStatement");
        if (statement.length() <= MAX_NAME) {
            return statement;
        }
        String abbreviated = text(item.json, "abbreviatedStatement");
        return abbreviated != null && abbreviated.length() <= MAX_NAME
                ? abbreviated
                : statement.substring(0, MAX_NAME - 1).strip() + "…";
    }

    private static String summary(Item item) {
        return firstNonNull(text(item.json, "notes"), required(item.json, "fullStatement"));
    }

    private static int sequence(JsonNode association, Item child) {
        JsonNode sequence = association.path("sequenceNumber");
        if (sequence.canConvertToInt()) {
            return sequence.asInt();
        }
        if (sequence.isTextual()) {
            try {
                return Integer.parseInt(sequence.asText().strip());
            } catch (NumberFormatException e) {
                return child.index;
            }
        }
        return child.index;
    }

    /** SkillGraph's own facts that are there, as they are: the seed schema checks them like any other field. */
    private static void copyFacts(JsonNode facts, ObjectNode entry, String... fields) {
        for (String field : fields) {
            JsonNode value = facts.path(field);
            if (!value.isMissingNode() && !value.isNull()) {
                entry.set(field, value);
            }
        }
    }

    private static JsonNode facts(JsonNode node) {
        return node.path("extensions").path("skillgraph");
    }

    /** A lowercase slug of up to eight words of {@code text}, accents dropped; "item" when nothing is left. */
    static String slug(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String[] words = SEPARATORS.split(plain.toLowerCase(Locale.ROOT).strip());
        StringBuilder slug = new StringBuilder();
        int taken = 0;
        for (String word : words) {
            if (!word.isEmpty() && taken < 8) {
                slug.append(slug.length() == 0 ? "" : "-").append(word);
                taken++;
            }
        }
        return slug.length() == 0 ? "item" : slug.toString();
    }

    private static boolean containsId(ArrayNode list, String id) {
        for (JsonNode element : list) {
            if (element.isTextual()
                    ? element.asText().equals(id)
                    : element.path("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNull() || value.isMissingNode() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** A text the package was checked to have. */
    private static String required(JsonNode node, String field) {
        return Objects.requireNonNull(text(node, field), field);
    }

    private static String lower(@Nullable String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static void putText(ObjectNode entry, String field, @Nullable String value) {
        if (value != null) {
            entry.put(field, value);
        }
    }

    private static String firstNonNull(@Nullable String first, String second) {
        return first != null ? first : second;
    }
}
