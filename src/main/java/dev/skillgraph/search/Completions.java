package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.error.SkillGraphException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * As-you-type completions over names and aliases ({@code /api/suggest}): the words typed, the last one being typed,
 * matched as prefixes of words of a name or an alias, best and most needed first; when nothing starts so, the closest
 * spellings.
 */
final class Completions {

    /**
     * How many completions by rule and importance are ordered again by the length of their names, within a rule: a
     * feature query over every name cost more than the rest of a completion at 100,000 names (p99 10 ms against 4.7
     * without it; 6.4 ms with 20 candidates, 8.6 with 50, in one process, 2,000 prefixes of names).
     */
    private static final int CANDIDATES = 20;

    /**
     * The scores of {@link #ranked}, bucket by bucket as the rules go: each word typed that a reading reads, the
     * attribute and position met ({@link #rule}: 1 to 4), a whole name or alias typed, and each word of the name typed
     * whole. What is left, below {@link #EXACT_WORD}, is the importance ({@link MatchQueries#rankedByImportance}, at most
     * 2).
     */
    private static final int READ = 4096;

    private static final int RULE = 512;
    private static final int WHOLE = 256;
    private static final int EXACT_WORD = 16;

    private final IndexSearcher searcher;
    private final IndexedNode[] byDoc;
    private final TermQueries terms;
    private final MatchQueries queries;
    private final Spelling spelling;
    private final CompoundWords compounds;
    private final Analyzer exact;
    private final Analyzer folded;

    /** @param folded {@code exact} but keeping stop words: the words as typed, for the ranking rules */
    Completions(
            IndexSearcher searcher,
            IndexedNode[] byDoc,
            TermQueries terms,
            MatchQueries queries,
            Spelling spelling,
            CompoundWords compounds,
            Analyzer exact,
            Analyzer folded) {
        this.searcher = searcher;
        this.byDoc = byDoc;
        this.terms = terms;
        this.queries = queries;
        this.spelling = spelling;
        this.compounds = compounds;
        this.exact = exact;
        this.folded = folded;
    }

