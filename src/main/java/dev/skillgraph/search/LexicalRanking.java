package dev.skillgraph.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Rescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.jspecify.annotations.Nullable;

/**
 * The words' half of a search: the best matches of the query's words in full-ranking order, how many there are, and
 * their facet counts. Small indexes score every match in one pass; larger ones rank in two phases and count up to a
 * threshold, as search engines do at scale (the figures behind both choices are in BENCHMARKS.md, set S).
 */
final class LexicalRanking {

    /**
     * Matches are counted exactly up to this many; beyond, the total is this many at least ({@code totalRelation:
     * gte}) and facet counts are estimates from a sample. Counting every match made a two-word search at 100,000
     * topics visit some 8,600 matches (BENCHMARKS.md); Lucene's own default threshold is 1,000 too.
     */
    static final int EXACT_COUNT_UP_TO = 1_000;

    /**
     * How many of the best matches by BM25 the full ranking reorders (at least the page and the word-coverage window).
     * The full ranking lifts a node by at most its exact name or alias, kind prior and importance, and a node typed by
     * its exact name is among the best BM25 matches anyway (the name key is a clause of the match).
     */
    static final int RESCORED = 200;

    /**
     * Indexes up to this many documents are ranked in one pass over every match: there, scoring every match costs
     * less than a second and third pass (at the seed graph, two-phase ranking cut plain searches per second by a
     * third, BENCHMARKS.md); beyond, matches are many and two-phase ranking pays.
     */
    static final int SCORED_WHOLE = 20_000;

    /**
     * The best matches, best first (every score above 0), how many matched the filtered query, and the facet counts
     * of the matches before the filters.
     */
    record Answer(ScoreDoc[] hits, TotalHits total, FacetCounter.Counts counts) {

        /** Whether {@link #hits} holds every match: the total is exact and no larger. */
        boolean whole() {
            return total.relation == TotalHits.Relation.EQUAL_TO && total.value <= hits.length;
        }
    }

    private final IndexSearcher searcher;
    private final FacetCounter facetCounter;

    LexicalRanking(IndexSearcher searcher, FacetCounter facetCounter) {
        this.searcher = searcher;
        this.facetCounter = facetCounter;
    }

    /**
     * @param ranked what matches the words, and its full ranking
     * @param filter kind, stage, roadmap and id filters, or null
     * @param window how many of the best hits to return
     */
    Answer rank(RankedQueries.Ranked ranked, @Nullable Query filter, int window) throws IOException {
        Query match = ranked.match();
        TopDocs ranking;
        FacetCounter.Counts counts;
        if (searcher.getIndexReader().maxDoc() <= SCORED_WHOLE) {
            // A small index: score every match with the full ranking, counting and faceting in the same pass.
            TopScoreDocCollectorManager top = new TopScoreDocCollectorManager(window, Integer.MAX_VALUE);
            if (filter == null) {
                Object[] both = searcher.search(
                        ranked.query(), new MultiCollectorManager(top, facetCounter.manager(Integer.MAX_VALUE)));
                ranking = (TopDocs) both[0];
                counts = (FacetCounter.Counts) both[1];
            } else {
                counts = searcher.search(match, facetCounter.manager(Integer.MAX_VALUE));
                ranking = searcher.search(narrowed(ranked.query(), filter), top);
            }
        } else {
            // Two phases: the matches' BM25 alone picks the candidates (Lucene then skips blocks of documents that
            // cannot compete, instead of scoring every match), and the full ranking (exact names and aliases, kind
            // prior, importance) orders them. The facets of answers larger than EXACT_COUNT_UP_TO come from a sample.
            TopScoreDocCollectorManager candidates =
                    new TopScoreDocCollectorManager(Math.max(RESCORED, window), EXACT_COUNT_UP_TO);
            TopDocs top;
            if (filter == null) {
                // The first EXACT_COUNT_UP_TO matches the first pass is handed are every match up to a document,
                // the sample the facets need: counted as they pass, not in a pass of their own.
                Object[] both = searcher.search(match, facetCounter.alongside(candidates, EXACT_COUNT_UP_TO));
                top = (TopDocs) both[0];
                counts = (FacetCounter.Counts) both[1];
            } else {
                counts = searcher.search(match, facetCounter.manager(EXACT_COUNT_UP_TO));
                top = searcher.search(narrowed(match, filter), candidates);
            }
            ranking = ranked.rescorer() == null ? top : rescored(ranked.rescorer(), top);
            // The window, as one pass returns: the candidates beyond it only competed for it, and the rules after
            // this one (word coverage, missing words) look at every hit they are given.
            if (ranking.scoreDocs.length > window) {
                ranking = new TopDocs(ranking.totalHits, Arrays.copyOf(ranking.scoreDocs, window));
            }
        }
        ScoreDoc[] hits =
                Arrays.stream(ranking.scoreDocs).filter(doc -> doc.score > 0).toArray(ScoreDoc[]::new);
        return new Answer(hits, ranking.totalHits, counts);
    }

    /**
     * The first {@value #RESCORED} candidates ordered by the full ranking, then the rest in BM25 order, scored below
     * them: so a page deeper than {@value #RESCORED} hits leaves the order of the earlier ones as it was.
     */
    private TopDocs rescored(Rescorer rescorer, TopDocs candidates) throws IOException {
        ScoreDoc[] all = candidates.scoreDocs;
        TopDocs head =
                all.length <= RESCORED ? candidates : new TopDocs(candidates.totalHits, Arrays.copyOf(all, RESCORED));
        TopDocs rescored = rescorer.rescore(searcher, head, head.scoreDocs.length);
        if (all.length <= RESCORED || rescored.scoreDocs.length == 0) {
            return rescored;
        }
        ScoreDoc[] ordered = Arrays.copyOf(rescored.scoreDocs, rescored.scoreDocs.length + all.length - RESCORED);
        float last = rescored.scoreDocs[rescored.scoreDocs.length - 1].score;
        for (int i = RESCORED; i < all.length; i++) {
            ordered[rescored.scoreDocs.length + i - RESCORED] =
                    new ScoreDoc(all[i].doc, last * all[i].score / all[RESCORED].score);
        }
        return new TopDocs(candidates.totalHits, ordered);
    }

    /** {@code query}'s matches that {@code filter} allows, scored by {@code query}. */
    private static Query narrowed(Query query, Query filter) {
        return new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(filter, Occur.FILTER)
                .build();
    }
}
