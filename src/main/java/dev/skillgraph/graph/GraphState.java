package dev.skillgraph.graph;

import java.util.Optional;

/**
 * A cheap fingerprint of the graph: the version stamp the last import wrote plus node and relationship counts, so a
 * change made elsewhere (e.g. in Neo4j Browser) shows up as a different state.
 */
public record GraphState(
        Optional<String> importedVersion, Optional<String> importedHash, long nodes, long relationships) {

    /** True once some seed import has completed against this database. */
    public boolean seeded() {
        return importedVersion.isPresent();
    }
}
