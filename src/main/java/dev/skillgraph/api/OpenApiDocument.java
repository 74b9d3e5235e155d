package dev.skillgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** The OpenAPI 3 document (written by hand in openapi.yaml, served as JSON) and the page that browses it. */
final class OpenApiDocument {

    private final String json;
    private final String docsPage;

    OpenApiDocument() {
        try (InputStream yaml = OpenApiDocument.class.getResourceAsStream("/openapi.yaml")) {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            this.json = new ObjectMapper().writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read openapi.yaml", e);
        }
        String ui = "/webjars/swagger-ui/" + swaggerUiVersion();
        this.docsPage =
                """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>SkillGraph API</title>
                  <link rel="stylesheet" href="%1$s/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$s/swagger-ui-bundle.js"></script>
                  <script src="%1$s/swagger-ui-standalone-preset.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({
                      url: "/openapi.json",
                      dom_id: "#swagger-ui",
                      deepLinking: true,
                      tryItOutEnabled: true,
                      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                      layout: "StandaloneLayout"
                    });
                  </script>
                </body>
                </html>
                """
                        .formatted(ui);
    }

    String json() {
        return json;
    }

    String docsPage() {
        return docsPage;
    }

    /** Paths the document describes, as {@code METHOD /path}. */
    static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue()
                .fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    /** The Swagger UI webjar's version, read from its own Maven metadata so the page always matches the jar. */
    private static String swaggerUiVersion() {
        try (InputStream in =
                OpenApiDocument.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the swagger-ui webjar is missing from the classpath", e);
        }
    }
}
