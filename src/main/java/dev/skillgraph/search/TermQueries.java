package dev.skillgraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The query of every term searched so far on one immutable index, with its statistics looked up and (see
 * {@link FrozenTermQuery}) its postings decoded once: opening a terms enum and a postings enum per term, per search, is
 * most of what a search cost. Terms the index has are all kept (bounded by the index's own vocabulary, the decoded
 * postings by {@link #MAX_FROZEN_POSTINGS}); absent ones, which any input can produce, up to {@link #MAX_ABSENT_TERMS}.
 * What it buys (SearchPartsBenchmarks): p99 145 us instead of 164 us on the seed graph, for a new {@code TermQuery}
 * per term per search; the same at 10,000 topics. Thread-safe.
 */
final class TermQueries {

    private static final int MAX_ABSENT_TERMS = 100_000;
    private static final long MAX_FROZEN_POSTINGS = 4_000_000; // 16 bytes each: 64 MB at most

    private final IndexSearcher searcher;
    private final SearchParts parts;
    private final Map<Term, Query> cache = new ConcurrentHashMap<>();
    private final AtomicInteger absentTerms = new AtomicInteger();
    private final AtomicLong frozenPostings = new AtomicLong();

    TermQueries(IndexSearcher searcher, SearchParts parts) {
        this.searcher = searcher;
        this.parts = parts;
    }

    /** A query matching {@code term}, scored by BM25 like a {@link TermQuery}. */
    Query of(Term term) {
        if (!parts.termQueryCache()) {
            return new TermQuery(term);
        }
        Query query = cache.get(term);
        if (query == null) {
            try {
                TermStates states = TermStates.build(searcher, term, true);
                boolean freeze = parts.frozenPostings()
                        && states.docFreq() > 0
                        && states.docFreq() <= FrozenTermQuery.MAX_DOC_FREQ
                        && frozenPostings.addAndGet(states.docFreq()) <= MAX_FROZEN_POSTINGS;
                query = freeze ? new FrozenTermQuery(searcher, term, states) : new TermQuery(term, states);
                if (states.docFreq() > 0 || absentTerms.incrementAndGet() <= MAX_ABSENT_TERMS) {
                    cache.putIfAbsent(term, query);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return query;
    }
}
