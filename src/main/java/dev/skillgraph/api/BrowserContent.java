package dev.skillgraph.api;

import dev.skillgraph.error.SkillGraphException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The SkillGraph style and guide for Neo4j Browser ({@code graph-seed/browser}, packed in the jar), served so that
 * Browser can fetch them on connect ({@code browser.post_connect_cmd}): with CORS for the Browser origins only, never
 * {@code *}. Browser fetches a guide with {@code cache-control} and {@code pragma} headers, so it first sends a
 * preflight (neo4j-browser 5.24, {@code playAndGuides.ts}).
 */
final class BrowserContent {

    private static final Map<String, String> FILES = Map.of(
            "style.grass", "text/plain; charset=utf-8",
            "guide.html", "text/html; charset=utf-8");

    /** Where the build puts them: not {@code browser/}, where Neo4j's HTTP server looks for Browser itself. */
    private static final String RESOURCES = "/skillgraph-browser/";

    private final List<String> origins;

    /** @param origins the origins Neo4j Browser is served from, e.g. {@code http://localhost:7474} */
    BrowserContent(List<String> origins) {
        this.origins = List.copyOf(origins);
    }

    /** {@code GET /browser/{file}}. */
    void get(Context ctx) {
        String file = ctx.pathParam("file");
        String type = FILES.get(file);
        if (type == null) {
            throw SkillGraphException.notFound(
                    null, "no Browser file '" + QueryParams.abbreviate(file) + "'; there are " + FILES.keySet());
        }
        allowOrigin(ctx);
        try (InputStream in = BrowserContent.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCES + file + " is missing from the jar");
            }
            ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code OPTIONS /browser/{file}}: the preflight of Browser's guide fetch. */
    void preflight(Context ctx) {
        if (allowOrigin(ctx)) {
            ctx.header("Access-Control-Allow-Methods", "GET");
            ctx.header("Access-Control-Allow-Headers", "cache-control, pragma");
            ctx.header("Access-Control-Max-Age", "600");
        }
        ctx.status(204);
    }

    private boolean allowOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        ctx.header("Vary", "Origin");
        if (origin != null && origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            return true;
        }
        return false;
    }
}
