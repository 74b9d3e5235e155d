package dev.skillgraph.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * The ranking rules of as-you-type completions ({@link Completions}): which names and aliases complete the words
 * typed, and in what order, as one Lucene query whose score tells the rules each meets, then the shorter name first.
 * SkillGraph's own: Lucene ranks by one score, and its suggesters rank by a weight fixed at index time, not by rules
 * over the words typed.
 */
final class CompletionRules {

    /**
     * How many completions by rule and importance are ordered again by the length of their names, within a rule: a
     * feature query over every name cost more than the rest of a completion at 100,000 names (p99 10 ms against 4.7
     * without it; 6.4 ms with 20 candidates, 8.6 with 50, in one process, 2,000 prefixes of names).
     */
    static final int CANDIDATES = 20;

    /**
     * The scores of {@link #ranked}, bucket by bucket as the rules go: each word typed that a reading reads, the words
     * before the last matched as whole words ({@link #STRICT}), the attribute and position met ({@link #rule}: 0 to
     * 4; a whole name or alias typed adds {@link #WHOLE}, half a rule more), and each word of the name typed whole. What is left, below {@link
     * #EXACT_WORD}, is the importance ({@link RankedQueries#rankedByImportance}, at most 2).
     */
    private static final int READ = 8192;

    private static final int STRICT = 4096;
    private static final int RULE = 512;
    private static final int WHOLE = RULE * 3 / 2;
    private static final int EXACT_WORD = 16;

    private final IndexedNode[] byDoc;
    private final TermQueries terms;
    private final RankedQueries ranking;
    private final Analyzer exact;

    CompletionRules(IndexedNode[] byDoc, TermQueries terms, RankedQueries ranking, Analyzer exact) {
        this.byDoc = byDoc;
        this.terms = terms;
        this.ranking = ranking;
        this.exact = exact;
    }

