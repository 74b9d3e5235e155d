package dev.skillgraph.seed;

import static dev.skillgraph.seed.CasePackages.lower;
import static dev.skillgraph.seed.CasePackages.required;
import static dev.skillgraph.seed.CasePackages.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skillgraph.seed.CasePackages.Item;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The seed-pack tree of a CASE package that {@link CasePackages} found whole: its document as a roadmap, its items as
 * stages, topics and tools with ids, its {@code precedes} as prerequisites, its {@code exemplar} links as resources,
 * and the label of each entry for messages (the mapping is described on {@link CasePackages}).
 */
final class CaseSeedTree {

    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final int MAX_NAME = 120;
    /** Longer codes are not ids a person types: the statement's slug is used instead. */
    private static final int MAX_ID = 80;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final JsonNode document;
    private final String documentId;
    private final Map<String, Item> items;
    private final Map<String, String> labels = new HashMap<>();
    private final ObjectNode tree = NODES.objectNode();

    /**
     * @param document the package's {@code CFDocument}
     * @param items every {@code CFItem} by identifier (lowercased), with its parent, inclusions and sequence read
     */
    CaseSeedTree(String file, JsonNode document, String documentId, Map<String, Item> items) {
        this.file = file;
        this.document = document;
        this.documentId = documentId;
        this.items = items;
    }

    /**
     * The tree, with a label for each entry.
     *
     * @param precedes the package's {@code precedes} associations
     * @param exemplars the package's {@code exemplar} associations, each with its index among the associations
     */
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
            ArrayNode requires =
                    dependent.has("requires") ? (ArrayNode) dependent.get("requires") : dependent.putArray("requires");
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
        CaseResources.add(exemplars, items, entries, tree.putArray("resources"), labels);
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

    /** Stages that include topics of other stages ({@code isChildOf} marked {@code includes}). */
    private void addIncludes(ArrayNode stages) {
        Map<String, ArrayNode> includes = new HashMap<>();
        for (Item item : items.values()) {
            for (String stageIdentifier : item.includedBy) {
                Item stage = items.get(stageIdentifier);
                if (stage != null && stage.kind.equals("stage")) {
                    includes.computeIfAbsent(stage.id, k -> NODES.arrayNode()).add(item.id);
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
        return taken ? slug + "-" + slug(item.identifier.substring(0, Math.min(8, item.identifier.length()))) : slug;
    }

    private void label(String section, int index, Item item) {
        labels.put(section + "[" + index + "]", "CFItems[" + item.index + "] '" + item.id + "'");
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

    /** SkillGraph's own facts that are there, as they are: the seed schema checks them like any other field. */
    private static void copyFacts(JsonNode facts, ObjectNode entry, String... fields) {
        for (String field : fields) {
            JsonNode value = facts.path(field);
            if (!value.isMissingNode() && !value.isNull()) {
                entry.set(field, value);
            }
        }
    }

    static JsonNode facts(JsonNode node) {
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

    static boolean containsId(ArrayNode list, String id) {
        for (JsonNode element : list) {
            if (element.isTextual()
                    ? element.asText().equals(id)
                    : element.path("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static void putText(ObjectNode entry, String field, @Nullable String value) {
        if (value != null) {
            entry.put(field, value);
        }
    }

    static String firstNonNull(@Nullable String first, String second) {
        return first != null ? first : second;
    }
}
