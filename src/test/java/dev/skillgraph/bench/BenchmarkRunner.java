package dev.skillgraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.path.Reach;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.search.Neo4jFulltext;
import dev.skillgraph.search.SearchQuery;
import dev.skillgraph.search.Synonyms;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The benchmark harness behind BENCHMARKS.md. For each graph size it starts the real service jar on that graph (cold
 * start to /ready, import and projection times, heap and RSS), drives it with bounded HTTP load on loopback, and runs
 * the same questions straight against its Neo4j over Bolt (fulltext index, variable-length Cypher) in the same run.
 * Then it runs the JMH micro-benchmarks. Results go to target/benchmarks/.
 *
 * <p>System properties: {@code bench.sizes} (default {@code seed,1000,10000}), {@code bench.seconds} (load duration
 * per mix, default 15), {@code bench.concurrency} (default 4), {@code bench.jmh} (default true).
 */
public final class BenchmarkRunner {

    /**
     * Warm-up of the first table, the first Cypher the service runs: while the JIT compiles Neo4j's query runtime it
     * takes CPU from everything else on the two cores. Measured in rounds of that table (~5 ms each) on the seed
     * graph, every call's p99 kept falling for about 45 s (search: 4.9, 2.7, 3.1, 1.1, 0.8, 1.0 ms per 15 s; Neo4j's
     * fulltext query: 9.0, 5.8, 4.7, 2.4, 2.4, 2.1 ms); the first version of this harness warmed up for 10 s.
     */
    /** The started service's admin token, fresh per run (the harness forces a rebuild with it). */
    private static final String ADMIN_TOKEN = java.util.UUID.randomUUID().toString();

    private static final Duration CYPHER_WARM_UP = Duration.ofSeconds(60);

    private static final Duration WARM_UP = Duration.ofSeconds(10);

    private final StringBuilder report = new StringBuilder();
    private final Path out;

