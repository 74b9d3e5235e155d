package dev.skillgraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.graph.GraphRepository;
import dev.skillgraph.graph.SharedNeo4j;
import dev.skillgraph.projection.NodeVectors;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.seed.SeedImporter;
import dev.skillgraph.seed.SeedLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relevance suite: queries learners type, each with its expected best answer, run on the index built from the
 * seed graph in Neo4j. Fails below the floors; writes the figures to target/relevance-report.md.
 */
@ExtendWith(SharedNeo4j.class)
class RelevanceIT {

    private static final Logger LOG = LoggerFactory.getLogger(RelevanceIT.class);

    /** Floors set just under the figures measured when the suite was written (see docs/search.md). */
    private static final double MIN_SUCCESS_AT_1 = 0.95;

    private static final double MIN_SUCCESS_AT_3 = 0.98;
    private static final double MIN_MRR = 0.97;

    /** Floor of the learners' set, train part, semantic retrieval on (see theLearnersSetIsMeasuredBesideNeo4j). */
    private static final double MIN_LEARNERS_AT_3 = 0.60;

    private record Case(String category, String query, Set<String> expected) {}

    private final Driver driver;

    RelevanceIT(Driver driver) {
        this.driver = driver;
    }

    private static List<Case> cases() throws IOException {
        return cases("/relevance-queries.tsv");
    }

    private static List<Case> cases(String resource) throws IOException {
        try (InputStream in = RelevanceIT.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(cols -> new Case(cols[0], cols[1], Set.of(cols[2].split("\\|"))))
                    .toList();
        }
    }

    private Projection seedProjection() throws IOException {
        return seedProjection(null);
    }

    /** The seed graph's projection, with semantic retrieval when {@code encoder} is given. */
    private Projection seedProjection(@Nullable SentenceEncoder encoder) throws IOException {
        SharedNeo4j.clear(driver);
        GraphRepository repository = new GraphRepository(driver);
        new SeedImporter(new SeedLoader(), repository, Path.of("graph-seed")).importSeed();
        return Projection.build(
                repository.readGraph(),
                Synonyms.load(Path.of("graph-seed/synonyms.txt")),
                SearchParts.OWN,
                encoder == null ? null : new NodeVectors(encoder, repository));
    }

    private static List<String> topTen(Projection projection, String query) {
        return projection
                .index()
                .search(new SearchQuery(query, Optional.empty(), Optional.empty(), 10, 0))
                .hits()
                .stream()
                .map(SearchResult.Hit::id)
                .toList();
    }

    /** A hit with nothing marked leaves the learner guessing why it is there. */
    @Test
    void everyHitOfTheSuiteShowsWhatItMatched() throws IOException {
        Projection projection = seedProjection();
        List<String> unexplained = new ArrayList<>();
        for (Case c : cases()) {
            for (SearchResult.Hit hit : projection
                    .index()
                    .search(new SearchQuery(c.query(), Optional.empty(), Optional.empty(), 10, 0))
                    .hits()) {
                if (hit.highlights().values().stream().noneMatch(text -> text.contains("<mark>"))) {
                    unexplained.add(c.query() + " -> " + hit.id());
                }
            }
        }
        assertThat(unexplained).isEmpty();
    }

