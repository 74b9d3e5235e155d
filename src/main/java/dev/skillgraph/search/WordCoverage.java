package dev.skillgraph.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * The first ranking rule: a hit that has more of the query's words (typo-corrected, stemmed, synonyms, the last word as
 * a prefix) ranks above one that has fewer, whatever their BM25 scores; scores order hits with as many words. This is
 * how the typo-tolerant engines order their ranking rules (Meilisearch: words, typo, proximity, attribute, exactness;
 * Typesense: the number of matching tokens first), and it fixes the kind of fault where a short name matching some
 * words outscores the longer one matching all ("Turing machines" above "Nondeterministic Turing machines" for a query
 * naming both words) or a frequent word in a summary outweighs the rest of the query.
 *
 * <p>SkillGraph's own (Lucene ranks by one score), applied to the best {@link #WINDOW} hits by score beyond the page:
 * counting every word for every match would cost a second pass over all of them.
 */
final class WordCoverage {

    /**
     * How many of the best hits by score are reordered by their words, whatever page is asked for: the first six pages
     * of ten. A fixed window makes every page a slice of one order; one that grew with the page (it was the page plus
     * 50) let a deeper page reorder hits an earlier one had shown, so paging showed some hits twice and others never.
     */
    static final int WINDOW = 60;

    private final IndexSearcher searcher;
    private final List<Query> words;
    private final List<Integer> parts;

    /** @param words one query per distinct query word ({@link MatchQueries#perWord}) */
    WordCoverage(IndexSearcher searcher, List<Query> words) {
        this(searcher, words, List.of());
    }

    /**
     * @param words one query per distinct query word ({@link MatchQueries#perWord})
     * @param parts the words split from one word as typed, as bit masks ({@link QueryWords#parts}): a hit has them
     *     all or none, so "vision" alone does not count half of {@code computervision}, and they count as the one word
     *     typed, so {@code finetune} counts no more than {@code sagemaker}
     */
    WordCoverage(IndexSearcher searcher, List<Query> words, List<Integer> parts) {
        this.searcher = searcher;
        this.words = words;
        this.parts = parts;
    }

    /**
     * Which words of the query each of {@code hits} has, by position: bit {@code i} set when it has the {@code i}-th
     * word ({@link QueryWords#MAX_TERMS} words at most, so an int holds them).
     */
    int[] matched(ScoreDoc[] hits) throws IOException {
        int[] masks = new int[hits.length];
        if (hits.length == 0) {
            return masks;
        }
        Integer[] byDoc = new Integer[hits.length];
        for (int i = 0; i < byDoc.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, (a, b) -> Integer.compare(hits[a].doc, hits[b].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (int w = 0; w < words.size(); w++) {
            Weight weight = searcher.createWeight(searcher.rewrite(words.get(w)), ScoreMode.COMPLETE_NO_SCORES, 1f);
            int leaf = -1;
            DocIdSetIterator matches = null;
            for (int i : byDoc) {
                int doc = hits[i].doc;
                int at = ReaderUtil.subIndex(doc, leaves);
                if (at != leaf) {
                    leaf = at;
                    Scorer scorer = weight.scorer(leaves.get(at));
                    matches = scorer == null ? null : scorer.iterator();
                }
                int target = doc - leaves.get(at).docBase;
                if (matches != null
                        && (matches.docID() == target
                                || (matches.docID() < target && matches.advance(target) == target))) {
                    masks[i] |= 1 << w;
                }
            }
        }
        for (int part : parts) {
            for (int i = 0; i < masks.length; i++) {
                if ((masks[i] & part) != part) {
                    masks[i] &= ~part;
                }
            }
        }
        return masks;
    }

    /** How many words as typed {@code mask} has: the parts of one word typed joined count once. */
    private int typed(int mask) {
        int count = Integer.bitCount(mask);
        for (int part : parts) {
            if ((mask & part) == part) {
                count -= Integer.bitCount(part) - 1;
            }
        }
        return count;
    }

    /**
     * {@code hits} (best score first) with the first {@link #WINDOW} reordered: more words first, then the order they
     * came in; the hits beyond stay in score order.
     *
     * @return the hits and, by position, which words each has
     */
    Ranked rank(ScoreDoc[] hits) throws IOException {
        return rank(hits, matched(hits), Set.of());
    }

    /**
     * {@code ranked} again, with the hits of {@code complete} counted as having every word: those that have them all,
     * some only beyond name, aliases and summary ({@link MissingWords#complete}), rank with the hits that have them all
     * there, by score, and above those with fewer.
     */
    Ranked rank(Ranked ranked, Set<Integer> complete) {
        return complete.isEmpty() ? ranked : rank(ranked.hits(), ranked.matched(), complete);
    }

    private Ranked rank(ScoreDoc[] hits, int[] masks, Set<Integer> complete) {
        int all = (1 << words.size()) - 1;
        int[] counts = new int[hits.length];
        int[] own = new int[hits.length];
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            own[i] = typed(masks[i]);
            counts[i] = complete.contains(hits[i].doc) ? typed(all) : own[i];
        }
        // More words first, then more of them in name, aliases and summary; stable, so then the order they came in.
        Arrays.sort(
                order,
                0,
                Math.min(WINDOW, order.length),
                (a, b) -> counts[a] != counts[b]
                        ? Integer.compare(counts[b], counts[a])
                        : Integer.compare(own[b], own[a]));
        ScoreDoc[] ranked = new ScoreDoc[hits.length];
        int[] rankedMasks = new int[hits.length];
        for (int i = 0; i < order.length; i++) {
            ranked[i] = hits[order[i]];
            rankedMasks[i] = masks[order[i]];
        }
        int most = 0;
        for (int i = 0; i < Math.min(WINDOW, own.length); i++) {
            most = Math.max(most, own[order[i]]);
        }
        double best = words.isEmpty() ? 0 : (double) most / typed(all);
        return new Ranked(ranked, rankedMasks, best);
    }

    /**
     * Hits in ranking order, which query words each has (bit {@code i}: the {@code i}-th distinct word), and the share of
     * the query's words as typed the best hit has: 1 when it has all, 0 when there is no hit.
     */
    record Ranked(ScoreDoc[] hits, int[] matched, double bestCoverage) {

        /** Which words of the query the hit on {@code doc} has, by bit; -1 (every bit) when it is not among them. */
        int matchedBy(int doc) {
            for (int i = 0; i < hits.length; i++) {
                if (hits[i].doc == doc) {
                    return matched[i];
                }
            }
            return -1;
        }
    }
}
