package dev.skillgraph.seed;

import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.GraphState;
import dev.skillgraph.graph.ImportResult;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Validates the seed directory and writes it to Neo4j in one transaction; an invalid seed writes nothing. */
public final class SeedImporter {

    private static final Logger LOG = LoggerFactory.getLogger(SeedImporter.class);

    private final SeedLoader loader;
    private final GraphRepository repository;
    private final Path seedDir;

    public SeedImporter(SeedLoader loader, GraphRepository repository, Path seedDir) {
        this.loader = loader;
        this.repository = repository;
        this.seedDir = seedDir;
    }

    /**
     * Imports the seed unconditionally.
     *
     * @throws SeedException with every problem when the seed is invalid; the graph is then left as it was
     */
    public ImportResult importSeed() {
        SeedGraph seed = loader.load(seedDir);
        return write(seed);
    }

    /**
     * Imports the seed only when its content differs from what the last import wrote, so that a restart keeps edits
     * made in Neo4j Browser to an unchanged seed.
     */
    public Optional<ImportResult> importIfChanged() {
        SeedGraph seed = loader.load(seedDir);
        GraphState state = repository.state();
        if (state.importedHash().filter(seed.contentHash()::equals).isPresent()) {
            LOG.info(
                    "Seed unchanged since import {}; nothing to write",
                    state.importedVersion().orElseThrow());
            return Optional.empty();
        }
        return Optional.of(write(seed));
    }

    private ImportResult write(SeedGraph seed) {
        ImportResult result = repository.replaceSeed(seed);
        LOG.info(
                "Imported seed {}: {} nodes, {} relationships, {} stale nodes removed, in {} ms",
                result.version(),
                result.nodes(),
                result.relationships(),
                result.removedNodes(),
                result.millis());
        return result;
    }
}
