package dev.skillgraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.seed.SeedLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deterministic generator of roadmap-like seed packs: stages, topics named and described with the vocabulary of the
 * real seed, tools, resources and careers; about 3 prerequisites per topic, layered about 20 deep. It writes a normal
 * seed pack, so it loads through the normal validation and import path.
 */
public final class SyntheticRoadmap {

    static final int LAYERS = 20;
    static final int STAGES = 10;
    static final int ROADMAP_SIZE = 100;
    /** Roadmap nodes: the groups of {@value #ROADMAP_SIZE} topics are dealt out to this many, each with its stages. */
    static final int ROADMAPS = 50;
    /** Foundation topics each roadmap's first stage includes (shares) from roadmap 0. */
    static final int SHARED = 5;

    /** How prerequisites are drawn, which sets how large a learning plan gets. */
    public enum Shape {
        /**
         * Many roadmaps of {@value #ROADMAP_SIZE} topics (the size of a roadmap.sh roadmap; the real seed has 38), each
         * 20 layers deep, all building on one shared foundations roadmap: a topic's prerequisites come from its own
         * roadmap, one in five from the foundations. A plan has at most about two roadmaps' worth of steps, as
         * learning plans in real curricula do.
         */
        ROADMAPS,
        /**
         * One roadmap of every topic, 20 layers deep: prerequisites come from anywhere in the layers below, so the plan
         * for a deep topic has thousands of steps. A stress case, not a curriculum.
         */
        DEEP
    }

    private final List<String> vocabulary;
    private final Random random;
    private final Shape shape;

    private SyntheticRoadmap(List<String> vocabulary, long seed, Shape shape) {
        this.vocabulary = vocabulary;
        this.random = new Random(seed);
        this.shape = shape;
    }

    /** Writes a pack of {@code topics} topics of the ROADMAPS shape under {@code dir}/synthetic. */
    public static Path write(Path realSeed, Path dir, int topics, long seed) {
        return write(realSeed, dir, topics, seed, Shape.ROADMAPS);
    }

    /** Writes a pack of {@code topics} topics under {@code dir}/synthetic, using the words of {@code realSeed}. */
    public static Path write(Path realSeed, Path dir, int topics, long seed, Shape shape) {
        new SyntheticRoadmap(vocabulary(new SeedLoader().load(realSeed)), seed, shape)
                .writePack(dir.resolve("synthetic"), topics);
        return dir;
    }

