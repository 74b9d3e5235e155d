package dev.skillgraph.seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One parsed file of a seed pack.
 *
 * @param name the file's path relative to the seed directory, as messages name it
 * @param tree its content as read (YAML read as a JSON tree; a CASE package as the seed pack it maps to)
 * @param labels for a CASE package, what messages call each entry (e.g. {@code topics[3]} is {@code CFItems[7] 'x'})
 */
record SeedFile(String name, JsonNode tree, Map<String, String> labels) {

    /** A file whose entries are labelled by their section and index. */
    SeedFile(String name, JsonNode tree) {
        this(name, tree, Map.of());
    }

    /** The entry label messages use, e.g. {@code topics[3] 'lora'} (the id only when the entry has a textual one). */
    String entryLabel(String section, int index) {
        String label = labels.get(section + "[" + index + "]");
        if (label != null) {
            return label;
        }
        JsonNode id = tree.path(section).path(index).path("id");
        return section + "[" + index + "]" + (id.isTextual() ? " '" + id.asText() + "'" : "");
    }
}
