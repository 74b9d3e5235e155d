package dev.skillgraph.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
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
 * names of related nodes, stemmed, as a synonym or a typo variant, or, the last word, as a prefix. {@link
 * WordCoverage} has looked for them in every field for the hits it ranked by their words; of the others (found by
 * meaning beyond them), only those short of a word in name, aliases and summary are looked at again.
 */
final class MissingWords {

    private MissingWords() {}

    /**
     * @param distinct the query's distinct words, in the order of {@code ranked}'s bits
     * @param shown for each of {@code distinct}, the words as typed it stands for ({@link QueryWords#shown}): a part
     *     missing of a word the learner typed joined ({@code fine} of {@code finetune}) shows as that word
     * @param page the hits to say it of
     * @param coverage the words' coverage in name, aliases and summary, for a hit {@code ranked} does not hold
     * @param ranked the words' coverage of the lexical hits ({@link WordCoverage#rank(ScoreDoc[], IntFunction)})
     * @param byMeaningAlone the neighbours in meaning the words' match left out: nothing is said of those that have
     *     none of the words
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
        Map<Integer, List<String>> missing = new HashMap<>();
        List<ScoreDoc> partial = new ArrayList<>();
        List<Integer> had = new ArrayList<>();
        int lacked = 0;
        for (ScoreDoc doc : page) {
            int known = byMeaningAlone.contains(doc.doc) ? -1 : ranked.anywhereBy(doc.doc);
            if (known != -1) {
                List<String> words = words(distinct, shown, known);
                if (!words.isEmpty()) {
                    missing.put(doc.doc, words);
                }
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
        if (partial.isEmpty()) {
            return missing;
        }
        ScoreDoc[] docs = partial.toArray(ScoreDoc[]::new);
        // Only the words some hit lacks in name, aliases and summary are looked for in the other fields.
        int[] matched = new WordCoverage(searcher, anywhere.apply(lacked)).matched(docs);
        for (int i = 0; i < docs.length; i++) {
            int has = matched[i] | had.get(i);
            // A neighbour in meaning with none of the words shows none; one with some says which it lacks, as a
            // lexical hit does, though the words' match, which wants most of a query's words, left it out.
            if (has == 0 && byMeaningAlone.contains(docs[i].doc)) {
                continue;
            }
            List<String> words = words(distinct, shown, has);
            if (!words.isEmpty()) {
                missing.put(docs[i].doc, words);
            }
        }
        return missing;
    }

    /**
     * {@code missing} without the words no node has ({@code unheard}, {@link Spelling#unheard}): the notice names
     * those once ({@link SearchNotices}), and a hit that lacks only them lacks nothing it could have.
     */
    static Map<Integer, List<String>> without(Map<Integer, List<String>> missing, List<String> unheard) {
        if (unheard.isEmpty()) {
            return missing;
        }
        Map<Integer, List<String>> lacking = new HashMap<>();
        missing.forEach((doc, words) -> {
            List<String> rest =
                    words.stream().filter(word -> !unheard.contains(word)).toList();
            if (!rest.isEmpty()) {
                lacking.put(doc, rest);
            }
        });
        return lacking;
    }

    /** The words as typed that {@code had} lacks, each once. */
    private static List<String> words(List<String> distinct, List<String> shown, int had) {
        List<String> words = new ArrayList<>();
        for (int w = 0; w < distinct.size(); w++) {
            if ((had & (1 << w)) == 0 && !words.contains(shown.get(w))) {
                words.add(shown.get(w));
            }
        }
        return List.copyOf(words);
    }
}
