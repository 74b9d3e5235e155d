package dev.skillgraph.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009) of the lexical ranking and the semantic one: a
 * document scores {@code 1 / (K + lexical rank) + w / (K + semantic rank)}, summed over the rankings it is in.
 * SkillGraph's own (Lucene 9 has no rank fusion), chosen by measurement on the train part of the learners' set
 * (docs/search.md):
 * <ul>
 *   <li>over a weighted blend of scores: BM25 scores of a word matched by chance (30-60) dwarf what a cosine of 0.4 is
 *       worth, so no blend weight let a semantic neighbour past them without also letting it past exact names;
 *   <li>the weight {@code w} depends on the lexical evidence. When the best lexical hit has every word of the query
 *       ({@link WordCoverage}), the learner named what they want: semantic neighbours only follow the lexical hits
 *       ({@code w = 0}), so an exact name is never displaced; with equal weights, a node second in both rankings
 *       overtook exact names (the relevance suite fell from 0.99 to 0.93 success@1). When no hit has every word,
 *       the words are the learner's own, not the graph's, and meaning counts up to double: {@code w = max(1, }
 *       {@value #UNSURE_WEIGHT}{@code  * (1 - c))}, {@code c} the share of the words the best lexical hit has, so plain
 *       fusion from half of the words on. With double weight whatever {@code c}, every neighbour in meaning passed a
 *       hit with three of four words ({@code let the llm call my functions} lost tool calling from the first ten).
 *       Even then, the lexical hits with three quarters of the words or more in some field (an alias, a description)
 *       come first, in lexical order: more of the query wins before anything else, as the match's own coverage clause
 *       counts "most of a long query", so a neighbour in meaning never passes them ({@code llm nondeterminism
 *       temperature} put the one node with every word 11th). Measured on the train part of the learners' set: 0.70
 *       to 0.72 success@3 with every word first; with three quarters and the sliding weight, the same 0.73 success@3,
 *       the joined words 0.82 to 1.00 success@1 ({@code f1score}), the tuned suite 0.97 to 0.99 success@1.
 * </ul>
 */
final class RankFusion {

    /** The usual constant of reciprocal rank fusion: damps the difference between the first few ranks. */
    static final int K = 60;

    /** The semantic ranking's most weight, when no lexical hit has a word of the query. */
    static final float UNSURE_WEIGHT = 2f;

    private RankFusion() {}

    /**
     * Fuses the first {@code head} lexical hits with the semantic neighbours; the lexical hits beyond follow in their
     * order. A fixed head keeps every page a slice of one order, however many hits a page needed fetched.
     *
     * @param lexical hits in lexical order (documents that matched only by meaning are not in it)
     * @param semantic the semantic neighbours, most similar first
     * @param bestCoverage the share of the query's words the best lexical hit has
     * @param head how many lexical hits take part in the fusion
     * @param complete the lexical hits that have three quarters of the query's words or more in some field, when none
     *     has them all in name, aliases and summary ({@code bestCoverage < 1}): they come first, in lexical order, then
     *     the rest in fused order ({@code checklist}: the node whose description has the word first)
     * @return every document of either, best first, each with its fused score
     */
    static ScoreDoc[] fuse(
            ScoreDoc[] lexical, List<ScoreDoc> semantic, double bestCoverage, int head, Set<Integer> complete) {
        if (lexical.length <= head) {
            return fuse(lexical, semantic, bestCoverage, complete);
        }
        ScoreDoc[] fused = fuse(Arrays.copyOf(lexical, head), semantic, bestCoverage, complete);
        Set<Integer> seen = new HashSet<>();
        List<ScoreDoc> all = new ArrayList<>(Arrays.asList(fused));
        all.forEach(doc -> seen.add(doc.doc));
        for (int i = head; i < lexical.length; i++) {
            if (seen.add(lexical[i].doc)) {
                all.add(new ScoreDoc(lexical[i].doc, 1f / (K + all.size() + 1)));
            }
        }
        return all.toArray(ScoreDoc[]::new);
    }

    private static ScoreDoc[] fuse(
            ScoreDoc[] lexical, List<ScoreDoc> semantic, double bestCoverage, Set<Integer> complete) {
        if (bestCoverage >= 1) {
            return appended(lexical, semantic);
        }
        // Less the more of the query the best lexical hit has: plain reciprocal rank fusion from half of the words.
        float weight = (float) Math.max(1, UNSURE_WEIGHT * (1 - bestCoverage));
        Map<Integer, Float> fused = new HashMap<>();
        int rank = 0;
        for (ScoreDoc doc : lexical) {
            fused.merge(doc.doc, 1f / (K + ++rank), Float::sum);
        }
        for (int i = 0; i < semantic.size(); i++) {
            fused.merge(semantic.get(i).doc, weight / (K + i + 1), Float::sum);
        }
        List<ScoreDoc> all = new ArrayList<>(fused.size());
        fused.forEach((doc, score) -> all.add(new ScoreDoc(doc, score)));
        ScoreDoc[] ordered = all.toArray(ScoreDoc[]::new);
        // Ties (possible only between a lexical and a semantic rank) go to the lexical order, then to the doc id.
        Map<Integer, Integer> lexicalRank = new HashMap<>();
        for (int i = 0; i < lexical.length; i++) {
            lexicalRank.put(lexical[i].doc, i);
        }
        Arrays.sort(ordered, (a, b) -> {
            int byScore = Float.compare(b.score, a.score);
            if (byScore != 0) {
                return byScore;
            }
            int byLexical = Integer.compare(
                    lexicalRank.getOrDefault(a.doc, Integer.MAX_VALUE),
                    lexicalRank.getOrDefault(b.doc, Integer.MAX_VALUE));
            return byLexical != 0 ? byLexical : Integer.compare(a.doc, b.doc);
        });
        if (complete.isEmpty()) {
            return ordered;
        }
        // The hits with every word go first, in lexical order, then the rest, in their fused order. Scores are then
        // reciprocal ranks in the new order, as when the neighbours only follow.
        List<ScoreDoc> first = new ArrayList<>();
        for (ScoreDoc doc : lexical) {
            if (complete.contains(doc.doc)) {
                first.add(doc);
            }
        }
        List<ScoreDoc> rest = new ArrayList<>();
        for (ScoreDoc doc : ordered) {
            if (!complete.contains(doc.doc)) {
                rest.add(doc);
            }
        }
        first.addAll(rest);
        ScoreDoc[] reordered = new ScoreDoc[first.size()];
        for (int i = 0; i < reordered.length; i++) {
            reordered[i] = new ScoreDoc(first.get(i).doc, 1f / (K + i + 1));
        }
        return reordered;
    }

    /** The lexical hits, then the semantic neighbours not among them; scores are reciprocal ranks in that order. */
    private static ScoreDoc[] appended(ScoreDoc[] lexical, List<ScoreDoc> semantic) {
        Set<Integer> seen = new HashSet<>();
        List<ScoreDoc> all = new ArrayList<>(lexical.length + semantic.size());
        for (ScoreDoc doc : lexical) {
            seen.add(doc.doc);
            all.add(new ScoreDoc(doc.doc, 1f / (K + all.size() + 1)));
        }
        for (ScoreDoc doc : semantic) {
            if (seen.add(doc.doc)) {
                all.add(new ScoreDoc(doc.doc, 1f / (K + all.size() + 1)));
            }
        }
        return all.toArray(ScoreDoc[]::new);
    }
}
