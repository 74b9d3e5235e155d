package dev.skillgraph.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

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
    private final double[] telling;
    /** {@link #rarity()}, once counted; an instance serves one search. */
    private double @Nullable [] rarity;

    /** @param words one query per distinct query word ({@link MatchQueries#perWord}) */
    WordCoverage(IndexSearcher searcher, List<Query> words) {
        this(searcher, words, List.of(), new double[words.size()]);
    }

    /**
     * @param words one query per distinct query word ({@link MatchQueries#perWord})
     * @param parts the words split from one word as typed, as bit masks ({@link QueryWords#parts}): a hit has them
     *     all or none, so "vision" alone does not count half of {@code computervision}, and they count as the one word
     *     typed, so {@code finetune} counts no more than {@code sagemaker}
     * @param telling how telling each word is ({@link NamingWords#telling}), by position: among hits with as many
     *     words, the one whose words tell more comes first
     */
    WordCoverage(IndexSearcher searcher, List<Query> words, List<Integer> parts, double[] telling) {
        this.searcher = searcher;
        this.words = words;
        this.parts = parts;
        this.telling = telling;
    }

    /** How telling the words of {@code mask} are together: the sum of their {@link NamingWords#telling}. */
    private double telling(int mask) {
        double sum = 0;
        for (int w = 0; w < telling.length; w++) {
            if ((mask & 1 << w) != 0) {
                sum += telling[w];
            }
        }
        return sum;
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
        for (int i = 0; i < masks.length; i++) {
            masks[i] = together(masks[i]);
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
     * came in; the hits beyond stay in score order. Only name, aliases and summary are looked at.
     *
     * @return the hits and, by position, which words each has
     */
    Ranked rank(ScoreDoc[] hits) throws IOException {
        return rank(hits, null, null, doc -> false);
    }

    /**
     * {@code hits} (best score first) with the first {@link #WINDOW} reordered by their words, a word in name, aliases
     * or summary counting two and a word found only beyond them ({@code elsewhere}: the description, the names of
     * related nodes) one, as the lowest of those fields weighs twice the description ({@link Fields#WEIGHT}); then by
     * the words in name, aliases and summary; then by how telling its words are ({@link NamingWords}); then by how rare
     * they are in the index ({@link #rarity}, counted as the words are: {@code pruning llm} puts Model
     * Compression, whose alias is "pruning", before the names with LLM, as Meilisearch's matching strategy {@code
     * frequency} keeps the rarer words); then in the order they came. So a hit with every word, some only in its
     * description, ranks above one with fewer words in its name ("production readiness checklist" is in one
     * description), yet a word in a name still outweighs the same word in passing (measured: counting a description's
     * words as much as a name's put long stage descriptions that mention a question's every word above the topic that
     * names most of them, and the tuned relevance suite fell from 0.99 to 0.97 success@1; these weights kept it and
     * raised the learners' train part, docs/search.md).
     *
     * @param elsewhere for the words of a bit mask, one query per word over the other fields ({@link Fields#OTHER_TEXT};
     *     the other words match nothing); null to look at name, aliases and summary only
     * @param prose as {@code elsewhere}, over the node's own fields beyond them ({@link Fields#PROSE}): what makes a hit
     *     that {@code linksMany} one with most of the words ({@link Ranked#mostWords}), which the names of the nodes
     *     it links do not
     * @param linksMany whether the node of a doc id has the names of many others as its related names (a stage its
     *     topics, a resource what it teaches)
     */
    Ranked rank(
            ScoreDoc[] hits,
            @Nullable IntFunction<List<Query>> elsewhere,
            @Nullable IntFunction<List<Query>> prose,
            IntPredicate linksMany)
            throws IOException {
        int[] own = matched(hits);
        int[] anywhere = elsewhere == null ? own : anywhere(hits, own, elsewhere);
        int window = Math.min(WINDOW, hits.length);
        // One word: its rarity is the same for every hit that has it, so it orders nothing the counts have not.
        double[] rarer = words.size() < 2 ? new double[words.size()] : rarity();
        int[] counts = new int[hits.length];
        double[] rare = new double[hits.length];
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            counts[i] = typed(own[i]) + typed(anywhere[i]);
            for (int w = 0; w < rarer.length; w++) {
                rare[i] += (own[i] & 1 << w) != 0 ? 2 * rarer[w] : (anywhere[i] & 1 << w) != 0 ? rarer[w] : 0;
            }
        }
        // Stable: the order they came in within as many words.
        Arrays.sort(
                order,
                0,
                window,
                (a, b) -> counts[a] != counts[b]
                        ? Integer.compare(counts[b], counts[a])
                        : typed(own[b]) != typed(own[a])
                                ? Integer.compare(typed(own[b]), typed(own[a]))
                                : telling(anywhere[a]) != telling(anywhere[b])
                                        ? Double.compare(telling(anywhere[b]), telling(anywhere[a]))
                                        : Double.compare(rare[b], rare[a]));
        ScoreDoc[] ranked = new ScoreDoc[hits.length];
        int[] rankedOwn = new int[hits.length];
        int[] rankedAnywhere = new int[hits.length];
        int most = 0;
        for (int i = 0; i < order.length; i++) {
            ranked[i] = hits[order[i]];
            rankedOwn[i] = own[order[i]];
            rankedAnywhere[i] = anywhere[order[i]];
            most = i < WINDOW ? Math.max(most, typed(own[order[i]])) : most;
        }
        int all = (1 << words.size()) - 1;
        // Three quarters of the words, as the match's own coverage clause counts "most of a long query"; for a stage or
        // resource in its own text, not only as the names of the topics it links, one word from each ("random forest
        // regression": "Random Forests", "Linear Regression"). A topic's related names are its stage and tools: its
        // context ("llm" of an LLM stage's topic).
        Set<Integer> mostWords = new HashSet<>();
        List<Integer> linked = new ArrayList<>();
        int linkedWords = 0;
        for (int i = 0; i < Math.min(WINDOW, ranked.length); i++) {
            if (typed(rankedAnywhere[i]) * 4 >= typed(all) * 3) {
                if (prose == null || !linksMany.test(ranked[i].doc) || typed(rankedOwn[i]) * 4 >= typed(all) * 3) {
                    mostWords.add(ranked[i].doc);
                } else {
                    linked.add(i);
                    linkedWords |= rankedAnywhere[i] & ~rankedOwn[i];
                }
            }
        }
        if (prose != null && !linked.isEmpty()) {
            ScoreDoc[] docs = linked.stream().map(i -> ranked[i]).toArray(ScoreDoc[]::new);
            int[] inProse = new WordCoverage(searcher, prose.apply(linkedWords)).matched(docs);
            for (int j = 0; j < docs.length; j++) {
                if (typed(together(rankedOwn[linked.get(j)] | inProse[j])) * 4 >= typed(all) * 3) {
                    mostWords.add(docs[j].doc);
                }
            }
        }
        return new Ranked(
                ranked,
                rankedOwn,
                elsewhere == null ? null : rankedAnywhere,
                all,
                words.isEmpty() ? 0 : (double) most / typed(all),
                mostWords);
    }

    /**
     * How rare each word is among the index's names, aliases and summaries, by position, as BM25's inverse document
     * frequency, {@code log(1 + (n - df + 0.5) / (df + 0.5))}, {@code df} the documents its query matches there (its
     * spellings, synonyms, the last word's completions). Counted in the whole index, not among the hits ranked: those
     * are the best by BM25, which favours the word the index has least, so among them that word looked common
     * ({@code vector db} put the hits with "database" alone before those with "vector"). One count per word: at 100,000
     * topics, in one process, 1,642-1,706 searches/s against 1,769-1,954 without this rule (BENCHMARKS.md).
     */
    private double[] rarity() throws IOException {
        if (rarity != null) {
            return rarity; // a search with a filter ranks twice (NodeSearcher#meaningWanted): counted once
        }
        rarity = new double[words.size()];
        int n = searcher.getIndexReader().numDocs();
        for (int w = 0; w < words.size(); w++) {
            int df = searcher.count(words.get(w));
            rarity[w] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
        return rarity;
    }

    /**
     * {@code own} with the words the first {@link #WINDOW} hits have elsewhere added; looked for only in the hits
     * that lack some, and only those words.
     */
    private int[] anywhere(ScoreDoc[] hits, int[] own, IntFunction<List<Query>> elsewhere) throws IOException {
        int all = (1 << words.size()) - 1;
        int[] anywhere = own.clone();
        List<Integer> lacking = new ArrayList<>();
        int lacked = 0;
        for (int i = 0; i < Math.min(WINDOW, hits.length); i++) {
            if (own[i] != all) {
                lacking.add(i);
                lacked |= all & ~own[i];
            }
        }
        if (lacking.isEmpty()) {
            return anywhere;
        }
        ScoreDoc[] docs = lacking.stream().map(i -> hits[i]).toArray(ScoreDoc[]::new);
        int[] found = new WordCoverage(searcher, elsewhere.apply(lacked)).matched(docs);
        for (int j = 0; j < docs.length; j++) {
            anywhere[lacking.get(j)] = together(own[lacking.get(j)] | found[j]);
        }
        return anywhere;
    }

    /** {@code mask} without the parts of a word typed joined that it has only some of. */
    private int together(int mask) {
        for (int part : parts) {
            if ((mask & part) != part) {
                mask &= ~part;
            }
        }
        return mask;
    }

    /**
     * Hits in ranking order, which query words each has in name, aliases and summary and, for the first {@link
     * #WINDOW}, in any field (bit {@code i}: the {@code i}-th distinct word), and the share of the query's words as
     * typed the best hit has in name, aliases and summary: 1 when one has all, 0 when there is no hit.
     *
     * @param anywhere null when only name, aliases and summary were looked at
     * @param mostWords the hits among the first {@link #WINDOW} that have three quarters of the query's words as typed,
     *     or more, in some field: those found by the learner's words, which a fusion ranks first ({@link RankFusion})
     */
    record Ranked(
            ScoreDoc[] hits,
            int[] matched,
            int @Nullable [] anywhere,
            int all,
            double bestCoverage,
            Set<Integer> mostWords) {

        /** Which words of the query the hit on {@code doc} has, by bit; -1 (every bit) when it is not among them. */
        int matchedBy(int doc) {
            int at = indexOf(doc);
            return at < 0 ? -1 : matched[at];
        }

        /**
         * Which words of the query the hit on {@code doc} has in any field, by bit; -1 when that was not looked at (it
         * is beyond the first {@link #WINDOW}, or not among them).
         */
        int anywhereBy(int doc) {
            int at = indexOf(doc);
            return anywhere == null || at < 0 || at >= WINDOW ? -1 : anywhere[at];
        }

        private int indexOf(int doc) {
            for (int i = 0; i < hits.length; i++) {
                if (hits[i].doc == doc) {
                    return i;
                }
            }
            return -1;
        }
    }
}
