package dev.skillgraph.search;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.StageRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts a query's matches by kind and by stage. The index is immutable, so each document's kind and stage are looked
 * up once, when it is built, into two arrays; counting a match is then two array increments — no doc values, no bit
 * set of matches, and nothing allocated per match.
 */
final class FacetCounter {

    private static final Kind[] KINDS = Kind.values();

    private final int[] kindOf;
    private final int[] stageOf;
    private final StageRef[] stages;

    /** @param byDoc the node of every document, by doc id */
    FacetCounter(IndexedNode[] byDoc) {
        Map<String, StageRef> distinct = new HashMap<>();
        for (IndexedNode node : byDoc) {
            if (node != null && node.stage() != null) {
                distinct.putIfAbsent(node.stage().id(), node.stage());
            }
        }
        this.stages = distinct.values().stream()
                .sorted(Comparator.comparingInt(StageRef::order).thenComparing(StageRef::id))
                .toArray(StageRef[]::new);
        Map<String, Integer> stageIndex = new HashMap<>();
        for (int i = 0; i < stages.length; i++) {
            stageIndex.put(stages[i].id(), i);
        }
        this.kindOf = new int[byDoc.length];
        this.stageOf = new int[byDoc.length];
        for (int doc = 0; doc < byDoc.length; doc++) {
            IndexedNode node = byDoc[doc];
            kindOf[doc] = node == null ? -1 : node.node().kind().ordinal();
            stageOf[doc] = node == null || node.stage() == null
                    ? -1
                    : stageIndex.getOrDefault(node.stage().id(), -1);
        }
    }

    /** Collects the counts of one search; its result is {@code {countsByKind, countsByStage}}. */
    CollectorManager<Counter, int[][]> manager() {
        return new CollectorManager<>() {
            @Override
            public Counter newCollector() {
                return new Counter();
            }

            @Override
            public int[][] reduce(Collection<Counter> collectors) {
                int[] kinds = new int[KINDS.length];
                int[] byStage = new int[stages.length];
                for (Counter counter : collectors) {
                    Arrays.setAll(kinds, i -> kinds[i] + counter.kinds[i]);
                    Arrays.setAll(byStage, i -> byStage[i] + counter.stages[i]);
                }
                return new int[][] {kinds, byStage};
            }
        };
    }

    /** Kinds by count (most first, then by name); stages in roadmap order with their names; zero counts left out. */
    SearchResult.Facets facets(int[][] counts) {
        List<SearchResult.FacetCount> kinds = new ArrayList<>();
        for (int i = 0; i < KINDS.length; i++) {
            if (counts[0][i] > 0) {
                kinds.add(new SearchResult.FacetCount(KINDS[i].key(), null, counts[0][i]));
            }
        }
        kinds.sort(Comparator.comparingLong(SearchResult.FacetCount::count)
                .reversed()
                .thenComparing(SearchResult.FacetCount::value));
        List<SearchResult.FacetCount> byStage = new ArrayList<>();
        for (int i = 0; i < stages.length; i++) {
            if (counts[1][i] > 0) {
                byStage.add(new SearchResult.FacetCount(stages[i].id(), stages[i].name(), counts[1][i]));
            }
        }
        return new SearchResult.Facets(kinds, byStage);
    }

    final class Counter extends SimpleCollector {

        private final int[] kinds = new int[KINDS.length];
        private final int[] stages = new int[FacetCounter.this.stages.length];
        private int docBase;

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            docBase = context.docBase;
        }

        @Override
        public void collect(int doc) {
            int kind = kindOf[docBase + doc];
            if (kind >= 0) {
                kinds[kind]++;
            }
            int stage = stageOf[docBase + doc];
            if (stage >= 0) {
                stages[stage]++;
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
