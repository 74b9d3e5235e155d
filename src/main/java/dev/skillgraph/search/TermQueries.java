package dev.skillgraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The query of every term searched so far on one immutable index, with its statistics looked up and (see
 * {@link FrozenTermQuery}) its postings decoded once: opening a terms enum and a postings enum per term, per search, is
 * most of what a search cost. Terms the index has are all kept (bounded by the index's own vocabulary, the decoded
 * postings by {@link #MAX_FROZEN_POSTINGS}); absent ones, which any input can produce, up to {@link #MAX_ABSENT_TERMS}.
 * What it buys (SearchPartsBenchmarks): p99 145 us instead of 164 us on the seed graph, for a new {@code TermQuery}
 * per term per search; the same at 10,000 topics. Built from them: phrases of terms, the words a prefix begins, and
 * a search's filters. Thread-safe.
 */
final class TermQueries {

    /** Most indexed words a prefix is matched by, one by one ({@link #prefix}); beyond, a {@link PrefixQuery}. */
    static final int MAX_PREFIX_TERMS = 64;

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

    /** A term, or the terms of a synonym of several words as a phrase: {@code svm} is not had by "vector" alone. */
    Query path(String field, List<String> path) {
        return path(field, path, 0);
    }

    /** As {@link #path(String, List)}, with up to {@code slop} other words between its terms ({@link PhraseQuery}). */
    Query path(String field, List<String> path, int slop) {
        if (path.size() == 1) {
            return of(new Term(field, path.get(0)));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(slop);
        path.forEach(term -> phrase.add(new Term(field, term)));
        return phrase.build();
    }

    /**
     * Matches words of {@code field} starting with {@code prefix}, all scoring alike. Built from the indexed words
     * that complete it when there are few (the usual case for a word being typed): a {@link PrefixQuery} compiles an
     * automaton and enumerates the terms again on every search.
     *
     * @param words the indexed words starting with {@code prefix}, up to {@link #MAX_PREFIX_TERMS} + 1
     */
    Query prefix(String field, String prefix, List<String> words) {
        if (words.size() > MAX_PREFIX_TERMS) {
            return new PrefixQuery(new Term(field, prefix));
        }
        if (words.size() == 1) {
            return new ConstantScoreQuery(of(new Term(field, words.get(0)))); // what the rewrite would make
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String word : words) {
            any.add(of(new Term(field, word)), Occur.SHOULD);
        }
        return new ConstantScoreQuery(any.build());
    }

    /** The query's kind, stage, roadmap and id filters as one query; null when it has none. */
    @Nullable
    Query filter(SearchQuery query) {
        if (!query.filtered()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        query.kind().ifPresent(kind -> all.add(of(new Term(Fields.KIND, kind.key())), Occur.FILTER));
        query.stage().ifPresent(stage -> all.add(of(new Term(Fields.STAGE, stage)), Occur.FILTER));
        query.roadmap().ifPresent(roadmap -> all.add(of(new Term(Fields.ROADMAP, roadmap)), Occur.FILTER));
        query.onlyIds().ifPresent(ids -> all.add(idFilter(ids), Occur.FILTER));
        return all.build();
    }

    private static Query idFilter(Set<String> ids) {
        return new TermInSetQuery(
                Fields.ID, ids.stream().sorted().map(BytesRef::new).toList());
    }
}
