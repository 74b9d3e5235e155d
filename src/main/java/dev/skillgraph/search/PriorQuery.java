package dev.skillgraph.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

/**
 * The scores of a query times the prior of each document's kind, a number in (0, 1] read from an array built with the
 * (immutable) index, with the same scores as Lucene's {@code FunctionScoreQuery} over a doc-values field, which
 * decodes doc values and wraps a scorer for every hit; and it tells Lucene that a document never scores above what
 * the query gives it, so a search for the top hits only may skip documents. What it buys (SearchPartsBenchmarks, two
 * runs, own p99 835 and 790 us): 860-878 us without it at 10,000 topics; nothing on the seed graph (139-145 us either
 * way).
 */
final class PriorQuery extends Query {

    private final Query in;
    private final double[] priors;

    /** @param priors every document's prior, by doc id of the (immutable) index; none above 1 */
    PriorQuery(Query in, double[] priors) {
        this.in = in;
        this.priors = priors;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = in.rewrite(searcher);
        return rewritten == in ? super.rewrite(searcher) : new PriorQuery(rewritten, priors);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight weight = in.createWeight(searcher, scoreMode, boost);
        if (!scoreMode.needsScores()) {
            return weight;
        }
        return new FilterWeight(this, weight) {
            @Override
            public @Nullable Scorer scorer(LeafReaderContext context) throws IOException {
                Scorer scorer = in.scorer(context);
                return scorer == null ? null : new PriorScorer(scorer, this, context.docBase);
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                Explanation inner = in.explain(context, doc);
                if (!inner.isMatch()) {
                    return inner;
                }
                double prior = priors[context.docBase + doc];
                return Explanation.match(
                        (float) (prior * inner.getValue().floatValue()),
                        "product of:",
                        inner,
                        Explanation.match(prior, "prior of the document's kind"));
            }
        };
    }

    private final class PriorScorer extends FilterScorer {
        private final int docBase;

        PriorScorer(Scorer in, Weight weight, int docBase) {
            super(in, weight);
            this.docBase = docBase;
        }

        @Override
        public float score() throws IOException {
            // In double, then rounded once: the same score a multiplicative FunctionScoreQuery gives.
            return (float) (priors[docBase + docID()] * in.score());
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return in.getMaxScore(upTo); // a prior is at most 1
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            // score <= inner score, so a document whose inner score is below minScore cannot compete either.
            in.setMinCompetitiveScore(minScore);
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        in.visit(visitor.getSubVisitor(Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "prior(" + in.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && in.equals(((PriorQuery) other).in) && priors == ((PriorQuery) other).priors;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), in, System.identityHashCode(priors));
    }
}
