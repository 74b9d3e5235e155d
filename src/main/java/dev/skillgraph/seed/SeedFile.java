package dev.skillgraph.seed;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One parsed file of a seed pack.
 *
 * @param name the file's path relative to the seed directory, as messages name it
 * @param tree its content as read (YAML read as a JSON tree)
 */
record SeedFile(String name, JsonNode tree) {

    /** The entry label messages use, e.g. {@code topics[3] 'lora'} (the id only when the entry has a textual one). */
    String entryLabel(String section, int index) {
        JsonNode id = tree.path(section).path(index).path("id");
        return section + "[" + index + "]" + (id.isTextual() ? " '" + id.asText() + "'" : "");
    }
}
