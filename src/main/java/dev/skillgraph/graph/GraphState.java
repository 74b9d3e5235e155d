package dev.skillgraph.graph;

import java.util.Optional;

/**
 * A cheap fingerprint of the graph: the version stamp the last import wrote, node and relationship counts, and the
 * bookmark of the last committed transaction, so any change made elsewhere (e.g. a rename in Neo4j Browser) shows up
 * as a different state without reading the graph.
 */
public record GraphState(
        Optional<String> importedVersion,
        Optional<String> importedHash,
        long nodes,
        long relationships,
        String changeToken) {

    /** True once some seed import has completed against this database. */
    public boolean seeded() {
        return importedVersion.isPresent();
    }
}
