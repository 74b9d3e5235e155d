package dev.skillgraph.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TermQuery} over an index that never changes, whose postings (documents, frequencies and norms) are
 * decoded once, when the query is built, instead of on every search: on a small index a term query spends most of its
 * time, and allocates most of its garbage, opening a terms enum and a postings enum, and a search of this service
 * holds some thirty of them. Scores are the term query's own, computed by the same {@link SimScorer} from the same
 * statistics, frequencies and norms; explanations come from a term query. Built for one searcher, whose similarity
 * it keeps using. What it buys (SearchPartsBenchmarks, a mix of plain, misspelt and half-typed searches, two runs):
 * p99 139-145 us instead of 155-158 us on the seed graph; nothing measurable at 10,000 topics (own 790 and 835 us against
 * 808-816 us), where rare terms are a smaller share of the work.
 */
final class FrozenTermQuery extends Query {

    /** Beyond this many documents a term is best left to Lucene's block postings, which skip and decode faster. */
    static final int MAX_DOC_FREQ = 2048;

    private static final int MAX_CACHED_SCORERS = 64;

    private final Term term;
    private final int hashCode;
    private final TermStates states;
    private final CollectionStatistics collectionStats;
    private final TermStatistics termStats;
    private final @Nullable Leaf[] leaves;

    /** Scorers by boost: a search's boosts come from a small set (field weights times typo similarities). */
    private final Map<Float, SimScorer> scorers = new ConcurrentHashMap<>();

    /** One segment's postings of the term; {@code norms} is null for a field without norms. */
    private record Leaf(int[] docs, int[] freqs, long @Nullable [] norms) {}

    FrozenTermQuery(IndexSearcher searcher, Term term, TermStates states) throws IOException {
        this.term = term;
        // Boolean queries hash their clauses on every build and rewrite; a term hashes its bytes every time.
        this.hashCode = 31 * classHash() + term.hashCode();
        this.states = states;
        this.collectionStats = searcher.collectionStatistics(term.field());
        this.termStats = searcher.termStatistics(term, states.docFreq(), states.totalTermFreq());
        var contexts = searcher.getIndexReader().leaves();
        this.leaves = new Leaf[contexts.size()];
        for (LeafReaderContext context : contexts) {
            leaves[context.ord] = decode(context, states.get(context));
        }
    }

    Term getTerm() {
        return term;
    }

    private @Nullable Leaf decode(LeafReaderContext context, @Nullable TermState state) throws IOException {
        if (state == null) {
            return null;
        }
        TermsEnum terms = context.reader().terms(term.field()).iterator();
        terms.seekExact(term.bytes(), state);
        int[] docs = new int[terms.docFreq()];
        int[] freqs = new int[docs.length];
        PostingsEnum postings = terms.postings(null, PostingsEnum.FREQS);
        int count = 0;
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            docs[count] = doc;
            freqs[count] = postings.freq();
            count++;
        }
        NumericDocValues normValues = context.reader().getNormValues(term.field());
        long @Nullable [] norms = null;
        if (normValues != null) {
            norms = new long[count];
            for (int i = 0; i < count; i++) {
                norms[i] = normValues.advanceExact(docs[i]) ? normValues.longValue() : 1L;
            }
        }
        return new Leaf(docs, freqs, norms);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        @Nullable SimScorer simScorer = scoreMode.needsScores() ? simScorer(searcher, boost) : null;
        return new Weight(this) {
            @Override
            public @Nullable Scorer scorer(LeafReaderContext context) {
                Leaf leaf = leaves[context.ord];
                return leaf == null ? null : new FrozenScorer(this, leaf, simScorer, scoreMode);
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                return new TermQuery(term, states)
                        .createWeight(searcher, scoreMode, boost)
                        .explain(context, doc);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return true;
            }
        };
    }

    private SimScorer simScorer(IndexSearcher searcher, float boost) {
        SimScorer scorer = scorers.get(boost);
        if (scorer == null) {
            scorer = searcher.getSimilarity().scorer(boost, collectionStats, termStats);
            if (scorers.size() < MAX_CACHED_SCORERS) {
                scorers.putIfAbsent(boost, scorer);
            }
        }
        return scorer;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(term.field())) {
            visitor.consumeTerms(this, term);
        }
    }

    @Override
    public String toString(String field) {
        return term.field().equals(field) ? term.text() : term.toString();
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && term.equals(((FrozenTermQuery) other).term);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    /** Iterates one segment's frozen postings; scores each document as {@code TermScorer} does. */
    private static final class FrozenScorer extends Scorer {

        private final Leaf leaf;
        private final @Nullable SimScorer simScorer;
        private final ScoreMode scoreMode;
        private int index = -1;
        private int doc = -1;

        private final DocIdSetIterator iterator = new DocIdSetIterator() {
            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() {
                return doc = ++index < leaf.docs().length ? leaf.docs()[index] : NO_MORE_DOCS;
            }

            @Override
            public int advance(int target) {
                int[] docs = leaf.docs();
                int i = Math.max(index, 0);
                while (i < docs.length && docs[i] < target) {
                    i++;
                }
                index = i;
                return doc = i < docs.length ? docs[i] : NO_MORE_DOCS;
            }

            @Override
            public long cost() {
                return leaf.docs().length;
            }
        };

        FrozenScorer(Weight weight, Leaf leaf, @Nullable SimScorer simScorer, ScoreMode scoreMode) {
            super(weight);
            this.leaf = leaf;
            this.simScorer = simScorer;
            this.scoreMode = scoreMode;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public DocIdSetIterator iterator() {
            return iterator;
        }

        @Override
        public float score() {
            return simScorer == null ? 0f : simScorer.score(leaf.freqs()[index], norm(index));
        }

        @Override
        public float getMaxScore(int upTo) {
            if (simScorer == null) {
                return 0f;
            }
            if (scoreMode != ScoreMode.TOP_SCORES) {
                // What TermScorer reports outside top-scores mode: the score of the highest possible impact.
                return simScorer.score(Integer.MAX_VALUE, 1L);
            }
            float max = 0f;
            for (int i = Math.max(index, 0); i < leaf.docs().length && leaf.docs()[i] <= upTo; i++) {
                max = Math.max(max, simScorer.score(leaf.freqs()[i], norm(i)));
            }
            return max;
        }

        private long norm(int i) {
            return leaf.norms() == null ? 1L : leaf.norms()[i];
        }
    }
}
