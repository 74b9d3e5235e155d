package dev.skillgraph.seed;

import static dev.skillgraph.seed.CasePackages.lower;
import static dev.skillgraph.seed.CasePackages.text;
import static dev.skillgraph.seed.CaseSeedTree.containsId;
import static dev.skillgraph.seed.CaseSeedTree.facts;
import static dev.skillgraph.seed.CaseSeedTree.firstNonNull;
import static dev.skillgraph.seed.CaseSeedTree.slug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skillgraph.seed.CasePackages.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learning resources of a CASE package: an {@code exemplar} association from an item to a web page makes that
 * page a resource teaching the item (one resource per page, whatever number of items it teaches); an exemplar that is
 * no web page ({@code urn:isbn:...}, a file) is left out.
 */
final class CaseResources {

    private CaseResources() {}

    /**
     * Adds to {@code resources} one learning resource per web page that {@code exemplars} link items to, teaching
     * those items, and labels each for messages by the association it came from.
     *
     * @param exemplars the package's {@code exemplar} associations, each with its index among the associations
     * @param entries the seed entries of the topics and tools, by CASE identifier
     */
    static void add(
            List<JsonNode[]> exemplars,
            Map<String, Item> items,
            Map<String, ObjectNode> entries,
            ArrayNode resources,
            Map<String, String> labels) {
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
                ObjectNode r = JsonNodeFactory.instance.objectNode();
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
                        facts.path("format").isTextual() ? facts.path("format").asText() : "docs");
                r.put("from", "CFAssociations[" + holder[1].asInt() + "]");
                r.putArray("teaches");
                return r;
            });
            ArrayNode teaches = (ArrayNode) resource.get("teaches");
            if (!containsId(teaches, taught.id)) {
                teaches.add(taught.id);
            }
        }
        byUrl.values().forEach(resource -> {
            labels.put(
                    "resources[" + resources.size() + "]",
                    resource.path("from").asText() + " exemplar '"
                            + resource.path("name").asText() + "'");
            resource.remove("from");
            resources.add(resource);
        });
    }
}
