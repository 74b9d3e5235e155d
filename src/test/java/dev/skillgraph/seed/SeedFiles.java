package dev.skillgraph.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Writes small seed packs for tests. */
public final class SeedFiles {

    /** A valid pack: one stage, a tool and three topics where c requires b requires a. */
    public static final String VALID =
            """
            stages:
              - id: s1
                name: Stage One
                order: 1
                summary: the first stage
            tools:
              - id: hammer
                name: Hammer
                summary: hits things
            topics:
              - id: a
                name: Topic A
                summary: the basics
                stage: s1
                uses: [hammer]
              - id: b
                name: Topic B
                summary: builds on A
                stage: s1
                requires:
                  - id: a
                    reason: B extends A
              - id: c
                name: Topic C
                summary: builds on B
                stage: s1
                requires: [b]
            """;

    private SeedFiles() {}

    public static Path write(Path dir, String relativePath, String content) {
        try {
            Path file = dir.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the directory tree {@code from} into {@code to} (e.g. the shipped seed, to edit it in a test). */
    public static Path copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
