package dev.skillgraph.seed;

import dev.skillgraph.domain.SeedGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads every pack of a seed directory and validates all of it before anything is written: it reports every problem
 * at once (bad YAML, unknown kinds or fields, missing fields, wrong types or values, duplicate ids, dangling
 * references, self-loops and {@code REQUIRES} cycles with their path) or returns a {@link SeedGraph} ready to import.
 * Field rules come from the seed schema alone ({@link SeedSchema}); the rest is {@link SeedGraphBuilder}'s.
 */
public final class SeedLoader {

    private final SeedReader reader = new SeedReader();
    private final SeedSchema schema = SeedSchema.load();

    /**
     * Loads and validates the packs under {@code seedDir}: the directory itself if it holds {@code *.yaml} / {@code *.yml} files,
     * and each direct subdirectory that does.
     *
     * @throws SeedException listing every problem when the seed is not valid
     */
    public SeedGraph load(Path seedDir) {
        List<SeedProblem> problems = new ArrayList<>();
        SeedGraphBuilder builder = new SeedGraphBuilder(problems);
        for (SeedFile file : reader.read(seedDir, problems)) {
            Set<String> invalidEntries = new HashSet<>();
            for (SeedSchema.Violation violation : schema.validate(file)) {
                problems.add(violation.problem(file));
                invalidEntries.add(violation.entry());
            }
            builder.add(file, invalidEntries);
        }
        SeedGraph graph = builder.build();
        if (!problems.isEmpty()) {
            throw new SeedException(problems);
        }
        return graph;
    }
}
