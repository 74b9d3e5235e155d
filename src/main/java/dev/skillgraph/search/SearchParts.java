package dev.skillgraph.search;

/**
 * SkillGraph's own Lucene parts, each of which an index can swap for the plain Lucene way, so that the benchmark harness
 * measures what each part buys against what it replaces (BENCHMARKS.md, "Why these parts exist"). Production indexes
 * use {@link #OWN}; each part swapped alone, and all of them at once, give the same hits in the same order (SearchPartsTest).
 *
 * @param termQueryCache term queries built once per index with their statistics looked up ({@link TermQueries});
 *     plain: a new {@code TermQuery} per term per search
 * @param frozenPostings postings of rare terms decoded once ({@link FrozenTermQuery}); plain: a {@code TermQuery} over
 *     the cached statistics
 * @param directPostings the index's postings held as arrays ({@code DirectPostingsFormat}); plain: Lucene's default
 *     compressed format
 * @param kindPrior a node kind's prior applied from an array ({@link PriorQuery}); plain: Lucene's
 *     {@code FunctionScoreQuery} over a doc-values field
 * @param movedFieldQueries a query built once and moved to the other fields ({@link QueryFields}); plain: Lucene's
 *     {@code QueryBuilder} analysing the text again for every field
 * @param firstPassRescore candidates of a two-phase ranking rescored from their first-pass score ({@link
 *     FirstPassRescorer}); plain: Lucene's {@code QueryRescorer} running the whole ranking query again
 */
public record SearchParts(
        boolean termQueryCache,
        boolean frozenPostings,
        boolean directPostings,
        boolean kindPrior,
        boolean movedFieldQueries,
        boolean firstPassRescore) {

    /** Every part SkillGraph's own: what production indexes use. */
    public static final SearchParts OWN = new SearchParts(true, true, true, true, true, true);

    /** Lucene's way everywhere. */
    public static final SearchParts PLAIN = new SearchParts(false, false, false, false, false, false);
}
