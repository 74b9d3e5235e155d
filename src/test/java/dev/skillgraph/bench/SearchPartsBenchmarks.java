package dev.skillgraph.bench;

import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.search.SearchParts;
import dev.skillgraph.search.SearchQuery;
import dev.skillgraph.search.SearchResult;
import dev.skillgraph.search.Synonyms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each of SkillGraph's own Lucene parts buys: the same mix of searches (as typed, with a typo, cut short, in
 * turn) on an index with every part its own, with all of them Lucene's, and with each swapped for Lucene's alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3) // see ProjectionBenchmarks: search needs 15-20 s of JIT on two cores
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx3g"})
public class SearchPartsBenchmarks {

    private static final Map<String, SearchParts> PARTS = Map.of(
            "own", SearchParts.OWN,
            "plain", SearchParts.PLAIN,
            "luceneTermQueries", new SearchParts(false, false, true, true, true, true),
            "noFrozenPostings", new SearchParts(true, false, true, true, true, true),
            "luceneCodec", new SearchParts(true, true, false, true, true, true),
            "functionScoreQuery", new SearchParts(true, true, true, false, true, true),
            "rebuiltFieldQueries", new SearchParts(true, true, true, true, false, true));

    @Param({"seed", "10000"})
    public String graph;

    @Param({
        "own",
        "plain",
        "luceneTermQueries",
        "noFrozenPostings",
        "luceneCodec",
        "functionScoreQuery",
        "rebuiltFieldQueries"
    })
    public String parts;

    private Projection projection;
    private List<String> mix;
    private int next;

    @Setup(Level.Trial)
    public void build() throws Exception {
        Path work = Files.createTempDirectory("skillgraph-jmh");
        SeedGraph seed = BenchGraphs.load(BenchGraphs.seedDir(graph, work));
        projection = Projection.build(
                BenchGraphs.data(seed),
                Synonyms.load(BenchGraphs.REAL_SEED.resolve("synonyms.txt")),
                PARTS.get(parts),
                null);
        BenchGraphs.Queries queries = BenchGraphs.queries(seed, 256);
        mix = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            mix.add(
                    switch (i % 3) {
                        case 0 -> queries.plain().get(i);
                        case 1 -> queries.typo().get(i);
                        default -> queries.prefix().get(i);
                    });
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        projection.index().close();
    }

    @Benchmark
    public SearchResult search() {
        next = (next + 1) & 255;
        return projection.index().search(new SearchQuery(mix.get(next), Optional.empty(), Optional.empty(), 10, 0));
    }
}
