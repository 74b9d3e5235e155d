package dev.skillgraph.seed;

/**
 * One thing wrong with a seed pack.
 *
 * @param file the file, relative to the seed directory
 * @param entry the entry inside it, e.g. {@code topics[3] 'lora'}, or empty for the whole file
 */
public record SeedProblem(String file, String entry, String message) {

    @Override
    public String toString() {
        return file + (entry.isEmpty() ? "" : ": " + entry) + ": " + message;
    }
}
