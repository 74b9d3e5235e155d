package dev.skillgraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.domain.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON Schema given to editors describes exactly what the loader accepts. */
class SeedSchemaTest {

    @Test
    void theSchemaListsTheSameFieldsAndRequiredFieldsAsTheLoader() throws IOException {
        JsonNode defs = new ObjectMapper()
                .readTree(Path.of("graph-seed/schema/seed-pack.schema.json").toFile())
                .get("$defs");
        for (Kind kind : Kind.values()) {
            JsonNode def = defs.get(kind.key());
            Set<String> properties = new HashSet<>();
            def.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> required = new HashSet<>();
            def.get("required").forEach(field -> required.add(field.asText()));

            assertThat(properties).as(kind.key()).isEqualTo(SeedLoader.allowedFields(kind));
            assertThat(required).as(kind.key()).isEqualTo(SeedLoader.requiredFields(kind));
        }
    }
}