    @Test
    void theRankingMeetsItsFloors() throws IOException {
        Projection projection = seedProjection();

        List<Case> cases = cases();
        Scores ours =
                score(
                        cases, query -> projection
                                .index()
                                .search(new SearchQuery(query, Optional.empty(), Optional.empty(), 10, 0))
                                .hits()
                                .stream()
                                .map(SearchResult.Hit::id)
                                .toList());
        Scores neo4jAsTyped;
        Scores neo4jTypoTolerant;
        Scores neo4jOneTypo;
        try (Session session = driver.session()) {
            session.run("CALL db.awaitIndexes(300)").consume();
            neo4jAsTyped = score(cases, query -> Neo4jFulltext.topTenIds(session, query));
            neo4jTypoTolerant = score(cases, query -> Neo4jFulltext.resultPageIds(session, query, 2));
            neo4jOneTypo = score(cases, query -> Neo4jFulltext.resultPageIds(session, query, 1));
        }

        int n = cases.size();
        StringBuilder report =
                new StringBuilder("| category | queries | success@1 | success@3 | MRR |\n|---|---|---|---|---|\n");
        ours.byCategory.forEach((category, t) -> report.append("| %s | %d | %.2f | %.2f | %.2f |\n"
                .formatted(category, (int) t[0], t[1] / t[0], t[2] / t[0], t[3] / t[0])));
        report.append("| **all** | %d | **%.2f** | **%.2f** | **%.2f** |\n"
                .formatted(n, ours.at1() / n, ours.at3() / n, ours.mrr() / n));
        if (!ours.misses.isEmpty()) {
            report.append("\nNot first:\n");
            ours.misses.forEach(m -> report.append("- ").append(m).append('\n'));
        }
        report.append("\nThe same queries through Neo4j's own fulltext index over the same texts:\n\n"
                + "| search | success@1 | success@3 | MRR |\n|---|---|---|---|\n");
        for (Map.Entry<String, Scores> row : List.of(
                Map.entry("SkillGraph `/api/search`", ours),
                Map.entry("Neo4j fulltext, the text as typed", neo4jAsTyped),
                Map.entry(
                        "Neo4j fulltext, each word fuzzy by its length, the last one also a prefix", neo4jTypoTolerant),
                Map.entry("Neo4j fulltext, the same with one edit at most", neo4jOneTypo))) {
            Scores s = row.getValue();
            report.append(
                    "| %s | %.2f | %.2f | %.2f |\n".formatted(row.getKey(), s.at1() / n, s.at3() / n, s.mrr() / n));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/relevance-report.md"), report.toString());
        LOG.info("Relevance suite:\n{}", report);

        assertThat(n).isGreaterThanOrEqualTo(50);
        assertThat(ours.at1() / n).as("success@1").isGreaterThanOrEqualTo(MIN_SUCCESS_AT_1);
        assertThat(ours.at3() / n).as("success@3").isGreaterThanOrEqualTo(MIN_SUCCESS_AT_3);
        assertThat(ours.mrr() / n).as("MRR").isGreaterThanOrEqualTo(MIN_MRR);
        // Neo4j answers the suite too (the index is real and filled), only worse: otherwise it would not be a
        // yardstick.
        assertThat(neo4jTypoTolerant.at1())
                .as("Neo4j's typo-tolerant fulltext, first hits")
                .isPositive();
        assertThat(ours.at1())
                .isGreaterThan(neo4jAsTyped.at1())
                .isGreaterThan(neo4jTypoTolerant.at1())
                .isGreaterThan(neo4jOneTypo.at1());
    }

    /**
     * The learners' set (src/test/resources/relevance-learners.tsv, issue #21): written before any tuning on it, so it
     * measures how search generalises; its figures are reported beside Neo4j's, train and holdout apart, with no floor
     * yet (the floors come once the mechanisms of #21 are in, never from its holdout part). The set itself must stay
     * sound: enough queries, every expected id in the graph.
     */
    @Test
    void theLearnersSetIsMeasuredBesideNeo4j() throws IOException {
        Projection words = seedProjection();
        Projection meaning = seedProjection(SentenceEncoder.load(Runnable::run));
        List<Case> cases = cases("/relevance-learners.tsv");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases).allSatisfy(c -> assertThat(c.expected())
                .as(c.query())
                .allSatisfy(id -> assertThat(words.graph().contains(id)).as(id).isTrue()));
        Function<String, List<String>> semanticOn = query -> topTen(meaning, query);
        Function<String, List<String>> semanticOff = query -> topTen(words, query);
        StringBuilder report = new StringBuilder(
                "| part | search | queries | success@1 | success@3 | MRR |\n|---|---|---|---|---|---|\n");
        Map<String, Scores> byPart = new LinkedHashMap<>();
        try (Session session = driver.session()) {
            session.run("CALL db.awaitIndexes(300)").consume();
            for (boolean holdout : List.of(false, true)) {
                List<Case> part = cases.stream()
                        .filter(c -> c.category().startsWith("holdout-") == holdout)
                        .toList();
                for (Map.Entry<String, Function<String, List<String>>> search :
                        List.<Map.Entry<String, Function<String, List<String>>>>of(
                                Map.entry("SkillGraph, semantic retrieval on", semanticOn),
                                Map.entry("SkillGraph, semantic retrieval off", semanticOff),
                                Map.entry("Neo4j fulltext as typed", query -> Neo4jFulltext.topTenIds(session, query)),
                                Map.entry(
                                        "Neo4j fulltext, fuzzy + prefix",
                                        query -> Neo4jFulltext.resultPageIds(session, query, 2)))) {
                    Scores s = score(part, search.getValue());
                    byPart.put((holdout ? "holdout " : "train ") + search.getKey(), s);
                    int n = part.size();
                    report.append("| %s | %s | %d | %.2f | %.2f | %.2f |\n"
                            .formatted(
                                    holdout ? "holdout" : "train",
                                    search.getKey(),
                                    n,
                                    s.at1() / n,
                                    s.at3() / n,
                                    s.mrr() / n));
                }
            }
        }
        for (Map.Entry<String, Function<String, List<String>>> search :
                List.of(Map.entry("on", semanticOn), Map.entry("off", semanticOff))) {
            Scores all = score(cases, search.getValue());
            int n = cases.size();
            report.append("\nSkillGraph, semantic retrieval %s, whole set: success@1 %.2f, success@3 %.2f, MRR %.2f\n"
                    .formatted(search.getKey(), all.at1() / n, all.at3() / n, all.mrr() / n));
            report.append("\n| category | queries | success@1 | success@3 | MRR |\n|---|---|---|---|---|\n");
            all.byCategory.forEach((category, t) -> report.append("| %s | %d | %.2f | %.2f | %.2f |\n"
                    .formatted(category, (int) t[0], t[1] / t[0], t[2] / t[0], t[3] / t[0])));
            report.append("\nNot first:\n");
            all.misses.forEach(m -> report.append("- ").append(m).append('\n'));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/relevance-learners-report.md"), report.toString());
        LOG.info("Learners' set:\n{}", report);
        // Floors from the figures the mechanisms of #21 first reached on the train part (docs/search.md), a little
        // under them; the holdout part has none, since a floor there would invite tuning on it.
        Scores train = byPart.get("train SkillGraph, semantic retrieval on");
        int trainSize = (int)
                cases.stream().filter(c -> !c.category().startsWith("holdout-")).count();
        assertThat(train.at3() / trainSize)
                .as("train success@3, semantic on")
                .isGreaterThanOrEqualTo(MIN_LEARNERS_AT_3);
    }

    /** Success counts over the suite, and per category [count, @1, @3, reciprocal rank]. */
    private record Scores(double at1, double at3, double mrr, Map<String, double[]> byCategory, List<String> misses) {}

    private static Scores score(List<Case> cases, Function<String, List<String>> search) {
        Map<String, double[]> byCategory = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        double at1 = 0;
        double at3 = 0;
        double mrr = 0;
        for (Case c : cases) {
            List<String> ids = search.apply(c.query());
            int rank = 0;
            for (int i = 0; i < ids.size(); i++) {
                if (c.expected().contains(ids.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            double[] totals = byCategory.computeIfAbsent(c.category(), k -> new double[4]);
            totals[0]++;
            if (rank == 1) {
                at1++;
                totals[1]++;
            } else {
                misses.add("`" + c.query() + "` expected " + c.expected() + ", got "
                        + ids.subList(0, Math.min(3, ids.size()))
                        + (rank == 0 ? " (not in top 10)" : " (rank " + rank + ")"));
            }
            if (rank >= 1 && rank <= 3) {
                at3++;
                totals[2]++;
            }
            if (rank > 0) {
                mrr += 1.0 / rank;
                totals[3] += 1.0 / rank;
            }
        }
        return new Scores(at1, at3, mrr, byCategory, misses);
    }
}
