package dev.skillgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.SeedGraph;
import dev.skillgraph.projection.Projection;
import dev.skillgraph.search.SearchParts;
import dev.skillgraph.search.SearchQuery;
import dev.skillgraph.search.SearchResult;
import dev.skillgraph.search.Synonyms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a graph large enough for two-phase ranking (over 20,000 nodes; the seed graph of SearchPartsTest is ranked in one
 * pass), rescoring the candidates from their first-pass score gives what Lucene's {@code QueryRescorer} gives: the same
 * hits, in the same order, with the same scores, totals and facets, filtered or not.
 */
class TwoPhaseRankingTest {

    @TempDir
    Path work;

    @Test
    void rescoringFromTheFirstPassRanksAsTheWholeQueryDoes() {
        SeedGraph seed = BenchGraphs.load(SyntheticRoadmap.write(BenchGraphs.REAL_SEED, work, 20_000, 42));
        assertThat(seed.nodes()).hasSizeGreaterThan(20_000);
        SynonymMap synonyms = Synonyms.load(BenchGraphs.REAL_SEED.resolve("synonyms.txt"));
        Projection own = Projection.build(BenchGraphs.data(seed), synonyms);
        Projection plain = Projection.build(
                BenchGraphs.data(seed), synonyms, new SearchParts(true, true, true, true, true, false), null);
        BenchGraphs.Queries queries = BenchGraphs.queries(seed, 40);
        List<String> texts = new ArrayList<>(queries.plain());
        texts.addAll(queries.typo());
        texts.addAll(queries.prefix());
        // Whole names, which the exact-name clauses lift.
        List<String> names = seed.nodes().stream()
                .filter(node -> node.kind() == Kind.TOPIC)
                .map(node -> node.name())
                .limit(40)
                .toList();
        texts.addAll(names);
        for (String text : texts) {
            for (Optional<Kind> kind : List.of(Optional.<Kind>empty(), Optional.of(Kind.TOPIC))) {
                SearchQuery query = new SearchQuery(text, kind, Optional.empty(), 20, 0);
                SearchResult expected = plain.index().search(query);
                SearchResult actual = own.index().search(query);
                String what = text + " " + kind;
                assertThat(actual.hits()).as(what).isEqualTo(expected.hits());
                assertThat(actual.total()).as(what).isEqualTo(expected.total());
                assertThat(actual.facets()).as(what).isEqualTo(expected.facets());
            }
        }
        for (String name : names) {
            assertThat(own.index()
                            .search(new SearchQuery(name, Optional.empty(), Optional.empty(), 1, 0))
                            .hits())
                    .as(name)
                    .extracting(SearchResult.Hit::name)
                    .containsExactly(name);
        }
        own.index().close();
        plain.index().close();
    }
}
