package dev.skillgraph.search;

import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RoadmapRef;
import dev.skillgraph.domain.StageRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts a query's matches by kind, by stage and by roadmap. The index is immutable, so each document's kind, stage and
 * roadmaps are looked up once, when it is built, into arrays; counting a match is then a few array increments — no doc
 * values, no bit set of matches, and nothing allocated per match.
 */
final class FacetCounter {

    /**
     * A facet lists at most this many values, those with the largest counts (ties in the facet's order), and says how
     * many more it left out: at 100,000 topics a two-word search matched nodes of some 400 stages, and their list was
     * nine tenths of the answer's bytes. 100 is the default of Meilisearch's {@code maxValuesPerFacet} and Algolia's
     * {@code maxValuesPerFacet}; no shipped roadmap set comes near it.
     */
    static final int MAX_VALUES = 100;

    private static final Kind[] KINDS = Kind.values();
    private static final int[] NONE = new int[0];

    private final int[] kindOf;
    private final int[] stageOf;
    private final StageRef[] stages;
    private final int[][] roadmapsOf;
    private final RoadmapRef[] roadmaps;

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
        Map<String, RoadmapRef> distinctRoadmaps = new HashMap<>();
        for (IndexedNode node : byDoc) {
            if (node != null) {
                node.roadmaps().forEach(r -> distinctRoadmaps.putIfAbsent(r.id(), r));
            }
        }
        this.roadmaps = distinctRoadmaps.values().stream()
                .sorted(Comparator.comparing((RoadmapRef r) -> r.name().toLowerCase(Locale.ROOT))
                        .thenComparing(RoadmapRef::id))
                .toArray(RoadmapRef[]::new);
        Map<String, Integer> roadmapIndex = new HashMap<>();
        for (int i = 0; i < roadmaps.length; i++) {
            roadmapIndex.put(roadmaps[i].id(), i);
        }
        this.roadmapsOf = new int[byDoc.length][];
        this.kindOf = new int[byDoc.length];
        this.stageOf = new int[byDoc.length];
        for (int doc = 0; doc < byDoc.length; doc++) {
            IndexedNode node = byDoc[doc];
            kindOf[doc] = node == null ? -1 : node.node().kind().ordinal();
            stageOf[doc] = node == null || node.stage() == null
                    ? -1
                    : stageIndex.getOrDefault(node.stage().id(), -1);
            roadmapsOf[doc] = node == null
                    ? NONE
                    : node.roadmaps().stream()
                            .mapToInt(r -> roadmapIndex.get(r.id()))
                            .toArray();
        }
    }

    /**
     * The counts of one search: by kind, by stage, by roadmap, of the first {@code counted} matches in index order; all
     * of them when {@code complete}, else those up to document {@code lastDoc}.
     */
    record Counts(int[][] counts, int counted, boolean complete, int lastDoc) {}

    /** {@code counts} with {@code docs} (top-level doc ids, none of them counted yet) counted too. */
    Counts plus(Counts counts, Collection<Integer> docs) {
        int[][] sum = {
            counts.counts()[0].clone(), counts.counts()[1].clone(), counts.counts()[2].clone(),
        };
        for (int doc : docs) {
            count(doc, sum[0], sum[1], sum[2]);
        }
        return new Counts(sum, counts.counted() + docs.size(), counts.complete(), counts.lastDoc());
    }

    /**
     * Collects the counts of one search, of every match up to {@code cap} of them; beyond, counting stops and the
     * counts are a sample of the matches in index order (documents are in id order, unrelated to what matches).
     */
    CollectorManager<Counter, Counts> manager(int cap) {
        return new CollectorManager<>() {
            @Override
            public Counter newCollector() {
                return new Counter(cap);
            }

            @Override
            public Counts reduce(Collection<Counter> collectors) {
                int[] kinds = new int[KINDS.length];
                int[] byStage = new int[stages.length];
                int[] byRoadmap = new int[roadmaps.length];
                int counted = 0;
                boolean complete = true;
                int lastDoc = -1;
                for (Counter counter : collectors) {
                    Arrays.setAll(kinds, i -> kinds[i] + counter.kinds[i]);
                    Arrays.setAll(byStage, i -> byStage[i] + counter.stages[i]);
                    Arrays.setAll(byRoadmap, i -> byRoadmap[i] + counter.roadmaps[i]);
                    counted += counter.counted;
                    complete &= !counter.full;
                    lastDoc = Math.max(lastDoc, counter.lastDoc);
                }
                return new Counts(new int[][] {kinds, byStage, byRoadmap}, counted, complete, lastDoc);
            }
        };
    }

    /**
     * {@code ranking}'s collectors, each counting the first {@code cap} documents it is handed as it goes: one pass
     * instead of two, and the ranking keeps its score mode, so a top-k collector still skips what cannot compete once
     * it has counted its threshold of hits (set it to {@code cap} at least, so that every counted document is one it
     * was handed). Results: the ranking's, then the {@link Counts}.
     */
    <C extends Collector, T> CollectorManager<Alongside<C>, Object[]> alongside(
            CollectorManager<C, T> ranking, int cap) {
        CollectorManager<Counter, Counts> counting = manager(cap);
        return new CollectorManager<>() {
            @Override
            public Alongside<C> newCollector() throws IOException {
                return new Alongside<>(ranking.newCollector(), counting.newCollector());
            }

            @Override
            public Object[] reduce(Collection<Alongside<C>> collectors) throws IOException {
                return new Object[] {
                    ranking.reduce(collectors.stream().map(Alongside::ranking).toList()),
                    counting.reduce(collectors.stream().map(Alongside::counter).toList())
                };
            }
        };
    }

    /** A ranking collector with a counter that sees the documents it is handed. */
    record Alongside<C extends Collector>(C ranking, Counter counter) implements Collector {

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector ranked = ranking.getLeafCollector(context);
            LeafCollector counted;
            try {
                counted = counter.getLeafCollector(context);
            } catch (CollectionTerminatedException e) {
                return ranked; // counted enough already
            }
            return new FilterLeafCollector(ranked) {
                private boolean counting = true;

                @Override
                public void collect(int doc) throws IOException {
                    if (counting) {
                        try {
                            counted.collect(doc);
                        } catch (CollectionTerminatedException e) {
                            counting = false;
                        }
                    }
                    super.collect(doc);
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ranking.scoreMode();
        }
    }

    /**
     * Kinds by count (most first, then by name); stages in roadmap order and roadmaps by name, with their names; zero
     * counts left out.
     */
    SearchResult.Facets facets(int[][] counts) {
        return facets(counts, 1, false);
    }

    /** As {@link #facets(int[][])}, each count multiplied by {@code scale} and rounded; {@code estimated} says so. */
    SearchResult.Facets facets(int[][] sampled, double scale, boolean estimated) {
        int[][] counts = new int[sampled.length][];
        for (int f = 0; f < sampled.length; f++) {
            counts[f] = new int[sampled[f].length];
            for (int i = 0; i < counts[f].length; i++) {
                counts[f][i] = (int) Math.round(sampled[f][i] * scale);
            }
        }
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
        List<SearchResult.FacetCount> byRoadmap = new ArrayList<>();
        for (int i = 0; i < roadmaps.length; i++) {
            if (counts[2][i] > 0) {
                byRoadmap.add(new SearchResult.FacetCount(roadmaps[i].id(), roadmaps[i].name(), counts[2][i]));
            }
        }
        Map<String, Integer> more = new LinkedHashMap<>();
        return new SearchResult.Facets(
                kinds,
                mostCounted("stage", byStage, more),
                mostCounted("roadmap", byRoadmap, more),
                estimated ? Boolean.TRUE : null,
                more.isEmpty() ? null : more);
    }

    /**
     * The {@value #MAX_VALUES} values of {@code facet} with the largest counts (ties: the earlier first), in
     * {@code facet}'s order; how many were left out goes into {@code more} under {@code name}.
     */
    private static List<SearchResult.FacetCount> mostCounted(
            String name, List<SearchResult.FacetCount> facet, Map<String, Integer> more) {
        if (facet.size() <= MAX_VALUES) {
            return facet;
        }
        Integer[] order = new Integer[facet.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(
                order,
                Comparator.comparingLong((Integer i) -> facet.get(i).count())
                        .reversed()
                        .thenComparingInt(i -> i));
        int[] kept =
                Arrays.stream(order, 0, MAX_VALUES).mapToInt(i -> i).sorted().toArray();
        more.put(name, facet.size() - MAX_VALUES);
        return Arrays.stream(kept).mapToObj(facet::get).toList();
    }

    /** Adds {@code doc}'s kind, stage and roadmaps to the counts. */
    private void count(int doc, int[] kinds, int[] byStage, int[] byRoadmap) {
        if (kindOf[doc] >= 0) {
            kinds[kindOf[doc]]++;
        }
        if (stageOf[doc] >= 0) {
            byStage[stageOf[doc]]++;
        }
        for (int roadmap : roadmapsOf[doc]) {
            byRoadmap[roadmap]++;
        }
    }

    final class Counter extends SimpleCollector {

        private final int[] kinds = new int[KINDS.length];
        private final int[] stages = new int[FacetCounter.this.stages.length];
        private final int[] roadmaps = new int[FacetCounter.this.roadmaps.length];
        private final int cap;
        private int docBase;
        private int counted;
        private boolean full;
        private int lastDoc = -1;

        Counter(int cap) {
            this.cap = cap;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            docBase = context.docBase;
        }

        @Override
        public void collect(int doc) {
            if (counted == cap) {
                full = true;
                throw new CollectionTerminatedException();
            }
            counted++;
            lastDoc = docBase + doc;
            count(lastDoc, kinds, stages, roadmaps);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
