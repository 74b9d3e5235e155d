package dev.skillgraph.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.Rescorer;
import org.jspecify.annotations.Nullable;

/**
 * What ranks a match beyond its words, for searches and completions alike: the node's importance and its kind's
 * prior, and for a search a whole name or alias typed exactly. SkillGraph's own ranking (see {@link MatchQueries});
 * every weight here is checked by the relevance suite (RelevanceIT).
 */
final class RankedQueries {

    /** A small lift for nodes much else depends on: at most 1, half of it at an importance of 8. */
    private static final Query IMPORTANCE = FeatureField.newSaturationQuery(Fields.FEATURES, Fields.IMPORTANCE, 1f, 8f);

    private final TermQueries terms;
    private final double[] priors;
    private final SearchParts parts;
    private final float[] lifts;

    /**
     * @param searcher the (immutable) index, whose every document's importance lift is read once, for rescoring
     *     candidates from their first pass ({@link SearchParts#firstPassRescore})
     * @param priors every document's kind prior, by doc id (see {@link NodeDocuments#prior})
     */
    RankedQueries(IndexSearcher searcher, TermQueries terms, double[] priors, SearchParts parts) throws IOException {
        this.terms = terms;
        this.priors = priors;
        this.parts = parts;
        this.lifts = FirstPassRescorer.everyScore(searcher, IMPORTANCE);
    }

    /**
     * The full ranking of {@code match}'s matches: as one query, to score every match, and as a rescorer of candidates a
     * first pass scored by {@code match} alone ({@link LexicalRanking}, at scale).
     *
     * @param match what matches the words (its score is BM25)
     * @param query {@code match} ranked
     * @param rescorer reorders candidates scored by {@code match} as {@code query} would score them; null when
     *     {@code query} is {@code match} (the first pass's order is the ranking's)
     */
    record Ranked(Query match, Query query, @Nullable Rescorer rescorer) {

        /** A ranking by the match's own scores: a query of only common words, searched as typed. */
        static Ranked byMatch(Query match) {
            return new Ranked(match, match, null);
        }
    }

    /**
     * {@code match} ranked, and typing a node's whole name, or one of its aliases, exactly: that node wins, whatever its
     * kind; typed with its words stemmed alike ({@code turing machine}), it wins over all but the exact one. The words as typed, stop words and all (the first of {@code keys}, {@link QueryWords#keys}), count twice
     * what they count without the query's stop words: {@code Who is the AI/LLM Engineer roadmap for?} is that FAQ, not
     * the roadmap named by its other words. The exact clauses sit outside the kind prior on purpose, and straight in the
     * top query: nested, Lucene's rewrite flattened them, one more pass over the whole query tree.
     */
    Ranked ranked(Query match, List<String> keys) {
        BooleanQuery.Builder ranked = new BooleanQuery.Builder().add(rankedByImportance(match), Occur.MUST);
        BooleanQuery.Builder exact = new BooleanQuery.Builder();
        for (int i = 0; i < keys.size(); i++) {
            float asTyped = i == 0 && keys.size() > 1 ? 2f : 1f;
            String stemmed = Analyzers.stemmedKey(keys.get(i));
            exact.add(whole(Fields.NAME_KEY, keys.get(i), 150f * asTyped), Occur.SHOULD);
            exact.add(whole(Fields.ALIAS_KEY, keys.get(i), 60f * asTyped), Occur.SHOULD);
            // The same words stemmed (turing machine: "Turing machines"), a little less than as the name has them.
            exact.add(whole(Fields.NAME_STEM_KEY, stemmed, 120f * asTyped), Occur.SHOULD);
            exact.add(whole(Fields.ALIAS_STEM_KEY, stemmed, 48f * asTyped), Occur.SHOULD);
        }
        BooleanQuery exactNames = exact.build();
        exactNames.clauses().forEach(ranked::add);
        Query query = ranked.build();
        Rescorer rescorer = parts.firstPassRescore()
                ? new FirstPassRescorer(lifts, exactNames.clauses().isEmpty() ? null : exactNames, priors)
                : new QueryRescorer(query) {
                    @Override
                    protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                        return secondPassMatches ? secondPassScore : 0f;
                    }
                };
        return new Ranked(match, query, rescorer);
    }

    /**
     * The nodes whose whole name or alias is one of {@code keys} ({@link QueryWords#keys}), as typed or with its words
     * stemmed alike: those the learner named.
     */
    Query named(List<String> keys) {
        BooleanQuery.Builder named = new BooleanQuery.Builder();
        for (String key : keys) {
            String stemmed = Analyzers.stemmedKey(key);
            named.add(terms.of(new Term(Fields.NAME_KEY, key)), Occur.SHOULD);
            named.add(terms.of(new Term(Fields.ALIAS_KEY, key)), Occur.SHOULD);
            named.add(terms.of(new Term(Fields.NAME_STEM_KEY, stemmed)), Occur.SHOULD);
            named.add(terms.of(new Term(Fields.ALIAS_STEM_KEY, stemmed)), Occur.SHOULD);
        }
        return named.build();
    }

    private Query whole(String field, String key, float boost) {
        return new BoostQuery(new ConstantScoreQuery(terms.of(new Term(field, key))), boost);
    }

    /**
     * Matches of {@code match}, with a small lift for nodes much else depends on (never a match by itself), scaled by
     * the prior of the node's kind.
     */
    Query rankedByImportance(Query match) {
        Query lifted = new BooleanQuery.Builder()
                .add(match, Occur.MUST)
                .add(IMPORTANCE, Occur.SHOULD)
                .build();
        return parts.kindPrior()
                ? new PriorQuery(lifted, priors)
                : FunctionScoreQuery.boostByValue(lifted, DoubleValuesSource.fromDoubleField(Fields.PRIOR));
    }
}