    /**
     * The first {@code limit} of {@code docs} (best first) with those that meet the same rule of {@link #ranked}, reading
     * as many words typed, ordered shorter name first, by its words, then as they came; the typo fallback meets no rule
     * and stays in its order.
     */
    ScoreDoc[] shorterFirst(ScoreDoc[] docs, int limit) {
        int[] words = new int[docs.length];
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = i;
            words[i] = docs[i].score < READ
                    ? 0
                    : Analyzers.words(exact, byDoc[docs[i].doc].node().name()).size();
        }
        // The words read, the rule and the exactness, then the shorter name.
        Arrays.sort(order, (a, b) -> {
            int ruleA = (int) (docs[a].score / EXACT_WORD);
            int ruleB = (int) (docs[b].score / EXACT_WORD);
            return ruleA != ruleB ? Integer.compare(ruleB, ruleA) : Integer.compare(words[a], words[b]);
        });
        ScoreDoc[] first = new ScoreDoc[Math.min(limit, docs.length)];
        for (int i = 0; i < first.length; i++) {
            first[i] = docs[order[i]];
        }
        return first;
    }

    /**
     * The completions of {@link #completions}, ordered by rules one after another, as Meilisearch orders its results
     * (words, typo, proximity, attribute, word position, exactness; its "ranking rules" documentation): how many of the
     * words typed the reading reads ({@code data and} starts "Data and ML Pipelines" better than {@code data}, its
     * reading without the stop word, starts "Data Visualization"); the words before the last typed as whole words
     * ({@code ml engineer}: not "MLOps Engineer"); the name before an alias, starting it before having the words
     * together, in order, inside it, though a whole alias typed comes between a name starting with it and one having
     * it inside ({@code feature stores}: "Feature Stores (Feast)", then ML Pipeline Design, whose alias it is, then a
     * question that mentions feature stores); how many words of the name are typed whole ({@code ml}: "ML Pipeline
     * Design" before MLflow). Those equal by all these follow the nodes much else
     * depends on ({@link RankedQueries#rankedByImportance}); of the best {@value #CANDIDATES}, the shorter name comes
     * first ({@link #shorterFirst}; {@code kubern}: Kubernetes before "Kubernetes for ML Workloads"). A whole name or
     * alias counts only when the last word typed is one ({@code llm in} is not the alias "LLM", though "in" is a stop
     * word), and only with all its words, its stop words too ({@link QueryWords#keys}: {@code ml} is not the whole of
     * "do I need ML").
     */
    Query ranked(List<List<String>> readings, QueryWords words, List<String> typed, boolean lastTyped) {
        List<Query> rules = new ArrayList<>();
        for (List<String> reading : readings) {
            List<String> prefixes = reading.stream()
                    .limit(QueryWords.MAX_TERMS)
                    .map(CompletionRules::prefix)
                    .toList();
            // How many of the words typed the reading reads: all, with the stop words; or those left without them.
            int reads = reading.equals(typed) ? typed.size() : words.typed().size();
            addRules(rules, prefixes, reads, 0);
            if (prefixes.size() > 1) {
                // The words before the last typed in full, as whole words: ml engineer is "ML Engineer" before
                // "MLOps Engineer", as Meilisearch takes only the last word as a prefix.
                List<String> whole = new ArrayList<>();
                for (int i = 0; i < prefixes.size() - 1; i++) {
                    whole.add(reading.get(i) + WholeWordFilter.MARKER);
                }
                whole.add(prefixes.get(prefixes.size() - 1));
                addRules(rules, whole, reads, STRICT);
            }
        }
        BooleanQuery.Builder ranked = new BooleanQuery.Builder()
                .add(ranking.rankedByImportance(completions(readings)), Occur.MUST)
                .add(new DisjunctionMaxQuery(rules, 0f), Occur.SHOULD);
        List<Query> whole = new ArrayList<>();
        for (String key : lastTyped ? words.keys(typed) : List.<String>of()) {
            whole.add(terms.of(new Term(Fields.NAME_KEY, key)));
            whole.add(terms.of(new Term(Fields.ALIAS_KEY, key)));
        }
        if (!whole.isEmpty()) {
            ranked.add(new BoostQuery(new ConstantScoreQuery(new DisjunctionMaxQuery(whole, 0f)), WHOLE), Occur.SHOULD);
        }
        List<String> wordsTyped = readings.stream()
                .flatMap(List::stream)
                .distinct()
                .limit(QueryWords.MAX_TERMS)
                .toList();
        for (String word : wordsTyped) {
            ranked.add(
                    new BoostQuery(new ConstantScoreQuery(terms.of(new Term(Fields.NAME_EXACT, word))), EXACT_WORD),
                    Occur.SHOULD);
        }
        return ranked.build();
    }

    /** The four rules of a reading's terms, each scoring {@code strict} more ({@link #rule}). */
    private static void addRules(List<Query> rules, List<String> terms, int reads, int strict) {
        List<String> starting = new ArrayList<>(List.of(ValueStartFilter.MARKER));
        starting.addAll(terms);
        rules.add(rule(together(Fields.SUGGEST_NAME, starting), 4, reads, strict));
        rules.add(rule(together(Fields.SUGGEST_NAME, terms), 3, reads, strict));
        rules.add(rule(together(Fields.SUGGEST, starting), 2, reads, strict));
        rules.add(rule(together(Fields.SUGGEST, terms), 1, reads, strict));
        // Every word read, wherever it stands: the words rule comes before proximity, as in Meilisearch, so "Do I need
        // a Master's or PhD ...?" reads all of do i need a p, and pytorch only its p.
        if (strict == 0 && terms.size() > 1) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            terms.forEach(term -> all.add(new TermQuery(new Term(Fields.SUGGEST, term)), Occur.FILTER));
            rules.add(rule(all.build(), 0, reads, 0));
        }
    }

    /**
     * A rule of {@link #ranked}: {@value #READ} for each word typed the reading it holds for reads (15 at most), {@code
     * strict} ({@value #STRICT} when the words before the last are whole words, else 0), and {@value #RULE} times its
     * {@code rank} (4: the name starts with the words, 3: has them together, 2 and 1: an alias so, 0: the
     * name and aliases have them, wherever they stand), each more than all
     * after it can add: so a score tells the words read, the strictness and the rule met.
     */
    private static Query rule(Query query, int rank, int reads, int strict) {
        return new BoostQuery(new ConstantScoreQuery(query), READ * Math.min(reads, 15) + strict + RULE * rank);
    }

    /** The terms in that order, each next to the one before. */
    private static SpanQuery together(String field, List<String> terms) {
        if (terms.size() == 1) {
            return new SpanTermQuery(new Term(field, terms.get(0)));
        }
        SpanQuery[] spans = terms.stream()
                .map(term -> new SpanTermQuery(new Term(field, term)))
                .toArray(SpanQuery[]::new);
        return new SpanNearQuery(spans, 0, true);
    }

    /** The term of {@link Fields#SUGGEST} a word typed is: the word, or its start when longer than the index keeps. */
    static String prefix(String word) {
        return word.length() > 20 ? word.substring(0, 20) : word;
    }

    /**
     * Completions of every word of one of {@code readings} (the words as typed, and the last two joined: {@link
     * CompoundWords#lastJoined}), each word as a prefix of a word of the name or an alias; when none, the closest
     * spellings of each word (its typo variants, or the words it begins).
     */
    private Query completions(List<List<String>> readings) {
        List<Query> any = new ArrayList<>();
        for (List<String> words : readings) {
            BooleanQuery.Builder prefixes = new BooleanQuery.Builder();
            words.stream()
                    .limit(QueryWords.MAX_TERMS)
                    .forEach(word -> prefixes.add(terms.of(new Term(Fields.SUGGEST, prefix(word))), Occur.FILTER));
            any.add(new ConstantScoreQuery(prefixes.build()));
        }
        return new DisjunctionMaxQuery(any, 0f);
    }
}