    private BenchmarkRunner(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of("target/benchmarks"));
        BenchmarkRunner runner = new BenchmarkRunner(out);
        List<String> sizes =
                List.of(System.getProperty("bench.sizes", "seed,1000,10000").split(","));
        int seconds = Integer.getInteger("bench.seconds", 15);
        int concurrency = Integer.getInteger("bench.concurrency", 4);
        runner.line("# SkillGraph benchmark run, " + Instant.now());
        runner.line("");
        runner.line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", load " + seconds + " s per mix at concurrency "
                + concurrency + " on loopback; Bolt comparisons with one client thread, in the same run, after "
                + CYPHER_WARM_UP.toSeconds() + " s of warm-up (" + WARM_UP.toSeconds() + " s for later tables).");
        for (String size : sizes) {
            runner.endToEnd(size.strip(), seconds, concurrency);
        }
        Files.writeString(out.resolve("end-to-end.md"), runner.report.toString());
        if (Boolean.parseBoolean(System.getProperty("bench.jmh", "true"))) {
            runner.jmh(sizes);
        }
        System.out.println(runner.report);
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private void endToEnd(String size, int seconds, int concurrency) throws Exception {
        Path work = Files.createTempDirectory("skillgraph-bench-" + size);
        Path seed = BenchGraphs.seedDir(size, work);
        SeedGraph seedGraph = BenchGraphs.load(seed);
        BenchGraphs.Queries queries = BenchGraphs.queries(seedGraph, 512);
        int http = freePort();
        int bolt = freePort();
        Path log = out.resolve("service-" + size + ".log");
        // The README's run command: with the build's class-data-sharing archive (ignored when absent).
        ProcessBuilder builder = new ProcessBuilder(
                        "java", "-XX:SharedArchiveFile=target/skillgraph.jsa", "-jar", "target/skillgraph.jar")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment()
                .putAll(Map.of(
                        "SKILLGRAPH_HTTP_PORT", Integer.toString(http),
                        "SKILLGRAPH_BOLT_PORT", Integer.toString(bolt),
                        "SKILLGRAPH_BROWSER_PORT", Integer.toString(freePort()),
                        "SKILLGRAPH_DATA_DIR", work.resolve("data").toString(),
                        "SKILLGRAPH_SEED_DIR", seed.toString(),
                        "SKILLGRAPH_ADMIN_TOKEN", ADMIN_TOKEN,
                        // Every request searched: the figures are the search's, comparable run to run (repeated
                        // texts would otherwise be answered from the answer cache; wrk measures that, set S).
                        "SKILLGRAPH_ANSWER_CACHE_MB", "0"));
        long started = System.nanoTime();
        Process service = builder.start();
        URI base = URI.create("http://127.0.0.1:" + http);
        try {
            waitReady(base, service, Duration.ofMinutes(15));
            double coldStart = (System.nanoTime() - started) / 1e9;
            // Semantic retrieval encodes the node texts after /ready; measure once every node has its vector.
            long encodingStarted = System.nanoTime();
            long nodes = Long.parseLong(metric(base, "skillgraph_projection_nodes"));
            while (Files.readString(log).contains("to read or encode in the background")
                    && Long.parseLong(metric(base, "skillgraph_projection_vectors")) < nodes
                    && System.nanoTime() - encodingStarted
                            < Duration.ofMinutes(30).toNanos()) {
                Thread.sleep(500);
            }
            double encoding = (System.nanoTime() - encodingStarted) / 1e9;
            String logText = Files.readString(log);
            line("");
            line("## Graph: " + size + (size.equals("seed") ? " (the shipped roadmap)" : " synthetic topics"));
            line("");
            line("| cost of scale | value |");
            line("|---|---|");
            line("| nodes in projection | " + metric(base, "skillgraph_projection_nodes") + " |");
            line("| cold start of `java -jar` to /ready (includes import) | %.1f s |".formatted(coldStart));
            line("| seed import (validate + one transaction) | " + grab(logText, "Imported seed .* in (\\d+) ms")
                    + " ms |");
            line("| projection build (read Neo4j + index + DAG) | "
                    + grabFirst(logText, "nodes indexed in (\\d+) ms")
                    + " ms |");
            line("| sentence embeddings of every node text, encoded after /ready (semantic retrieval) | %.1f s |"
                    .formatted(encoding));
            // What every later graph version costs: a rebuild with every node's vector already in the vector index.
            String reindex = post(base, "/api/admin/reindex", ADMIN_TOKEN);
            line("| projection build with every vector present (a forced rebuild after the encoding) | "
                    + grab(reindex, "\"projectionMillis\":(\\d+)") + " ms |");
            line("| RSS once encoded | " + rssMb(service.pid()) + " MB |");
            run("jcmd", Long.toString(service.pid()), "GC.run");
            line("| heap used after GC | %.0f MB |".formatted(heapBytes(base) / 1e6));
            int[] steps = new int[100];
            for (int i = 0; i < steps.length; i++) {
                String plan = body(base, "/api/learning-path/" + queries.goals().get(i));
                steps[i] = plan.split("\"position\":", -1).length - 1;
            }
            Arrays.sort(steps);
            line("| learning-plan size over 100 goals: median / max steps | %d / %d |"
                    .formatted(steps[steps.length / 2], steps[steps.length - 1]));

            Random random = new Random(11);
            IntFunction<String> search =
                    i -> "/api/search?q=" + enc(queries.plain().get(random.nextInt(512)));
            IntFunction<String> path =
                    i -> "/api/learning-path/" + queries.goals().get(random.nextInt(512));
            // Warm the service's JIT on every kind of request first: the first measured mix paid for it otherwise.
            IntFunction<String> warm = i -> switch (i % 4) {
                case 0 -> search.apply(i);
                case 1 -> "/api/search?q=" + enc(queries.typo().get(random.nextInt(512)));
                case 2 -> "/api/suggest?q=" + enc(queries.prefix().get(random.nextInt(512)));
                default -> path.apply(i);
            };
            load(null, base, Math.max(5, seconds / 2), concurrency, warm);
            line("");
            line("| HTTP load (concurrency " + concurrency + ", " + seconds + " s) | requests/s | p50 ms | p99 ms | "
                    + "p99.9 ms | errors |");
            line("|---|---|---|---|---|---|");
            load("search (plain)", base, seconds, concurrency, search);
            load(
                    "search (typo)",
                    base,
                    seconds,
                    concurrency,
                    i -> "/api/search?q=" + enc(queries.typo().get(random.nextInt(512))));
            load("learning path", base, seconds, concurrency, path);
            load(
                    "mix: 60% search, 15% suggest, 20% path, 5% node",
                    base, seconds, concurrency, i -> {
                        int roll = random.nextInt(100);
                        if (roll < 60) {
                            return search.apply(i);
                        } else if (roll < 75) {
                            return "/api/suggest?q=" + enc(queries.prefix().get(random.nextInt(512)));
                        } else if (roll < 95) {
                            return path.apply(i);
                        }
                        return "/api/nodes/" + queries.goals().get(random.nextInt(512));
                    });

            line("");
            line(
                    "| one client thread, same questions, interleaved | p50 ms | p99 ms | faster than raw Neo4j: p50 / p99 |");
            line("|---|---|---|---|");
            int n = 4000;
            Call httpSearch =
                    i -> get(base, "/api/search?q=" + enc(queries.plain().get(i % 512)));
            Call httpPlan =
                    i -> get(base, "/api/learning-path/" + queries.goals().get(i % 512));
            // The same projection the service serves from, built in this JVM: what an application embedding
            // SkillGraph pays per question, next to the Cypher round trip it replaces.
            Projection projection = Projection.build(
                    BenchGraphs.data(seedGraph), Synonyms.load(BenchGraphs.REAL_SEED.resolve("synonyms.txt")));
            try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.none());
                    Session session = driver.session()) {
                // Interleaved, one call of each per round, so that each sees the same moments of the machine (GC,
                // background work of Neo4j, noisy neighbours) instead of whichever phase ran first.
                double[][] times = time(
                        n,
                        CYPHER_WARM_UP,
                        fulltext(session, Neo4jFulltext.TOP_TEN, queries.plain()),
                        i -> session.run(
                                        """
                                MATCH (:Entity {id: $id})-[:REQUIRES*1..]->(p) RETURN DISTINCT p.id AS id
                                """,
                                        Map.of("id", queries.goals().get(i % 512)))
                                .list(),
                        httpSearch,
                        httpPlan,
                        i -> session.run("RETURN 1").list(),
                        i -> get(base, "/health"),
                        i -> projection
                                .index()
                                .search(new SearchQuery(
                                        queries.plain().get(i % 512), Optional.empty(), Optional.empty(), 10, 0)),
                        i -> projection.paths().plan(queries.goals().get(i % 512), Set.of(), Optional.empty()));
                double[] fulltext = times[0];
                double[] closure = times[1];
                double[] httpSearchTimes = times[2];
                double[] httpPathTimes = times[3];
                double[] ping = times[4];
                double[] health = times[5];
                double[] inProcessSearch = times[6];
                double[] inProcessPath = times[7];
                row("Neo4j fulltext `queryNodes` top 10 over Bolt", fulltext, null);
                row("SkillGraph `/api/search` over HTTP (highlights, facets, didYouMean)", httpSearchTimes, fulltext);
                row("SkillGraph search in-process (the projection, no HTTP)", inProcessSearch, fulltext);
                row("Neo4j `[:REQUIRES*1..]` closure over Bolt (ids only, unordered)", closure, null);
                row("SkillGraph `/api/learning-path/{id}` over HTTP (ordered, explained)", httpPathTimes, closure);
                row("SkillGraph learning path in-process (the projection, no HTTP)", inProcessPath, closure);
                row("Bolt `RETURN 1` (floor of any Neo4j round trip)", ping, null);
                row("HTTP `GET /health` (floor of any HTTP round trip)", health, null);
            }
            learnerAnswers(base, bolt, projection, queries);
            mcpBesideRest(base, queries);
            projection.index().close();

            // The service on its own: with Neo4j in another process or host (docker-compose, a cluster), no Cypher
            // runs beside it while it answers, since answers come from the projection.
            line("");
            line("| one client thread, SkillGraph alone (no Cypher running beside it) | p50 ms | p99 ms | |");
            line("|---|---|---|---|");
            double[][] alone = time(n, WARM_UP, httpSearch, httpPlan, i -> get(base, "/health"));
            row("SkillGraph `/api/search` over HTTP", alone[0], null);
            row("SkillGraph `/api/learning-path/{id}` over HTTP", alone[1], null);
            row("HTTP `GET /health`", alone[2], null);

            // Each side on its own, and each after the client pauses 2 ms with nothing running at all: on this
            // machine the pause alone slows the next answer about as much as a Cypher query between answers does.
            line("");
            line("| one client thread, each on its own: back to back, then each after a 2 ms pause | p50 ms | p99 ms "
                    + "| SkillGraph faster: p50 / p99 |");
            line("|---|---|---|---|");
            try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.none());
                    Session session = driver.session()) {
                Call fulltext = fulltext(session, Neo4jFulltext.TOP_TEN, queries.plain());
                Call pause = i -> {
                    Thread.sleep(2);
                    return null;
                };
                double[] fulltextAlone = time(n, WARM_UP, fulltext)[0];
                row("Neo4j fulltext `queryNodes` top 10 over Bolt, back to back", fulltextAlone, null);
                row("SkillGraph `/api/search` over HTTP, back to back (above)", alone[0], fulltextAlone);
                double[][] paused =
                        time(n, WARM_UP, pause, fulltext, pause, httpSearch, pause, i -> get(base, "/health"));
                row("Neo4j fulltext `queryNodes` top 10 over Bolt, after a pause", paused[1], null);
                row("SkillGraph `/api/search` over HTTP, after a pause", paused[3], paused[1]);
                row("HTTP `GET /health`, after a pause", paused[5], null);
            }

            // The top-10 query above is the least Neo4j can be asked: ids and scores, the text as typed, so a typo
            // finds nothing. What an application with only Neo4j runs to show a page like /api/search's (short of
            // highlights, synonyms and phrases): the fields, the total and the facets, typo-tolerant as SkillGraph is
            // (two edits from 9 letters), with one edit at most (cheaper for Neo4j, and finds less), and as typed.
            line("");
            line("| one client thread, against the Neo4j query behind a result page like SkillGraph's | p50 ms | "
                    + "p99 ms | SkillGraph faster: p50 / p99 |");
            line("|---|---|---|---|");
            List<String> twoEdits = queries.plain().stream()
                    .map(q -> Neo4jFulltext.typoTolerant(q, 2))
                    .toList();
            List<String> oneEdit = queries.plain().stream()
                    .map(q -> Neo4jFulltext.typoTolerant(q, 1))
                    .toList();
            try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.none());
                    Session session = driver.session()) {
                Call twoEditsPage = fulltext(session, Neo4jFulltext.RESULT_PAGE, twoEdits);
                double[][] pages = time(
                        n,
                        WARM_UP,
                        twoEditsPage,
                        fulltext(session, Neo4jFulltext.RESULT_PAGE, oneEdit),
                        fulltext(session, Neo4jFulltext.RESULT_PAGE, queries.plain()),
                        httpSearch);
                row("Neo4j result page over Bolt, typo-tolerant like SkillGraph; interleaved", pages[0], null);
                row("Neo4j result page over Bolt, one edit at most; interleaved", pages[1], null);
                row("Neo4j result page over Bolt, the text as typed (no typo tolerance); interleaved", pages[2], null);
                row("SkillGraph `/api/search` over HTTP, interleaved with the three", pages[3], pages[0]);
                row("SkillGraph `/api/search` over HTTP (the same), against one edit at most", pages[3], pages[1]);
                row("SkillGraph `/api/search` over HTTP (the same), against the text as typed", pages[3], pages[2]);
                double[] twoEditsAlone = time(n, WARM_UP, twoEditsPage)[0];
                row("Neo4j result page over Bolt, typo-tolerant like SkillGraph, back to back", twoEditsAlone, null);
                row("SkillGraph `/api/search` over HTTP, back to back (the table above)", alone[0], twoEditsAlone);
            }
            run("jcmd", Long.toString(service.pid()), "GC.run");
            line("");
            line("After the load: heap used after GC %.0f MB, RSS %s MB."
                    .formatted(heapBytes(base) / 1e6, rssMb(service.pid())));
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    /**
     * Answers that know the learner: one plan toward three goals with five topics known (what they hard-require known
     * too), and a search with those five known (each hit's steps and hours away). The baseline is the Cypher an
     * application with only Neo4j would run for the same set of steps: the goals' prerequisites, not walking through
     * anything known or hard-required by something known (ids only, unordered, no reasons or hours).
     */
    private void learnerAnswers(URI base, int bolt, Projection projection, BenchGraphs.Queries queries)
            throws Exception {
        line("");
        line("| one client thread, learner answers (3 goals, 5 known), interleaved | p50 ms | p99 ms "
                + "| faster than raw Neo4j: p50 / p99 |");
        line("|---|---|---|---|");
        IntFunction<List<String>> goals = i -> List.of(
                queries.goals().get(i % 512),
                queries.goals().get((i + 1) % 512),
                queries.goals().get((i + 2) % 512));
        IntFunction<List<String>> known = i -> List.of(0, 1, 2, 3, 4).stream()
                .map(k -> queries.goals().get((i + 100 + k) % 512))
                .toList();
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.none());
                Session session = driver.session()) {
            double[][] times = time(
                    1000,
                    WARM_UP,
                    i -> session.run(
                                    """
                            MATCH (k:Entity) WHERE k.id IN $known
                            MATCH hard = (k)-[:REQUIRES*0..]->(implied)
                            WHERE all(r IN relationships(hard) WHERE coalesce(r.strength, 'hard') = 'hard')
                            WITH collect(DISTINCT implied) AS knownNodes
                            MATCH (g:Entity) WHERE g.id IN $goals AND NOT g IN knownNodes
                            MATCH walk = (g)-[:REQUIRES*1..]->(p)
                            WHERE none(n IN nodes(walk)[1..] WHERE n IN knownNodes)
                            RETURN DISTINCT p.id AS id
                            """,
                                    Map.of("goals", goals.apply(i), "known", known.apply(i)))
                            .list(),
                    i -> get(
                            base,
                            "/api/learning-path?goals=" + String.join(",", goals.apply(i)) + "&known="
                                    + String.join(",", known.apply(i))),
                    i -> projection.paths().plan(goals.apply(i), known.apply(i), Optional.empty()),
                    i -> get(
                            base,
                            "/api/search?q=" + enc(queries.plain().get(i % 512)) + "&known="
                                    + String.join(",", known.apply(i))),
                    i -> {
                        Reach reach = projection.paths().reach(known.apply(i));
                        return projection
                                .index()
                                .search(new SearchQuery(
                                        queries.plain().get(i % 512), Optional.empty(), Optional.empty(), 10, 0))
                                .hits()
                                .stream()
                                .map(hit -> reach.of(hit.id()))
                                .toList();
                    });
            row("Neo4j goals' closure minus what is known, over Bolt (ids only, unordered)", times[0], null);
            row("SkillGraph `/api/learning-path?goals=` over HTTP (ordered, explained)", times[1], times[0]);
            row("SkillGraph plan for several goals in-process", times[2], times[0]);
            row("SkillGraph `/api/search?known=` over HTTP (steps and hours away per hit)", times[3], null);
            row("SkillGraph search with `known` in-process", times[4], null);
        }
    }

    /**
     * What an agent pays: the {@code learning_path} MCP tool over Streamable HTTP (the SDK's own client, one
     * session), beside the REST call that gives the same plan, interleaved.
     */
    private void mcpBesideRest(URI base, BenchGraphs.Queries queries) throws Exception {
        line("");
        line("| one client thread, MCP beside REST, interleaved | p50 ms | p99 ms | |");
        line("|---|---|---|---|");
        try (McpSyncClient mcp = McpClient.sync(HttpClientStreamableHttpTransport.builder(base.toString())
                        .endpoint("/mcp")
                        .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                        .build())
                .build()) {
            mcp.initialize();
            double[][] times = time(
                    2000,
                    WARM_UP,
                    i -> mcp.callTool(CallToolRequest.builder("learning_path")
                            .arguments(Map.of("id", queries.goals().get(i % 512)))
                            .build()),
                    i -> get(base, "/api/learning-path/" + queries.goals().get(i % 512)));
            row("MCP `learning_path` tool call over Streamable HTTP (SDK client)", times[0], null);
            row("REST `/api/learning-path/{id}` over HTTP", times[1], null);
        }
    }

    private void load(String name, URI base, int seconds, int concurrency, IntFunction<String> next) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                long[] samples = new long[1 << 22];
                int count = 0;
                while (System.nanoTime() < until && count < samples.length) {
                    String pathAndQuery;
                    synchronized (next) {
                        pathAndQuery = next.apply(count);
                    }
                    long t0 = System.nanoTime();
                    try {
                        if (get(base, pathAndQuery) != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    samples[count++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(samples, count);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            for (long sample : worker.get()) {
                all.add(sample);
            }
        }
        pool.shutdown();
        if (name == null) {
            return; // warm-up only
        }
        double[] ms = all.stream().mapToDouble(ns -> ns / 1e6).sorted().toArray();
        line("| %s | %.0f | %.2f | %.2f | %.2f | %d |"
                .formatted(name, ms.length / (double) seconds, pct(ms, 50), pct(ms, 99), pct(ms, 99.9), errors.get()));
    }

    private void jmh(List<String> sizes) throws Exception {
        List<String> jmhSizes = sizes.stream()
                .map(String::strip)
                .filter(s -> s.equals("seed") || s.equals("10000") || s.equals("10000" + BenchGraphs.DEEP))
                .toList();
        var options = new OptionsBuilder()
                .include(ProjectionBenchmarks.class.getSimpleName())
                .param("graph", jmhSizes.toArray(String[]::new))
                .resultFormat(ResultFormatType.CSV)
                .result(out.resolve("jmh.csv").toString())
                .build();
        new Runner(options).run();
        line("");
        line("JMH results (sample mode, microseconds; projectionBuild single-shot, milliseconds): "
                + "target/benchmarks/jmh.csv");
    }

    /** One of {@link Neo4jFulltext}'s queries over Bolt, for the i-th of 512 query texts. */
    private static Call fulltext(Session session, String cypher, List<String> queryTexts) {
        return i -> session.run(cypher, Map.of("q", queryTexts.get(i % 512))).list();
    }

    interface Call {
        Object call(int i) throws Exception;
    }

    /** One row of the single-client table; {@code baseline} is the raw Neo4j query it is compared with, if any. */
    private void row(String what, double[] ms, double[] baseline) {
        String ratio = baseline == null
                ? ""
                : "%.1fx / %.1fx".formatted(pct(baseline, 50) / pct(ms, 50), pct(baseline, 99) / pct(ms, 99));
        line("| %s | %.2f | %.2f | %s |".formatted(what, pct(ms, 50), pct(ms, 99), ratio));
    }

    /**
     * Milliseconds of {@code n} rounds of every call, one of each per round, after at least {@code warmUp} (and
     * {@code n / 2} rounds) of the same rounds; each row sorted.
     */
    private static double[][] time(int n, Duration warmUp, Call... calls) throws Exception {
        long warm = System.nanoTime() + warmUp.toNanos();
        for (int i = 0; i < n / 2 || System.nanoTime() < warm; i++) {
            for (Call call : calls) {
                call.call(i);
            }
        }
        double[][] ms = new double[calls.length][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < calls.length; c++) {
                long t0 = System.nanoTime();
                calls[c].call(i);
                ms[c][i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        for (double[] row : ms) {
            Arrays.sort(row);
        }
        return ms;
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /**
     * One GET, reading the whole answer, over a kept-alive connection (HttpURLConnection pools them). The lightest
     * client in the JDK, so that the figures are the service's: java.net.http's client, used at first, added about
     * 0.3 ms to every request and most of the p99 on this machine (its selector thread hands every answer over).
     */
    private static int get(URI base, String pathAndQuery) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) base.resolve(pathAndQuery).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(120_000);
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }

    /** A POST with a bearer token and no body; the answer's body. */
    private static String post(URI base, String path, String token) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) base.resolve(path).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setReadTimeout(600_000);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String body(URI base, String pathAndQuery) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) base.resolve(pathAndQuery).toURL().openConnection();
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The first match of {@code regex}'s group in {@code text}, or "?". */
    private static String grabFirst(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    private static void waitReady(URI base, Process service, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited; see target/benchmarks/service-*.log");
            }
            try {
                if (get(base, "/ready") == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready within " + limit);
    }

    private static String metric(URI base, String name) throws Exception {
        String text = body(base, "/metrics");
        Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.E]+)").matcher(text);
        return m.find() ? String.format("%.0f", Double.parseDouble(m.group(1))) : "?";
    }

    private static double heapBytes(URI base) throws Exception {
        String text = body(base, "/metrics");
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\} ([0-9.E]+)")
                .matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static String rssMb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.toString(Long.parseLong(l.replaceAll("\\D", "")) / 1024);
            }
        }
        return "?";
    }

    private static String grab(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        String last = "?";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static void run(String... command) throws Exception {
        new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
