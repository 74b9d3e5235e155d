package dev.skillgraph.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Rescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

/**
 * The full ranking ({@link RankedQueries#ranked}) of candidates that a first pass scored by the match's BM25, computed
 * from that score: lifted by the node's importance, times its kind's prior, plus the exact-name clauses it matches.
 * The same scores and order as Lucene's {@code QueryRescorer} running the whole ranking query over the candidates,
 * without running the match a second time.
 *
 * <p>SkillGraph's own, because the match is most of the work: every field, synonym and typo variant of every word,
 * rewritten and given weights and scorers again by {@code QueryRescorer}, which took a third of a plain search's time
 * at 100,000 topics (BENCHMARKS.md, "Twentieth session"). Here only the few keyword terms of the exact names run over
 * the candidates; the importance lift is read from an array.
 */
final class FirstPassRescorer extends Rescorer {

    private final float[] lifts;
    private final @Nullable Query exact;
    private final double[] priors;

    /**
     * @param lifts what each document's importance adds to its match score ({@link RankedQueries#rankedByImportance}),
     *     by doc id ({@link #everyScore})
     * @param exact the exact-name clauses added after the prior, or null when there are none
     * @param priors every document's kind prior, by doc id
     */
    FirstPassRescorer(float[] lifts, @Nullable Query exact, double[] priors) {
        this.lifts = lifts;
        this.exact = exact;
        this.priors = priors;
    }

    @Override
    public TopDocs rescore(IndexSearcher searcher, TopDocs firstPass, int topN) throws IOException {
        ScoreDoc[] hits = firstPass.scoreDocs.clone();
        Arrays.sort(hits, Comparator.comparingInt(hit -> hit.doc));
        float[] exacts = exact == null ? new float[hits.length] : scores(searcher, exact, hits);
        ScoreDoc[] rescored = new ScoreDoc[hits.length];
        for (int i = 0; i < hits.length; i++) {
            rescored[i] = new ScoreDoc(hits[i].doc, score(hits[i].doc, hits[i].score, lifts[hits[i].doc], exacts[i]));
        }
        // As QueryRescorer orders them: by score, then by doc id.
        Arrays.sort(
                rescored,
                (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return new TopDocs(firstPass.totalHits, Arrays.copyOf(rescored, Math.min(topN, rescored.length)));
    }

    /**
     * The ranking's score, rounded as Lucene's scorers round it: each conjunction and disjunction sums in double and
     * returns a float, and the prior multiplies in double ({@link PriorQuery}).
     */
    private float score(int doc, float match, float lift, float exact) {
        float lifted = (float) ((double) match + lift);
        float prior = (float) (priors[doc] * lifted);
        return exact == 0 ? prior : (float) ((double) prior + exact);
    }

    /**
     * Every document's score by {@code query}, by doc id; 0 for those it does not match. Read once per index for the
     * importance lift, which every document has: read from its postings for each search's candidates, it took about
     * 4 % of a plain search's time at 100,000 topics (JFR).
     */
    static float[] everyScore(IndexSearcher searcher, Query query) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        float[] scores = new float[searcher.getIndexReader().maxDoc()];
        for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(context);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator iterator = scorer.iterator();
            for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.nextDoc()) {
                scores[context.docBase + doc] = scorer.score();
            }
        }
        return scores;
    }

    /** Each of {@code hits} (sorted by doc id) scored by {@code query}; 0 for those it does not match. */
    private static float[] scores(IndexSearcher searcher, Query query, ScoreDoc[] hits) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        float[] scores = new float[hits.length];
        int leaf = -1;
        int end = 0;
        int base = 0;
        Scorer scorer = null;
        for (int i = 0; i < hits.length; i++) {
            int doc = hits[i].doc;
            while (doc >= end) {
                LeafReaderContext context = leaves.get(++leaf);
                base = context.docBase;
                end = base + context.reader().maxDoc();
                scorer = weight.scorer(context);
            }
            if (scorer == null) {
                continue;
            }
            int target = doc - base;
            DocIdSetIterator iterator = scorer.iterator();
            int at = iterator.docID() < target ? iterator.advance(target) : iterator.docID();
            if (at == target) {
                scores[i] = scorer.score();
            }
        }
        return scores;
    }

    @Override
    public Explanation explain(IndexSearcher searcher, Explanation firstPass, int doc) throws IOException {
        Explanation named = exact == null ? Explanation.noMatch("no exact names") : searcher.explain(exact, doc);
        float exactScore = named.isMatch() ? named.getValue().floatValue() : 0f;
        return Explanation.match(
                score(doc, firstPass.getValue().floatValue(), lifts[doc], exactScore),
                "(first pass + importance) * prior of the document's kind + exact names, from:",
                firstPass,
                Explanation.match(lifts[doc], "importance lift"),
                Explanation.match(priors[doc], "prior of the document's kind"),
                named);
    }
}
