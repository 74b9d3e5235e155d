package dev.skillgraph.api;

import dev.skillgraph.error.SkillGraphException;
import dev.skillgraph.graph.ImportResult;
import dev.skillgraph.projection.ProjectionManager;
import dev.skillgraph.seed.SeedImporter;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The write endpoints: re-import the seed, rebuild the projection. They need {@code Authorization: Bearer <token>};
 * without a configured token they do not exist (404).
 */
final class AdminController {

    private final Optional<byte[]> tokenDigest;
    private final SeedImporter importer;
    private final ProjectionManager projections;
    private final ProjectionReads reads;

    AdminController(
            Optional<String> token, SeedImporter importer, ProjectionManager projections, ProjectionReads reads) {
        this.tokenDigest = token.map(AdminController::sha256);
        this.importer = importer;
        this.projections = projections;
        this.reads = reads;
    }

    /** Runs before every admin route: 404 when admin is off, 401 without the right token. */
    void authorize(Context ctx) {
        if (tokenDigest.isEmpty()) {
            throw SkillGraphException.notFound(
                    null,
                    "no such endpoint: " + ctx.method() + " " + ctx.path()
                            + " (admin endpoints are disabled; set SKILLGRAPH_ADMIN_TOKEN to enable them)");
        }
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : "";
        // Compare digests of equal length in constant time: neither the token nor its length leaks through timing.
        if (!MessageDigest.isEqual(sha256(presented), tokenDigest.get())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"skillgraph-admin\"");
            throw SkillGraphException.of(
                    SkillGraphException.Reason.NOT_AUTHENTICATED,
                    header == null
                            ? "this endpoint needs 'Authorization: Bearer <admin token>'"
                            : "the admin token is not valid");
        }
    }

    void importSeed(Context ctx) {
        ImportResult result = importer.importSeed();
        projections.rebuild();
        ctx.json(reads.apply(p -> new AdminResponse(
                "imported",
                result.version(),
                p.version(),
                result.nodes(),
                result.relationships(),
                result.removedNodes(),
                result.millis(),
                p.buildMillis())));
    }

    void reindex(Context ctx) {
        projections.rebuild();
        ctx.json(reads.apply(p -> new AdminResponse(
                "reindexed",
                p.source().importedVersion().orElse(null),
                p.version(),
                p.graph().size(),
                null,
                null,
                null,
                p.buildMillis())));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
