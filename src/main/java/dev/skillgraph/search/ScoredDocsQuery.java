package dev.skillgraph.search;

import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

/**
 * Matches a fixed set of documents, each with its own score: the semantic neighbours of a query, found once by a
 * vector search, joined to the lexical query as one more clause so that totals, facets, filters and paging treat them
 * like every other hit. (Lucene keeps the equivalent query of its own vector search package-private.)
 */
final class ScoredDocsQuery extends Query {

    private final int[] docs;
    private final float[] scores;
    private final float maxScore;

    /**
     * @param docs top-level doc ids of the index, ascending, no repeats
     * @param scores each document's score, none negative
     */
    ScoredDocsQuery(int[] docs, float[] scores) {
        if (docs.length != scores.length) {
            throw new IllegalArgumentException("one score per document");
        }
        this.docs = docs;
        this.scores = scores;
        float max = 0;
        for (float score : scores) {
            max = Math.max(max, score);
        }
        this.maxScore = max;
    }

    /** The score of {@code doc}, one of the documents. */
    float score(int doc) {
        return scores[Arrays.binarySearch(docs, doc)];
    }

    /** True when {@code doc} (a top-level doc id) is one of the documents. */
    boolean contains(int doc) {
        return Arrays.binarySearch(docs, doc) >= 0;
    }

    boolean isEmpty() {
        return docs.length == 0;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new Weight(this) {
            @Override
            public @Nullable Scorer scorer(LeafReaderContext context) {
                int from = lowerBound(context.docBase);
                int to = lowerBound(context.docBase + context.reader().maxDoc());
                return from == to ? null : new DocsScorer(this, context.docBase, from, to, boost);
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) {
                int i = Arrays.binarySearch(docs, context.docBase + doc);
                return i < 0
                        ? Explanation.noMatch("not a semantic neighbour")
                        : Explanation.match(boost * scores[i], "semantic similarity above the threshold");
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    private int lowerBound(int doc) {
        int i = Arrays.binarySearch(docs, doc);
        return i >= 0 ? i : -i - 1;
    }

    private final class DocsScorer extends Scorer {
        private final int docBase;
        private final int from;
        private final int to;
        private final float boost;
        private int at;

        DocsScorer(Weight weight, int docBase, int from, int to, float boost) {
            super(weight);
            this.docBase = docBase;
            this.from = from;
            this.to = to;
            this.boost = boost;
            this.at = from - 1;
        }

        @Override
        public int docID() {
            return at < from ? -1 : at >= to ? DocIdSetIterator.NO_MORE_DOCS : docs[at] - docBase;
        }

        @Override
        public float score() {
            return boost * scores[at];
        }

        @Override
        public float getMaxScore(int upTo) {
            return boost * maxScore;
        }

        @Override
        public DocIdSetIterator iterator() {
            return new DocIdSetIterator() {
                @Override
                public int docID() {
                    return DocsScorer.this.docID();
                }

                @Override
                public int nextDoc() {
                    at = Math.min(at + 1, to);
                    return docID();
                }

                @Override
                public int advance(int target) {
                    do {
                        nextDoc();
                    } while (docID() < target);
                    return docID();
                }

                @Override
                public long cost() {
                    return to - from;
                }
            };
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "semantic(" + docs.length + " docs)";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other)
                && Arrays.equals(docs, ((ScoredDocsQuery) other).docs)
                && Arrays.equals(scores, ((ScoredDocsQuery) other).scores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), Arrays.hashCode(docs), Arrays.hashCode(scores));
    }
}
