package dev.skillgraph.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Builds the ranked query of a search or a completion: BM25 over the text fields by weight, phrase and coverage boosts,
 * typo variants, the last word as a prefix, an exact name or alias winning outright, a lift for nodes much depends on,
 * and the prior of the node's kind. The ranking is SkillGraph's own (it is what the project is for); every weight
 * here is checked by the relevance suite (RelevanceIT).
 */
final class MatchQueries {

    /**
     * The most readings of a text with its synonyms ({@link AnalyzedText#readings}) its phrase boost is built for: each
     * is a phrase on three fields, and a search has at most 1,024 clauses (Lucene's {@code IndexSearcher}).
     */
    static final int MAX_PHRASE_READINGS = 64;

    private final TermQueries terms;
    private final Spelling spelling;
    private final Analyzer queryAnalyzer;
    private final SearchParts parts;
    private final BoundNumbers numbers;

    MatchQueries(TermQueries terms, Spelling spelling, Analyzer queryAnalyzer, SearchParts parts) {
        this.terms = terms;
        this.spelling = spelling;
        this.queryAnalyzer = queryAnalyzer;
        this.parts = parts;
        this.numbers = new BoundNumbers(terms, queryAnalyzer);
    }

    /**
     * Stemmed words with synonyms on every text field by weight, a phrase boost, typo-tolerant matches of whole
     * words, and the last word as a prefix (the user may still be typing it).
     *
     * @param keys the keywords a whole name may equal ({@link QueryWords#keys})
     */
    Query match(
            QueryWords queryWords, List<String> keys, Map<String, Map<String, Float>> variants, AnalyzedText analyzed) {
        List<String> words = queryWords.all();
        String text = analyzed.text();
        QueryBuilder builder = new QueryBuilder(queryAnalyzer) {
            @Override
            protected Query createFieldQuery(
                    Analyzer analyzer, Occur operator, String field, String queryText, boolean quoted, int slop) {
                // Always the same text: analysed once, replayed for the terms, the phrase and the coverage query.
                return createFieldQuery(analyzed, operator, field, quoted, slop);
            }

            @Override
            protected Query newTermQuery(Term term, float boost) {
                Query query = terms.of(term);
                return boost == 1f ? query : new BoostQuery(query, boost);
            }
        };
        // A synonym of several words (svm: support vector machine) matches them as a phrase, not each word anywhere.
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String key : keys) {
            query.add(new BoostQuery(terms.of(new Term(Fields.NAME_KEY, key)), 30f), Occur.SHOULD);
        }
        // Built for the first field, then moved to the others.
        String first = Fields.TEXT[0];
        if (words.size() >= 3) {
            // A name that covers most of a long query is what it asks about, however short other names are.
            Query coverage = builder.createMinShouldMatchQuery(first, text, 0.75f);
            for (String field : new String[] {Fields.NAME, Fields.ALIASES}) {
                Query onField = onField(coverage, field, () -> builder.createMinShouldMatchQuery(field, text, 0.75f));
                if (onField != null) {
                    query.add(new BoostQuery(onField, 10f), Occur.SHOULD);
                }
            }
        }
        Query termsQuery = builder.createBooleanQuery(first, text, Occur.SHOULD);
        // A sloppy phrase is one phrase per reading of the text (Lucene's QueryBuilder): with synonyms on many words
        // they multiply past what a search may have, and the phrase of a list of names ranks nothing anyway.
        Query phrase = words.size() > 1 && analyzed.readings(MAX_PHRASE_READINGS + 1) <= MAX_PHRASE_READINGS
                ? builder.createPhraseQuery(first, text, 2)
                : null;
        for (int i = 0; i < Fields.TEXT.length; i++) {
            String field = Fields.TEXT[i];
            Query termsOnField =
                    onField(termsQuery, field, () -> builder.createBooleanQuery(field, text, Occur.SHOULD));
            if (termsOnField != null) {
                query.add(new BoostQuery(termsOnField, Fields.WEIGHT[i]), Occur.SHOULD);
            }
            if (i < 3) {
                Query phraseOnField = onField(phrase, field, () -> builder.createPhraseQuery(field, text, 2));
                if (phraseOnField != null) {
                    query.add(new BoostQuery(phraseOnField, Fields.WEIGHT[i]), Occur.SHOULD);
                }
            }
        }
        // Beside a stage's place, the other words as a phrase of the stage's roadmap's name or alias, as the phrase
        // boost above for names: ml engineer stage 1 is the ML Engineer roadmap's stage 1, not the MLOps one's, whose
        // aliases have "ml" and "engineer" apart.
        List<String> roadmap = StagePlaces.besidePlaces(words);
        if (!roadmap.isEmpty()) {
            for (List<String> path :
                    AnalyzedText.of(queryAnalyzer, String.join(" ", roadmap)).paths()) {
                query.add(new BoostQuery(terms.path(Fields.ROADMAP_NAMES, path), Fields.WEIGHT[1]), Occur.SHOULD);
            }
        }
        if (words.size() == 1) {
            query.add(new BoostQuery(terms.of(new Term(Fields.NAME_EXACT, words.get(0))), 4f), Occur.SHOULD);
        }
        // A number with the word it qualifies: the number alone is not searched (analyzed leaves it out).
        for (String word : queryWords.distinct()) {
            String number = queryWords.numberPhrase(word);
            if (number != null) {
                query.add(
                        numbers.query(
                                word, AnalyzedText.of(queryAnalyzer, number).paths(), Fields.TEXT, true),
                        Occur.SHOULD);
            }
        }
        List<String> limited = words.subList(0, Math.min(words.size(), QueryWords.MAX_TERMS));
        for (int i = 0; i < limited.size(); i++) {
            String word = limited.get(i);
            variants.getOrDefault(word, Map.of()).forEach((variant, similarity) -> {
                if (variant.indexOf(' ') >= 0) {
                    // The word written apart (time series for timeseries): a phrase in the text fields by weight.
                    for (List<String> path :
                            AnalyzedText.of(queryAnalyzer, variant).paths()) {
                        for (int f = 0; f < Fields.TEXT.length; f++) {
                            query.add(
                                    new BoostQuery(terms.path(Fields.TEXT[f], path), Fields.WEIGHT[f] * similarity),
                                    Occur.SHOULD);
                        }
                    }
                    return;
                }
                query.add(new BoostQuery(terms.of(new Term(Fields.SPELL, variant)), 2f * similarity), Occur.SHOULD);
                query.add(
                        new BoostQuery(terms.of(new Term(Fields.NAME_EXACT, variant)), 4f * similarity), Occur.SHOULD);
            });
            if (i == limited.size() - 1 && QueryWords.beginsWords(word)) {
                List<String> completions = spelling.completions(word, TermQueries.MAX_PREFIX_TERMS + 1);
                if (!completions.isEmpty()) {
                    query.add(new BoostQuery(terms.prefix(Fields.SPELL, word, completions), 1.5f), Occur.SHOULD);
                    query.add(new BoostQuery(terms.prefix(Fields.NAME_EXACT, word, completions), 2f), Occur.SHOULD);
                }
            }
        }
        return query.build();
    }

    /**
     * {@code match} kept to the nodes that have some word of the query whole: the parts of a word typed joined ({@link
     * QueryWords#parts}: {@code computer} and {@code vision} of {@code computervision}) count only as a phrase, in some
     * text field, so a node with "vision" alone is no match, and no part of the total or the facets. {@code match}
     * itself when no word was split.
     */
    Query partsTogether(
            Query match,
            QueryWords words,
            Map<String, Map<String, Float>> variants,
            Function<String, List<List<String>>> paths,
            Map<String, Set<List<String>>> spans) {
        if (words.parts().isEmpty()
                && words.withoutBoundNumbers(words.distinct()).size()
                        == words.distinct().size()) {
            return match;
        }
        List<Query> each = perWord(words, variants, Fields.TEXT, -1, paths, spans);
        int split = 0;
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int part : words.parts()) {
            split |= part;
            StringJoiner together = new StringJoiner(" ");
            for (int i = 0; i < each.size(); i++) {
                if ((part & (1 << i)) != 0) {
                    together.add(words.distinct().get(i));
                }
            }
            // The common words typed inside the word (chain|of|thought) are gaps the phrase allows.
            int gaps = words.commonWordsWithin(part);
            for (List<String> path : paths.apply(together.toString())) {
                for (String field : Fields.TEXT) {
                    any.add(terms.path(field, path, gaps), Occur.SHOULD);
                }
            }
        }
        for (int i = 0; i < each.size(); i++) {
            if ((split & (1 << i)) == 0) {
                any.add(each.get(i), Occur.SHOULD);
            }
        }
        return new BooleanQuery.Builder()
                .add(match, Occur.MUST)
                .add(any.build(), Occur.FILTER)
                .build();
    }

    /**
     * One query per distinct word of {@code words}, matching the nodes that have the word in one of {@code fields}:
     * stemmed, as one of its synonyms (one of several words as a phrase) or as one of its typo variants; in the name, aliases or summary as typed; or, for
     * the last word, a word there that it begins. {@link WordCoverage} counts them in {@link Fields#OWN_TEXT}.
     *
     * @param wanted the words to build, by bit ({@code i}: the {@code i}-th distinct word); the others match nothing
     * @param paths a spelling's terms as the text fields are searched ({@link AnalyzedText#paths} of the query
     *     analyzer), memoised by the caller for one search
     * @param spans the synonyms of several of the words, by each word ({@link SpanSynonyms#of})
     */
    List<Query> perWord(
            QueryWords words,
            Map<String, Map<String, Float>> variants,
            String[] fields,
            int wanted,
            Function<String, List<List<String>>> paths,
            Map<String, Set<List<String>>> spans) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> distinct = words.distinct();
        String last = words.all().get(words.all().size() - 1);
        List<Query> queries = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            String word = distinct.get(i);
            if ((wanted & (1 << i)) == 0) {
                queries.add(new MatchNoDocsQuery());
                continue;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            String number = words.numberPhrase(word);
            if (number != null) {
                queries.add(numbers.query(word, paths.apply(number), fields, false));
                continue;
            }
            Set<String> spellings = new LinkedHashSet<>();
            spellings.add(word);
            spellings.addAll(variants.getOrDefault(word, Map.of()).keySet());
            // The spell field holds the words of names, aliases and summaries as typed: it goes with those fields.
            boolean own = Arrays.asList(fields).contains(Fields.NAME);
            for (String spelling : spellings) {
                for (List<String> path : paths.apply(spelling)) {
                    for (String field : fields) {
                        any.add(terms.path(field, path), Occur.SHOULD);
                    }
                }
                if (own && spelling.indexOf(' ') < 0) {
                    any.add(terms.of(new Term(Fields.SPELL, spelling)), Occur.SHOULD);
                }
            }
            for (List<String> path : spans.getOrDefault(word, Set.of())) {
                for (String field : fields) {
                    any.add(terms.path(field, path), Occur.SHOULD);
                }
            }
            if (word.equals(last) && QueryWords.beginsWords(word)) {
                List<String> completions =
                        own ? spelling.completions(word, TermQueries.MAX_PREFIX_TERMS + 1) : List.of();
                if (!completions.isEmpty()) {
                    any.add(terms.prefix(Fields.SPELL, word, completions), Occur.SHOULD);
                }
                // A word begun in the other fields: at most 64 of its completions, as in the spell field.
                for (String field : fields) {
                    if (!Arrays.asList(Fields.OWN_TEXT).contains(field)) {
                        any.add(
                                new PrefixQuery(
                                        new Term(field, word),
                                        new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(
                                                TermQueries.MAX_PREFIX_TERMS)),
                                Occur.SHOULD);
                    }
                }
            }
            queries.add(any.build());
        }
        return queries;
    }

    /**
     * {@code built} (the query builder's for the first text field, or null) moved to {@code field}; built again by
     * {@code build} if it holds a kind of query that can't be moved.
     */
    private @Nullable Query onField(@Nullable Query built, String field, Supplier<@Nullable Query> build) {
        if (built == null || field.equals(Fields.TEXT[0])) {
            return built;
        }
        Query moved = parts.movedFieldQueries() ? QueryFields.onField(built, field, terms::of) : null;
        return moved != null ? moved : build.get();
    }
}
