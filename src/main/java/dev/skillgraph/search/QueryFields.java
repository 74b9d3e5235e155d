package dev.skillgraph.search;

import java.util.Arrays;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Moves a query built by Lucene's {@code QueryBuilder} to another field. A search asks the same analysed words of five
 * fields; building each field's query from the token graph again (replaying the tokens, finding the synonym paths) costs
 * a quarter of a search, copying the first one is a fraction of that. What it buys (SearchPartsBenchmarks): p99
 * 145 us instead of 173 us on the seed graph; nothing measurable at 10,000 topics (835 us against 811 us).
 */
final class QueryFields {

    private QueryFields() {}

    /**
     * {@code query} with every term in {@code field}, equal to what the query builder makes for that field from the
     * same tokens; or null when {@code query} holds a kind of query this does not know, for the caller to build it.
     *
     * @param termQuery the query of one term, as the query builder was told to make them
     */
    static @Nullable Query onField(Query query, String field, Function<Term, Query> termQuery) {
        if (query instanceof FrozenTermQuery frozen) {
            return termQuery.apply(onField(frozen.getTerm(), field));
        } else if (query instanceof TermQuery term) {
            return termQuery.apply(onField(term.getTerm(), field));
        } else if (query instanceof BoostQuery boosted) {
            Query in = onField(boosted.getQuery(), field, termQuery);
            return in == null ? null : new BoostQuery(in, boosted.getBoost());
        } else if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder moved =
                    new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                Query in = onField(clause.getQuery(), field, termQuery);
                if (in == null) {
                    return null;
                }
                moved.add(in, clause.getOccur());
            }
            return moved.build();
        } else if (query instanceof SynonymQuery synonyms) {
            // Every synonym weighs 1 here: no filter of the query analyzer sets a token boost, which this can't read.
            SynonymQuery.Builder moved = new SynonymQuery.Builder(field);
            synonyms.getTerms().forEach(term -> moved.addTerm(onField(term, field)));
            return moved.build();
        } else if (query instanceof PhraseQuery phrase) {
            PhraseQuery.Builder moved = new PhraseQuery.Builder().setSlop(phrase.getSlop());
            Term[] terms = phrase.getTerms();
            int[] positions = phrase.getPositions();
            for (int i = 0; i < terms.length; i++) {
                moved.add(onField(terms[i], field), positions[i]);
            }
            return moved.build();
        } else if (query instanceof MultiPhraseQuery phrase) {
            MultiPhraseQuery.Builder moved = new MultiPhraseQuery.Builder().setSlop(phrase.getSlop());
            Term[][] terms = phrase.getTermArrays();
            int[] positions = phrase.getPositions();
            for (int i = 0; i < terms.length; i++) {
                moved.add(
                        Arrays.stream(terms[i])
                                .map(term -> onField(term, field))
                                .toArray(Term[]::new),
                        positions[i]);
            }
            return moved.build();
        }
        return null;
    }

    private static Term onField(Term term, String field) {
        return new Term(field, term.bytes());
    }
}