    /**
     * As-you-type completions: every word a prefix of a word of the name or an alias, best and most needed first; when
     * nothing starts so, the closest spellings; when there are none either, the completions of the words but the last,
     * or the last two, and so on.
     *
     * @throws SkillGraphException invalid input when the text matches too many words to complete
     */
    List<Suggestion> suggest(String text, int limit) {
        QueryWords words = QueryWords.of(exact, text).normalised(compounds, true);
        // Every word as typed, stop words too: kubernetes fo is being typed into "Kubernetes for ML Workloads", an in
        // into "An Introduction to ...".
        List<String> typed = QueryWords.of(folded, text).all();
        if (words.isEmpty() && typed.isEmpty()) {
            return List.of();
        }
        try {
            // The words normalised, as typed (hugging face llm course: the name's words, though hugging face joins
            // into huggingface), with the last two joined, and with the stop words typed.
            List<List<String>> readings = new ArrayList<>();
            for (List<String> reading : List.of(words.all(), words.typed(), typed)) {
                if (!reading.isEmpty() && !readings.contains(reading)) {
                    readings.add(reading);
                }
            }
            List<String> joined = words.isEmpty() ? null : compounds.lastJoined(words.all());
            if (joined != null) {
                readings.add(joined);
            }
            boolean lastTyped = !typed.isEmpty()
                    && !words.typed().isEmpty()
                    && typed.get(typed.size() - 1)
                            .equals(words.typed().get(words.typed().size() - 1));
            TopDocs top = searcher.search(ranked(readings, words, typed, lastTyped), Math.max(limit, CANDIDATES));
            if (top.scoreDocs.length == 0 && !words.isEmpty()) {
                Map<String, Map<String, Float>> variants = spelling.variants(words.distinct());
                top = searcher.search(closestSpellings(words.distinct(), variants), limit);
            }
            // Still nothing: fewer words, as Typesense drops a query's tokens when nothing matches them all.
            for (Iterator<List<String>> fewer = fewer(words.all(), typed).iterator();
                    top.scoreDocs.length == 0 && fewer.hasNext(); ) {
                top = searcher.search(asTyped(fewer.next()), Math.max(limit, CANDIDATES));
            }
            List<Suggestion> suggestions = new ArrayList<>();
            for (ScoreDoc doc : shorterFirst(top.scoreDocs, limit)) {
                GraphNode n = byDoc[doc.doc].node();
                suggestions.add(new Suggestion(n.id(), n.kind().key(), n.name()));
            }
            return suggestions;
        } catch (IndexSearcher.TooManyClauses e) {
            throw SkillGraphException.invalidInput("the text matches too many words to complete; type more letters");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The names and aliases that have the words {@code typed} (stop words too), each the start of a word, ranked as
     * {@link #suggest} ranks them; when none has them all, those that have the most words kept by {@link #fewer}; when
     * none has any, nothing. What a query of only common words matches when there is no searching by meaning ({@code
     * what do i need to know}: the FAQ of that name).
     */
    Query asTypedOrFewer(List<String> typed) throws IOException {
        List<List<String>> tries = new ArrayList<>();
        tries.add(typed);
        tries.addAll(fewer(List.of(), typed));
        for (List<String> words : tries) {
            Query query = asTyped(words);
            if (searcher.count(query) > 0) {
                return query;
            }
        }
        return new MatchNoDocsQuery();
    }

    private Query asTyped(List<String> words) {
        return ranked(List.of(words), QueryWords.of(words), words, true);
    }

    /**
     * The words to try when nothing completes them all, as Typesense drops tokens: first from the right, the words
     * normalised ({@code gpt4}: no name has the 4, some have gpt), then from the left, as typed, stop words too ({@code
     * how do i start}: start; {@code lets build}: build).
     */
    private static List<List<String>> fewer(List<String> words, List<String> typed) {
        List<List<String>> fewer = new ArrayList<>();
        for (int kept = words.size() - 1; kept > 0; kept--) {
            fewer.add(words.subList(0, kept));
        }
        List<String> first = typed.subList(0, Math.min(typed.size(), QueryWords.MAX_TERMS));
        for (int from = 1; from < first.size(); from++) {
            fewer.add(first.subList(from, first.size()));
        }
        return fewer;
    }

    /**
     * The first {@code limit} of {@code docs} (best first) with those that meet the same rule of {@link #ranked}, reading
     * as many words typed, ordered shorter name first, by its words, then as they came; the typo fallback meets no rule
     * and stays in its order.
     */
    private ScoreDoc[] shorterFirst(ScoreDoc[] docs, int limit) {
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
     * reading without the stop word, starts "Data Visualization"); the name before an alias; starting it before having
     * the words together, in order, inside it; the whole name or alias typed; how many words of the name are typed
     * whole ({@code ml}: "ML Pipeline Design" before MLflow). Those equal by all these follow the nodes much else
     * depends on ({@link MatchQueries#rankedByImportance}); of the best {@value #CANDIDATES}, the shorter name comes
     * first ({@link #shorterFirst}; {@code kubern}: Kubernetes before "Kubernetes for ML Workloads"). A whole name or
     * alias counts only when the last word typed is one ({@code llm in} is not the alias "LLM", though "in" is a stop
     * word), and only with all its words, its stop words too ({@link QueryWords#keys}: {@code ml} is not the whole of
     * "do I need ML").
     */
    private Query ranked(List<List<String>> readings, QueryWords words, List<String> typed, boolean lastTyped) {
        List<Query> rules = new ArrayList<>();
        for (List<String> reading : readings) {
            List<String> prefixes = reading.stream()
                    .limit(QueryWords.MAX_TERMS)
                    .map(Completions::prefix)
                    .toList();
            List<String> starting = new ArrayList<>(List.of(ValueStartFilter.MARKER));
            starting.addAll(prefixes);
            // How many of the words typed the reading reads: all, with the stop words; or those left without them.
            int reads = reading.equals(typed) ? typed.size() : words.typed().size();
            rules.add(rule(together(Fields.SUGGEST_NAME, starting), 4, reads));
            rules.add(rule(together(Fields.SUGGEST_NAME, prefixes), 3, reads));
            rules.add(rule(together(Fields.SUGGEST, starting), 2, reads));
            rules.add(rule(together(Fields.SUGGEST, prefixes), 1, reads));
        }
        BooleanQuery.Builder ranked = new BooleanQuery.Builder()
                .add(queries.rankedByImportance(completions(readings)), Occur.MUST)
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

    /**
     * A rule of {@link #ranked}: {@value #READ} for each word typed the reading it holds for reads (15 at most), and
     * {@value #RULE} times its {@code rank} (4: the name starts with the words, 3: has them together, 2 and 1: an alias
     * so), more than exactness and importance can add: so a score tells the words read and the rule met.
     */
    private static Query rule(Query query, int rank, int reads) {
        return new BoostQuery(new ConstantScoreQuery(query), READ * Math.min(reads, 15) + RULE * rank);
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
    private static String prefix(String word) {
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

    /** The fallback of {@link #completions}: each word by its closest spellings, or as the start of a word. */
    private Query closestSpellings(List<String> distinct, Map<String, Map<String, Float>> variants) {
        BooleanQuery.Builder typos = new BooleanQuery.Builder();
        for (String word : distinct) {
            Map<String, Float> similar = variants.getOrDefault(word, Map.of());
            if (similar.isEmpty()) {
                // The start of a word, or one with a typo in it as far as typed (tranf: transf...), as the fuzzy
                // completion suggesters of Lucene and Elasticsearch take it: the word's starts are indexed whole.
                BooleanQuery.Builder start =
                        new BooleanQuery.Builder().add(new PrefixQuery(new Term(Fields.SPELL, word)), Occur.SHOULD);
                if (Spelling.edits(word) > 0) {
                    start.add(
                            new FuzzyQuery(new Term(Fields.SUGGEST, prefix(word)), Spelling.edits(word), 1, 50, true),
                            Occur.SHOULD);
                }
                typos.add(new ConstantScoreQuery(start.build()), Occur.MUST);
            } else {
                // The closest spelling counts, once: a node whose text happens to hold two near spellings
                // (transformer, transformers) must not beat the one whose name is the closest. A word of the
                // name counts more than one of the summary.
                List<Query> spellings = new ArrayList<>();
                similar.forEach((variant, similarity) -> {
                    spellings.add(new BoostQuery(terms.of(new Term(Fields.NAME_EXACT, variant)), 2 * similarity));
                    spellings.add(new BoostQuery(terms.of(new Term(Fields.SPELL, variant)), similarity));
                });
                typos.add(new DisjunctionMaxQuery(spellings, 0f), Occur.MUST);
            }
        }
        return queries.rankedByImportance(typos.build());
    }
}
