package dev.skillgraph.bench;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.graph.GraphData;
import dev.skillgraph.path.LearningPlan;
import dev.skillgraph.path.NextSteps;
import dev.skillgraph.path.PrerequisiteChain;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.search.SearchQuery;
import dev.skillgraph.search.SearchResult;
import dev.skillgraph.search.Suggestion;
import dev.skillgraph.search.Synonyms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.synonym.SynonymMap;
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

/** In-process cost of every query the API answers, on one projection, with percentiles (JMH sample mode). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Search's scoring code takes the JIT 15-20 s to compile fully on two busy cores; with 3 s of warm-up, search was
// measured at about twice its steady-state cost.
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx3g"})
public class ProjectionBenchmarks {

    @Param({"seed", "10000", "10000-deep"})
    public String graph;

    private Projection projection;
    private BenchGraphs.Queries queries;
    private GraphData data;
    private SynonymMap synonyms;
    private List<String[]> chains;
    private int next;

    @Setup(Level.Trial)
    public void build() throws Exception {
        Path work = Files.createTempDirectory("skillgraph-jmh");
        SeedGraph seed = BenchGraphs.load(BenchGraphs.seedDir(graph, work));
        data = BenchGraphs.data(seed);
        synonyms = Synonyms.load(BenchGraphs.REAL_SEED.resolve("synonyms.txt"));
        projection = Projection.build(data, synonyms);
        queries = BenchGraphs.queries(seed, 256);
        chains = new ArrayList<>();
        for (String goal : queries.goals()) {
            LearningPlan plan = projection.paths().plan(goal, Set.of(), Optional.empty());
            if (!plan.steps().isEmpty()) {
                chains.add(new String[] {plan.steps().get(0).id(), goal}); // from the deepest root up to the goal
            }
        }
    }

    /** Evicts the caches before each call: one byte written per cache line of 64 MB, twice the L3 of the bench machine. */
    @State(Scope.Thread)
    public static class ColdCaches {
        private final byte[] sweep = new byte[64 << 20];

        @Setup(Level.Invocation)
        public void evict() {
            for (int i = 0; i < sweep.length; i += 64) {
                sweep[i]++;
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        projection.index().close();
    }

    private int pick() {
        next = (next + 1) & 255;
        return next;
    }

    private SearchResult search(String text, Optional<Kind> kind) {
        return projection.index().search(new SearchQuery(text, kind, Optional.empty(), 10, 0));
    }

    @Benchmark
    public SearchResult searchPlain() {
        return search(queries.plain().get(pick()), Optional.empty());
    }

    /**
     * The same searches, each after a sweep through more memory than the machine's caches hold: what a search costs
     * when it follows other work (Neo4j's queries in the same process, a pause of the client while the cores did
     * something else), as every search of the end-to-end harness's one-thread tables does.
     */
    @Benchmark
    public SearchResult searchPlainColdCaches(ColdCaches cold) {
        return search(queries.plain().get(pick()), Optional.empty());
    }

    @Benchmark
    public SearchResult searchTypo() {
        return search(queries.typo().get(pick()), Optional.empty());
    }

    @Benchmark
    public SearchResult searchPrefix() {
        return search(queries.prefix().get(pick()), Optional.empty());
    }

    @Benchmark
    public SearchResult searchFiltered() {
        return search(queries.plain().get(pick()), Optional.of(Kind.TOPIC));
    }

    @Benchmark
    public List<Suggestion> suggest() {
        return projection.index().suggest(queries.prefix().get(pick()), 8);
    }

    @Benchmark
    public LearningPlan learningPath() {
        return projection.paths().plan(queries.goals().get(pick()), Set.of(), Optional.of(10));
    }

    @Benchmark
    public NextSteps next() {
        return projection.paths().next(Set.of(queries.goals().get(pick())), Optional.empty(), 10);
    }

    @Benchmark
    public PrerequisiteChain shortestChain() {
        String[] pair = chains.get(pick() % chains.size());
        return projection.paths().chain(pair[0], pair[1]);
    }

    /** Building the whole projection (index + DAG) from data already read from Neo4j. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public Projection projectionBuild() {
        Projection built = Projection.build(data, synonyms);
        built.index().close();
        return built;
    }
}
