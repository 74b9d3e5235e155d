package dev.skillgraph.bench;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.graph.GraphData;
import dev.skillgraph.graph.GraphState;
import dev.skillgraph.seed.SeedLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/** The graphs benchmarks run on ("seed" or a topic count) and the queries they send, all deterministic. */
final class BenchGraphs {

    static final Path REAL_SEED = Path.of("graph-seed");

    private BenchGraphs() {}

    /** Suffix of a size that asks for the {@link SyntheticRoadmap.Shape#DEEP} stress shape, e.g. {@code 10000-deep}. */
    static final String DEEP = "-deep";

    /**
     * A seed directory for {@code size}: {@code seed} (the real one), or a synthetic pack of {@code N} topics (or
     * {@code N-deep}) generated under {@code work}.
     */
    static Path seedDir(String size, Path work) {
        if (size.equals("seed")) {
            return REAL_SEED;
        }
        try {
            Path dir = Files.createDirectories(work.resolve("seed-" + size));
            boolean deep = size.endsWith(DEEP);
            int topics = Integer.parseInt(deep ? size.substring(0, size.length() - DEEP.length()) : size);
            return SyntheticRoadmap.write(
                    REAL_SEED, dir, topics, 42, deep ? SyntheticRoadmap.Shape.DEEP : SyntheticRoadmap.Shape.ROADMAPS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GraphData data(SeedGraph seed) {
        return new GraphData(seed.nodes(), seed.edges(), new GraphState(Optional.empty(), Optional.empty(), 0, 0, ""));
    }

    static SeedGraph load(Path seedDir) {
        return new SeedLoader().load(seedDir);
    }

    /** Queries of one shape, drawn from the names of the graph's topics. */
    record Queries(List<String> plain, List<String> typo, List<String> prefix, List<String> goals) {}

    static Queries queries(SeedGraph seed, int count) {
        Random random = new Random(7);
        List<GraphNode> topics =
                seed.nodes().stream().filter(n -> n.kind() == Kind.TOPIC).toList();
        List<String> plain = new ArrayList<>();
        List<String> typo = new ArrayList<>();
        List<String> prefix = new ArrayList<>();
        List<String> goals = new ArrayList<>();
        while (plain.size() < count) {
            GraphNode topic = topics.get(random.nextInt(topics.size()));
            String[] words = topic.name()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z ]", " ")
                    .trim()
                    .split("\\s+");
            if (words.length < 2 || words[0].length() < 5) {
                continue;
            }
            plain.add(words[0] + " " + words[1]);
            char[] letters = words[0].toCharArray();
            int at = 1 + random.nextInt(letters.length - 2);
            char swap = letters[at];
            letters[at] = letters[at + 1];
            letters[at + 1] = swap;
            typo.add(new String(letters));
            prefix.add(words[0].substring(0, 4));
            goals.add(topic.id());
        }
        return new Queries(plain, typo, prefix, goals);
    }
}
