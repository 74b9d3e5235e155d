package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.error.SkillGraphException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
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

    /** Most sets of words {@link #asTypedOrFewer} counts the matches of before leaving out the most frequent. */
    private static final int MAX_TRIES = 64;

    private final IndexSearcher searcher;
    private final IndexedNode[] byDoc;
    private final CompletionRules rules;
    private final TermQueries terms;
    private final RankedQueries ranking;
    private final Spelling spelling;
    private final CompoundWords compounds;
    private final Analyzer exact;
    private final Analyzer folded;
    private final NamingWords naming;

    /** @param folded {@code exact} but keeping stop words: the words as typed, for the ranking rules */
    Completions(
            IndexSearcher searcher,
            IndexedNode[] byDoc,
            TermQueries terms,
            RankedQueries ranking,
            Spelling spelling,
            CompoundWords compounds,
            Analyzer exact,
            Analyzer folded,
            NamingWords naming) {
        this.searcher = searcher;
        this.byDoc = byDoc;
        this.terms = terms;
        this.ranking = ranking;
        this.spelling = spelling;
        this.compounds = compounds;
        this.exact = exact;
        this.folded = folded;
        this.naming = naming;
        this.rules = new CompletionRules(byDoc, terms, ranking, exact);
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
            // Only common words: the names with the most of them, the rarest first, as search lists them ({@code is
            // this for me}: "Who is this roadmap for?", not a name with "for" and "memory").
            TopDocs top = searcher.search(
                    words.isEmpty() ? asTypedOrFewer(typed) : rules.ranked(readings, words, typed, lastTyped),
                    Math.max(limit, CompletionRules.CANDIDATES));
            if (top.scoreDocs.length == 0 && !words.isEmpty()) {
                Map<String, Map<String, Float>> variants = spelling.variants(words.distinct());
                top = searcher.search(closestSpellings(words.distinct(), variants), limit);
            }
            // Still nothing: fewer words, as Typesense drops a query's tokens when nothing matches them all.
            for (Iterator<List<String>> fewer = fewer(words.all(), typed).iterator();
                    top.scoreDocs.length == 0 && fewer.hasNext(); ) {
                top = searcher.search(asTyped(fewer.next()), Math.max(limit, CompletionRules.CANDIDATES));
            }
            List<Suggestion> suggestions = new ArrayList<>();
            for (ScoreDoc doc : rules.shorterFirst(top.scoreDocs, limit)) {
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
     * {@link #suggest} ranks them; when none has them all, those with the most of them: of the words one fewer, then
     * two fewer, and so on, the rarest first (the fewest names and aliases start with them), as Meilisearch's matching
     * strategy {@code frequency} leaves out a query's most frequent words first; when none has any, nothing. What a
     * query of only common words matches when there is no searching by meaning, or nothing close in meaning ({@code
     * what do i need to know}: the FAQ of that name; {@code how do i start}: "What do I need to know before
     * starting?"; {@code is this for me}: "Who is this roadmap for?", not a name with "for" and "memory"). At most
     * {@value #MAX_TRIES} sets of words are tried; after them, the most frequent words are left out one by one.
     */
    Query asTypedOrFewer(List<String> typed) {
        return asTypedOrFewer(typed, 1);
    }

    /**
     * {@link #asTypedOrFewer(List)} keeping at least {@code least} of the words: nothing when fewer would be needed.
     */
    Query asTypedOrFewer(List<String> typed, int least) {
        List<String> all = typed.subList(0, Math.min(typed.size(), QueryWords.MAX_TERMS));
        Map<String, Integer> frequency = new HashMap<>();
        for (String word : all) {
            frequency.computeIfAbsent(word, w -> count(asTyped(List.of(w))));
        }
        int tries = 0;
        for (int size = all.size(); size >= Math.max(1, least); size--) {
            for (List<String> kept : rarestFirst(all, size, frequency)) {
                if (tries++ == MAX_TRIES) {
                    return least > 1 ? new MatchNoDocsQuery() : mostFrequentLeftOut(all, frequency);
                }
                Query query = asTyped(kept);
                if (count(query) > 0) {
                    return query;
                }
            }
        }
        return new MatchNoDocsQuery();
    }

    /** The sets of {@code size} of {@code words}, each in the order typed, those of the rarest words first. */
    private static List<List<String>> rarestFirst(List<String> words, int size, Map<String, Integer> frequency) {
        List<List<String>> sets = new ArrayList<>();
        subsets(words, size, 0, new ArrayList<>(), sets, MAX_TRIES + 1);
        sets.sort(Comparator.comparingLong(
                set -> set.stream().mapToLong(frequency::get).sum()));
        return sets;
    }

    private static void subsets(
            List<String> words, int size, int from, List<String> chosen, List<List<String>> out, int max) {
        if (chosen.size() == size) {
            out.add(List.copyOf(chosen));
            return;
        }
        for (int i = from; i <= words.size() - (size - chosen.size()) && out.size() < max; i++) {
            chosen.add(words.get(i));
            subsets(words, size, i + 1, chosen, out, max);
            chosen.remove(chosen.size() - 1);
        }
    }

    /** {@link #asTypedOrFewer} past its tries: the most frequent word left out, then the next, and so on. */
    private Query mostFrequentLeftOut(List<String> words, Map<String, Integer> frequency) {
        List<String> kept = new ArrayList<>(words);
        List<String> dropOrder = new ArrayList<>(words);
        dropOrder.sort(Comparator.comparing(frequency::get).reversed());
        for (String word : dropOrder) {
            Query query = asTyped(kept);
            if (count(query) > 0) {
                return query;
            }
            kept.remove(word);
        }
        return new MatchNoDocsQuery();
    }

    private int count(Query query) {
        try {
            return searcher.count(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the index is in memory
        }
    }

    private Query asTyped(List<String> words) {
        return rules.ranked(List.of(words), QueryWords.of(words), words, true);
    }

    /**
     * The words to try when nothing completes them all, as Typesense drops tokens: first those that name something
     * without those that do not ({@link NamingWords}; {@code intro to docker}: docker, not "intro to"), then one word
     * fewer, then two, and so on, each time from the right, the words normalised ({@code gpt4}: no name has the 4,
     * some have gpt), then from the left, as typed, stop words too ({@code how do i start}: start; {@code lets build}:
     * build), as Typesense's {@code drop_tokens_mode: both_sides}; never numbers alone ({@link StagePlaces#isNumber}).
     */
    private List<List<String>> fewer(List<String> words, List<String> typed) {
        List<List<String>> fewer = new ArrayList<>();
        List<String> first = typed.subList(0, Math.min(typed.size(), QueryWords.MAX_TERMS));
        List<String> normal = words.subList(0, Math.min(words.size(), QueryWords.MAX_TERMS));
        List<String> naming = new ArrayList<>();
        for (int i = 0; i < normal.size(); i++) {
            if (this.naming.names(normal.get(i), i == normal.size() - 1)) {
                naming.add(normal.get(i));
            }
        }
        if (!naming.isEmpty() && naming.size() < normal.size()) {
            fewer.add(naming);
        }
        for (int dropped = 1; dropped < Math.max(normal.size(), first.size()); dropped++) {
            if (dropped < normal.size()) {
                fewer.add(normal.subList(0, normal.size() - dropped));
            }
            if (dropped < first.size()) {
                fewer.add(first.subList(dropped, first.size()));
            }
        }
        // Numbers alone are no completion of the words typed with them: second opinion and two tower are no stage 2.
        fewer.removeIf(kept -> kept.stream().allMatch(StagePlaces::isNumber));
        return fewer;
    }

    /** The fallback of {@link CompletionRules#ranked}: each word by its closest spellings, or as the start of a word. */
    private Query closestSpellings(List<String> distinct, Map<String, Map<String, Float>> variants) {
        BooleanQuery.Builder typos = new BooleanQuery.Builder();
        for (String word : distinct) {
            Map<String, Float> similar = variants.getOrDefault(word, Map.of());
            if (similar.isEmpty()) {
                // The start of a word, or one with a typo in it as far as typed (tranf: transf...), as the fuzzy
                // completion suggesters of Lucene and Elasticsearch take it: the word's starts are indexed whole.
                BooleanQuery.Builder start =
                        new BooleanQuery.Builder().add(new PrefixQuery(new Term(Fields.SPELL, word)), Occur.SHOULD);
                // Not an English word the graph lacks: that is what was meant ("did you mean" keeps it too).
                if (Spelling.edits(word) > 0 && !EnglishWords.contains(word)) {
                    start.add(
                            new FuzzyQuery(
                                    new Term(Fields.SUGGEST, CompletionRules.prefix(word)),
                                    Spelling.edits(word),
                                    1,
                                    50,
                                    true),
                            Occur.SHOULD);
                }
                // Too short for a typo, but two letters swapped (pnad: pand...), as search takes a short word.
                if (Spelling.edits(word) == 0 && word.length() >= 3) {
                    for (String swapped : spelling.vocabulary().transposedStarts(word)) {
                        start.add(new PrefixQuery(new Term(Fields.SPELL, swapped)), Occur.SHOULD);
                    }
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
        return ranking.rankedByImportance(typos.build());
    }
}
