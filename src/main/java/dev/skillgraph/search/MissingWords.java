package dev.skillgraph.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * The words of the query each hit of a page does not have, as web search engines list them under a result
 * ("Missing: ..."), so that a learner sees why a partial match is there, and an agent can tell it from a full one.
 *
 * <p>A word is missing when the hit has it in no text field searched: name, aliases, summary, description or the
 * names of related nodes, stemmed, as a synonym or a typo variant, or, the last word, as a prefix. That is wider than
 * what {@link WordCoverage} counts for ranking (name, aliases and summary), so only the hits coverage found short of
 * a word are looked at again, and a search whose hits have every word costs nothing more.
 */
final class MissingWords {

    private MissingWords() {}

    /**
     * The lexical hits among the first {@link WordCoverage#WINDOW} of {@code ranked} that have every word of the query
     * in some field: those {@link WordCoverage#rank(WordCoverage.Ranked, Set)} counts as having every word, and a fusion
     * ranks before any hit found by meaning ({@link RankFusion}). Word by word, and only
     * over the hits still in the running: a long question is usually settled by its first words.
     */
    static Set<Integer> complete(
            IndexSearcher searcher,
            List<String> distinct,
            WordCoverage.Ranked ranked,
            IntFunction<List<Query>> anywhere)
            throws IOException {
        int all = (1 << distinct.size()) - 1;
        int head = Math.min(WordCoverage.WINDOW, ranked.hits().length);
        List<ScoreDoc> running = new ArrayList<>(head);
        List<Integer> had = new ArrayList<>(head);
        for (int i = 0; i < head; i++) {
            running.add(ranked.hits()[i]);
            had.add(ranked.matched()[i]);
        }
        for (int w = 0; w < distinct.size() && !running.isEmpty(); w++) {
            int word = 1 << w;
            List<ScoreDoc> lacking = new ArrayList<>();
            for (int i = 0; i < running.size(); i++) {
                if ((had.get(i) & word) == 0) {
                    lacking.add(running.get(i));
                }
            }
            if (lacking.isEmpty()) {
                continue;
            }
            int[] found = new WordCoverage(searcher, anywhere.apply(word)).matched(lacking.toArray(ScoreDoc[]::new));
            Set<Integer> without = new HashSet<>();
            for (int i = 0; i < found.length; i++) {
                if ((found[i] & word) == 0) {
                    without.add(lacking.get(i).doc);
                }
            }
            for (int i = running.size() - 1; i >= 0; i--) {
                if (without.contains(running.get(i).doc)) {
                    running.remove(i);
                    had.remove(i);
                } else {
                    had.set(i, had.get(i) | word);
                }
            }
        }
        Set<Integer> complete = new HashSet<>();
        for (int i = 0; i < running.size(); i++) {
            if (had.get(i) == all) {
                complete.add(running.get(i).doc);
            }
        }
        return complete;
    }

    /**
     * @param distinct the query's distinct words, in the order of {@code ranked}'s bits
     * @param shown for each of {@code distinct}, the words as typed it stands for ({@link QueryWords#shown}): a part
     *     missing of a word the learner typed joined ({@code fine} of {@code finetune}) shows as that word
     * @param page the hits to say it of
     * @param coverage the words' coverage in name, aliases and summary, for a hit {@code ranked} does not hold
     * @param ranked the words' coverage of the lexical hits ({@link WordCoverage#rank})
     * @param byMeaningAlone the hits that have none of the words, found by meaning alone: none is said of them
     * @param anywhere for the words of a bit mask, one query per word over the fields coverage did not look in
     *     ({@link Fields#OTHER_TEXT}, {@link MatchQueries#perWord}; the other words match nothing), built only if
     *     needed
     * @return by doc id, the missing words of each hit of {@code page} that lacks some
     */
    static Map<Integer, List<String>> of(
            IndexSearcher searcher,
            List<String> distinct,
            List<String> shown,
            ScoreDoc[] page,
            WordCoverage coverage,
            WordCoverage.Ranked ranked,
            Set<Integer> byMeaningAlone,
            IntFunction<List<Query>> anywhere)
            throws IOException {
        int all = (1 << distinct.size()) - 1;
        List<ScoreDoc> partial = new ArrayList<>();
        List<Integer> had = new ArrayList<>();
        int lacked = 0;
        for (ScoreDoc doc : page) {
            if (byMeaningAlone.contains(doc.doc)) {
                continue;
            }
            int matched = ranked.matchedBy(doc.doc);
            if (matched == -1) {
                // A neighbour in meaning that has some word but ranked below the lexical hits coverage looked at.
                matched = coverage.matched(new ScoreDoc[] {doc})[0];
            }
            if (matched != all) {
                partial.add(doc);
                had.add(matched);
                lacked |= all & ~matched;
            }
        }
        Map<Integer, List<String>> missing = new HashMap<>();
        if (partial.isEmpty()) {
            return missing;
        }
        ScoreDoc[] docs = partial.toArray(ScoreDoc[]::new);
        // Only the words some hit lacks in name, aliases and summary are looked for in the other fields.
        int[] matched = new WordCoverage(searcher, anywhere.apply(lacked)).matched(docs);
        for (int i = 0; i < docs.length; i++) {
            matched[i] |= had.get(i);
            List<String> words = new ArrayList<>();
            for (int w = 0; w < distinct.size(); w++) {
                if ((matched[i] & (1 << w)) == 0 && !words.contains(shown.get(w))) {
                    words.add(shown.get(w));
                }
            }
            if (!words.isEmpty()) {
                missing.put(docs[i].doc, List.copyOf(words));
            }
        }
        return missing;
    }
}
