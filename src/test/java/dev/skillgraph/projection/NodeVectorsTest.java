package dev.skillgraph.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.Nodes;
import dev.skillgraph.search.IndexedNode;
import dev.skillgraph.search.SentenceEncoder;
import dev.skillgraph.search.VectorIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vector index outlives graph versions and restarts: a version deletes the vectors of nodes gone or changed and adds
 * only what is missing; a restart reads the index back; a damaged index is started again. With the real model.
 */
class NodeVectorsTest {

    private static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = SentenceEncoder.load(Runnable::run);
    }

    private static IndexedNode topic(String id, String name, String summary) {
        return new IndexedNode(Nodes.node(id, Kind.TOPIC, name, summary), null, List.of(), 0);
    }

    private static final List<IndexedNode> GRAPH = List.of(
            topic("pandas", "Pandas", "Data frames in Python: load, clean and reshape tables."),
            topic("docker", "Docker", "Package a model and its dependencies into a container image."),
            topic("quantization", "Quantization", "Store weights in fewer bits to make a model smaller and faster."));

    @Test
    void aNewVersionDeletesWhatChangedAndAddsOnlyWhatIsMissing() {
        try (NodeVectors vectors = new NodeVectors(encoder, null)) {
            vectors.sync(GRAPH);
            VectorIndex index = vectors.index();
            assertThat(index.keys()).containsOnlyKeys("pandas", "docker", "quantization");
            assertThat(index.nearest(encoder.encode("how do I make my model smaller"), 1))
                    .first()
                    .extracting(VectorIndex.Neighbour::id)
                    .isEqualTo("quantization");
            String dockerKey = index.keys().get("docker");
            String pandasKey = index.keys().get("pandas");

            List<IndexedNode> next = new ArrayList<>(List.of(
                    GRAPH.get(0),
                    topic("docker", "Docker", "Run software in containers, the same on every machine."),
                    topic("kubernetes", "Kubernetes", "Schedule containers over a cluster of machines.")));
            vectors.sync(next);

            assertThat(index.keys()).containsOnlyKeys("pandas", "docker", "kubernetes");
            assertThat(index.keys().get("pandas")).isEqualTo(pandasKey);
            assertThat(index.keys().get("docker")).isNotEqualTo(dockerKey);
            assertThat(index.nearest(encoder.encode("make my model smaller"), 3))
                    .extracting(VectorIndex.Neighbour::id)
                    .doesNotContain("quantization");
        }
    }

    @Test
    void aRestartReadsTheIndexBack(@TempDir Path dir) {
        try (NodeVectors vectors = new NodeVectors(encoder, null, null, VectorIndex.open(dir))) {
            vectors.sync(GRAPH);
        }
        try (VectorIndex reopened = VectorIndex.open(dir)) {
            assertThat(reopened.size()).isEqualTo(3);
            assertThat(reopened.nearest(encoder.encode("tables in python"), 1))
                    .first()
                    .satisfies(near -> {
                        assertThat(near.id()).isEqualTo("pandas");
                        assertThat(near.cosine()).isBetween(0.25f, 1f);
                    });
        }
    }

    @Test
    void aDamagedIndexIsStartedAgain(@TempDir Path dir) throws Exception {
        try (NodeVectors vectors = new NodeVectors(encoder, null, null, VectorIndex.open(dir))) {
            vectors.sync(GRAPH);
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments"))
                    .toList()) {
                Files.writeString(file, "not a Lucene commit");
            }
        }
        try (NodeVectors vectors = new NodeVectors(encoder, null, null, VectorIndex.open(dir))) {
            assertThat(vectors.index().size()).isZero();
            vectors.sync(GRAPH);
            assertThat(vectors.index().size()).isEqualTo(3);
        }
    }

    @Test
    void anIndexWithDamagedContentsIsStartedAgainOnDisk(@TempDir Path dir) throws Exception {
        List<IndexedNode> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(topic("topic-" + i, "Topic " + i, "A note on subject number " + i + " of a long course."));
        }
        try (NodeVectors vectors = new NodeVectors(encoder, null, null, VectorIndex.open(dir))) {
            vectors.sync(many);
        }
        // One bit in every 3,001 bytes flipped across the middle of the largest file, mostly vectors, the file's
        // structure intact: read as it was, it served cosines of 1e36.
        Path largest;
        try (var files = Files.list(dir)) {
            largest = files.max(Comparator.comparingLong(f -> f.toFile().length()))
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(largest);
        for (int at = bytes.length / 4; at < bytes.length * 3 / 4; at += 3_001) {
            bytes[at] ^= 0x10;
        }
        Files.write(largest, bytes);
        try (NodeVectors vectors = new NodeVectors(encoder, null, null, VectorIndex.open(dir))) {
            assertThat(vectors.index().size()).isZero();
            vectors.sync(GRAPH);
        }
        try (VectorIndex reopened = VectorIndex.open(dir)) { // kept on disk: the failed open released its lock
            assertThat(reopened.size()).isEqualTo(3);
            assertThat(reopened.nearest(encoder.encode("tables in python"), 3))
                    .allSatisfy(near -> assertThat(near.cosine()).isBetween(-1f, 1.0001f));
        }
    }

    @Test
    void anIndexInUseByAnotherProcessIsLeftAlone(@TempDir Path dir) {
        try (NodeVectors first = new NodeVectors(encoder, null, null, VectorIndex.open(dir))) {
            first.sync(GRAPH);
            // A second opener (the same directory, as a second process would) holds its vectors in memory.
            try (NodeVectors second = new NodeVectors(encoder, null, null, VectorIndex.open(dir))) {
                assertThat(second.index().size()).isZero();
                second.sync(GRAPH.subList(0, 1));
                assertThat(second.index().size()).isEqualTo(1);
            }
            assertThat(first.index().size()).isEqualTo(3);
            first.sync(GRAPH);
        }
        try (VectorIndex reopened = VectorIndex.open(dir)) {
            assertThat(reopened.keys()).containsOnlyKeys("pandas", "docker", "quantization");
        }
    }

    @Test
    void theBackgroundFillAddsWhatTheBuildLeftMissing() {
        try (NodeVectors vectors = new NodeVectors(encoder, null, Runnable::run, VectorIndex.inMemory())) {
            vectors.sync(GRAPH);
            assertThat(vectors.index().size()).isZero();
            vectors.fillInBackground();
            assertThat(vectors.index().keys()).containsOnlyKeys("pandas", "docker", "quantization");
        }
    }
}
