package dev.skillgraph.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Finds the files of a seed directory and parses them: the directory's own {@code *.yaml} / {@code *.yml} files and
 * CASE packages ({@code *.case.json}, read as the seed pack they map to), then each direct subdirectory's (a pack), in
 * name order. Files that cannot be read or parsed become problems, never exceptions.
 */
final class SeedReader {

    private final ObjectMapper yaml = new ObjectMapper(yamlFactory());
    /** CASE packages are JSON: read strictly, not as YAML (which would take a trailing comma or plain YAML). */
    private final ObjectMapper json = new ObjectMapper();

    /** Files up to 64 MiB: SnakeYAML's default limit of 3 MiB is too small for a 10,000-topic pack. */
    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    /**
     * The parsed files of {@code seedDir}; adds a problem to {@code problems} for each file that cannot be used.
     *
     * @throws SeedException when the directory does not exist, cannot be listed, or holds no seed file at all
     */
    List<SeedFile> read(Path seedDir, List<SeedProblem> problems) {
        List<Path> paths = seedFiles(seedDir);
        List<SeedFile> files = new ArrayList<>();
        for (Path path : paths) {
            String name = seedDir.relativize(path).toString();
            try {
                JsonNode tree = (isCasePackage(path) ? json : yaml).readTree(path.toFile());
                if (tree == null || tree.isMissingNode() || tree.isNull()) {
                    problems.add(new SeedProblem(name, "", "file is empty"));
                } else if (isCasePackage(path)) {
                    SeedFile file = CasePackages.toSeedFile(name, tree, problems);
                    if (file != null) {
                        files.add(file);
                    }
                } else {
                    files.add(new SeedFile(name, tree));
                }
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null
                        ? ""
                        : " at line " + e.getLocation().getLineNr();
                problems.add(new SeedProblem(
                        name,
                        "",
                        "not valid " + (isCasePackage(path) ? "JSON" : "YAML") + where + ": "
                                + e.getOriginalMessage()));
            } catch (IOException e) {
                problems.add(new SeedProblem(name, "", "cannot read: " + e.getMessage()));
            }
        }
        return files;
    }

    private static List<Path> seedFiles(Path seedDir) {
        if (!Files.isDirectory(seedDir)) {
            throw wholeDirectory(seedDir, "seed directory does not exist (set SKILLGRAPH_SEED_DIR)");
        }
        List<Path> files = new ArrayList<>(yamlFiles(seedDir));
        try (Stream<Path> children = Files.list(seedDir)) {
            children.filter(Files::isDirectory).sorted().forEach(pack -> files.addAll(yamlFiles(pack)));
        } catch (IOException e) {
            throw wholeDirectory(seedDir, "cannot list the seed directory: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw wholeDirectory(
                    seedDir,
                    "no seed pack found: expected *.yaml, *.yml or *.case.json files in it or in its subdirectories");
        }
        return files;
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") || isCasePackage(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of(); // an unreadable pack directory is reported as "no seed pack" if nothing else is found
        }
    }

    /** A CASE package: a {@code *.case.json} file ({@link CasePackages}). */
    private static boolean isCasePackage(Path path) {
        return path.getFileName().toString().endsWith(".case.json");
    }

    private static SeedException wholeDirectory(Path seedDir, String message) {
        return new SeedException(List.of(new SeedProblem(seedDir.toString(), "", message)));
    }
}