    private static List<String> vocabulary(SeedGraph seed) {
        Set<String> words = new TreeSet<>();
        for (GraphNode node : seed.nodes()) {
            for (String text : new String[] {node.name(), node.summary(), node.description()}) {
                if (text != null) {
                    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                        if (word.length() >= 4) {
                            words.add(word);
                        }
                    }
                }
            }
        }
        return List.copyOf(words);
    }

    private void writePack(Path pack, int topicCount) {
        int roadmapSize = shape == Shape.ROADMAPS ? ROADMAP_SIZE : topicCount;
        int roadmapCount = Math.min(ROADMAPS, (topicCount + roadmapSize - 1) / roadmapSize);
        List<Map<String, Object>> stages = new ArrayList<>();
        List<Map<String, Object>> roadmaps = new ArrayList<>();
        for (int k = 0; k < roadmapCount; k++) {
            List<String> stageIds = new ArrayList<>();
            for (int s = 0; s < STAGES; s++) {
                String id = stageId(k, s);
                stageIds.add(id);
                stages.add(entry(
                        "id",
                        id,
                        "name",
                        "Stage " + s + " " + title(2),
                        "order",
                        s,
                        "weeks",
                        "4–6 weeks",
                        "summary",
                        sentence(10)));
            }
            roadmaps.add(entry(
                    "id",
                    "roadmap-" + k,
                    "name",
                    title(2) + " Roadmap " + k,
                    "summary",
                    sentence(10),
                    "stages",
                    stageIds));
        }
        int toolCount = Math.max(5, topicCount / 20);
        List<Map<String, Object>> tools = new ArrayList<>();
        for (int t = 0; t < toolCount; t++) {
            tools.add(entry("id", "tool-" + t, "name", title(1) + " " + t, "summary", sentence(8), "hours", 8));
        }
        // layers.get(roadmap).get(layer): the topics of one layer of one roadmap; roadmap 0 is the foundations.
        List<List<List<String>>> layers = new ArrayList<>();
        for (int r = 0; r * roadmapSize < topicCount; r++) {
            layers.add(new ArrayList<>());
            for (int l = 0; l < LAYERS; l++) {
                layers.get(r).add(new ArrayList<>());
            }
        }
        List<Map<String, Object>> topics = new ArrayList<>();
        for (int i = 0; i < topicCount; i++) {
            String id = "topic-" + i;
            int roadmap = i / roadmapSize;
            int layer = i % roadmapSize < LAYERS ? i % roadmapSize : random.nextInt(LAYERS);
            Map<String, Object> topic = entry(
                    "id",
                    id,
                    "name",
                    title(2 + random.nextInt(3)) + " " + i,
                    "summary",
                    sentence(8 + random.nextInt(7)),
                    "description",
                    sentence(20 + random.nextInt(15)),
                    "stage",
                    stageId(roadmap % roadmapCount, layer * STAGES / LAYERS),
                    "hours",
                    2 + random.nextInt(20),
                    "aliases",
                    List.of(title(1).toLowerCase(Locale.ROOT) + "-" + i));
            if (layer > 0) {
                Set<String> requires = new LinkedHashSet<>();
                int wanted = 1 + random.nextInt(5); // 1..5, about 3 on average
                for (int r = 0; r < wanted * 3 && requires.size() < wanted; r++) {
                    // Mostly the layer just below, so that chains run about LAYERS deep.
                    int from = random.nextInt(4) == 0 ? random.nextInt(layer) : layer - 1;
                    List<String> candidates = layers.get(roadmap).get(from);
                    if (roadmap > 0 && random.nextInt(5) == 0) {
                        candidates = layers.get(0).get(random.nextInt(layer)); // the shared foundations, below
                    }
                    if (!candidates.isEmpty()) {
                        requires.add(candidates.get(random.nextInt(candidates.size())));
                    }
                }
                List<Map<String, Object>> edges = new ArrayList<>();
                requires.forEach(r -> edges.add(entry("id", r, "reason", sentence(6))));
                topic.put("requires", edges);
            }
            topic.put("uses", List.of("tool-" + random.nextInt(toolCount)));
            layers.get(roadmap).get(layer).add(id);
            topics.add(topic);
        }
        // Every roadmap but the first shares a few foundation topics: its first stage includes them.
        List<String> foundations = layers.get(0).get(0);
        for (int k = 1; k < roadmapCount && !foundations.isEmpty(); k++) {
            Set<String> shared = new LinkedHashSet<>();
            for (int n = 0; n < SHARED; n++) {
                shared.add(foundations.get(random.nextInt(foundations.size())));
            }
            stages.get(k * STAGES).put("includes", List.copyOf(shared));
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (int r = 0; r < Math.max(5, topicCount / 10); r++) {
            Set<String> teaches = new LinkedHashSet<>();
            for (int k = 0; k < 1 + random.nextInt(5); k++) {
                teaches.add("topic-" + random.nextInt(topicCount));
            }
            resources.add(entry(
                    "id",
                    "resource-" + r,
                    "name",
                    title(3) + " " + r,
                    "summary",
                    sentence(10),
                    "format",
                    "course",
                    "url",
                    "https://example.com/resource/" + r,
                    "teaches",
                    List.copyOf(teaches)));
        }
        List<Map<String, Object>> careers = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            List<String> top = layers.get(random.nextInt(layers.size())).get(LAYERS - 1);
            Set<String> requires = new LinkedHashSet<>();
            for (int k = 0; k < 10 && !top.isEmpty(); k++) {
                requires.add(top.get(random.nextInt(top.size())));
            }
            careers.add(entry(
                    "id",
                    "career-" + c,
                    "name",
                    title(2) + " Engineer " + c,
                    "summary",
                    sentence(10),
                    "requires",
                    List.copyOf(requires)));
        }
        try {
            Files.createDirectories(pack);
            ObjectMapper yaml =
                    new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
            yaml.writeValue(pack.resolve("stages.yaml").toFile(), Map.of("roadmaps", roadmaps, "stages", stages));
            yaml.writeValue(pack.resolve("tools.yaml").toFile(), Map.of("tools", tools));
            // Files of at most 2,000 topics, as a team would split a large pack.
            for (int from = 0; from < topics.size(); from += 2000) {
                yaml.writeValue(
                        pack.resolve("topics-%03d.yaml".formatted(from / 2000)).toFile(),
                        Map.of("topics", topics.subList(from, Math.min(topics.size(), from + 2000))));
            }
            yaml.writeValue(pack.resolve("resources.yaml").toFile(), Map.of("resources", resources));
            yaml.writeValue(pack.resolve("careers.yaml").toFile(), Map.of("careers", careers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stageId(int roadmap, int stage) {
        return roadmap == 0 ? "stage-" + stage : "roadmap-" + roadmap + "-stage-" + stage;
    }

    private String word() {
        return vocabulary.get(random.nextInt(vocabulary.size()));
    }

    private String title(int words) {
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = word();
            title.append(w == 0 ? "" : " ")
                    .append(Character.toUpperCase(word.charAt(0)))
                    .append(word.substring(1));
        }
        return title.toString();
    }

    private String sentence(int words) {
        StringBuilder sentence = new StringBuilder();
        for (int w = 0; w < words; w++) {
            sentence.append(w == 0 ? "" : " ").append(word());
        }
        return sentence.append('.').toString();
    }

    private static Map<String, Object> entry(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
