package dev.skillgraph.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

    private CasePackages() {}

    /** One item and what the mapping decided for it. */
    static final class Item {
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
        return new CaseSeedTree(file, document, documentId, items).build(precedes, exemplars);
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

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNull() || value.isMissingNode() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** A text the package was checked to have. */
    static String required(JsonNode node, String field) {
        return Objects.requireNonNull(text(node, field), field);
    }

    static String lower(@Nullable String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
