package dev.skillgraph.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.jspecify.annotations.Nullable;

/**
 * Semantic retrieval beside the lexical ranking: the nodes whose text means most nearly what the query says, by the
 * cosine similarity of sentence embeddings ({@link SentenceEncoder}), found in the {@link VectorIndex}. Of the
 * {@value #NEIGHBOURS} nearest nodes, those at least {@value #MIN_COSINE} similar join the hits, fused with the lexical
 * ranking by {@link RankFusion}. Below the threshold nothing joins: most questions unlike every node get no semantic
 * hits (measured on the seed graph: 30 questions from other domains reach 0.09-0.24 with their nearest node; lone
 * words from other domains, up to 0.44, do get some: docs/search.md, "Search relevance").
 *
 * <p>Neighbours are looked for only when the words are not enough ({@link #wanted}).
 */
final class SemanticMatches {

    /** How many nearest nodes are considered. */
    static final int NEIGHBOURS = 10;

    /**
     * The least cosine similarity of a semantic hit. Measured on the seed graph, the learners' set's train part:
     * 0.25 kept the most right answers of the grid 0.20/0.25/0.30; below it, at 0.20/0.15/0.10, more wrong neighbours
     * joined than right ones (paraphrase success@3 fell, other domains' questions got neighbours for 19/26/30 of 45
     * against 11). No floor separates them: the right answers to the train paraphrases reach 0.15 (tenth percentile)
     * and 0.21 (median), questions from other domains 0.09-0.24 (docs/search.md, "Search relevance").
     */
    static final float MIN_COSINE = 0.25f;

    /**
     * A query whose words find at least this many nodes, the best of them with every word of the query, is answered by
     * its words alone: the neighbours would only follow them ({@link RankFusion}), past the first page of 10 hits.
     */
    static final int ENOUGH_BY_WORDS = 10;

    /**
     * The semantic neighbours of one search.
     *
     * @param shown the neighbours the filters allow, most similar first, each scored by its cosine similarity
     * @param similar every neighbour, to look up a hit's similarity
     * @param unmatched the neighbours, filters or not, that have none of the query's words: facets count them
     * @param unmatchedShown how many of {@code shown} have none of the query's words: the total counts them
     */
    record Joined(List<ScoreDoc> shown, ScoredDocsQuery similar, Set<Integer> unmatched, int unmatchedShown) {

        static final Joined NONE = new Joined(List.of(), asQuery(List.of()), Set.of(), 0);
    }

    private final IndexSearcher searcher;
    private final SentenceEncoder encoder;
    private final VectorIndex vectors;
    private final Map<String, Integer> docs;

    /** @param docs the doc id in {@code searcher}'s index of every node id */
    SemanticMatches(IndexSearcher searcher, SentenceEncoder encoder, VectorIndex vectors, Map<String, Integer> docs) {
        this.searcher = searcher;
        this.encoder = encoder;
        this.vectors = vectors;
        this.docs = docs;
    }

    /** How many nodes have a vector. */
    int size() {
        return vectors.size();
    }

    /**
     * Whether a search looks for semantic neighbours: when the query has no word to search (only common words), when
     * no hit has every word of it, or when its words find fewer than {@value #ENOUGH_BY_WORDS} nodes. Otherwise the
     * learner named what they want and the page is full of it: the neighbours could only follow, so the query is not
     * encoded and the vector search (the largest cost of a search with semantic retrieval on, BENCHMARKS.md set S) is
     * skipped, and totals and facets count the words' matches only. The rule depends on the query alone, not on its
     * filters nor the page asked for: every page of a query counts the same total, and a filter narrows the same
     * answer (its facets, counted before the filters, stay the same).
     *
     * @param bestCoverage the share of the query's words the best lexical hit has, before filters
     * @param byWords how many nodes the words match, before filters
     */
    static boolean wanted(boolean anyWord, double bestCoverage, long byWords) {
        return !anyWord || bestCoverage < 1 || byWords < ENOUGH_BY_WORDS;
    }

    /**
     * The semantic neighbours of {@code text} in the whole graph (facets count them before the filters), and those
     * {@code filter} allows, as it does with the words' matches.
     *
     * @param words what the query's words match
     * @param everyMatch every document {@code words} matches, when the caller has them all; null: search for them
     * @param filter the kind, stage, roadmap and id filters, or null
     */
    Joined join(String text, Query words, ScoreDoc @Nullable [] everyMatch, @Nullable Query filter) throws IOException {
        List<ScoreDoc> nearest = nearest(text);
        if (nearest.isEmpty()) {
            return Joined.NONE;
        }
        ScoredDocsQuery similar = asQuery(nearest);
        Set<Integer> unmatched;
        if (everyMatch != null) {
            // Searching the words again would rewrite and run the whole query a second time (7.6 % of a search's time
            // under load with the relevance sets' queries, BENCHMARKS.md set U).
            Set<Integer> matched = new HashSet<>();
            for (ScoreDoc doc : everyMatch) {
                matched.add(doc.doc);
            }
            unmatched = new HashSet<>();
            for (ScoreDoc doc : nearest) {
                if (!matched.contains(doc.doc)) {
                    unmatched.add(doc.doc);
                }
            }
        } else {
            unmatched = docs(new BooleanQuery.Builder()
                    .add(similar, Occur.FILTER)
                    .add(words, Occur.MUST_NOT)
                    .build());
        }
        List<ScoreDoc> shown = nearest;
        if (filter != null) {
            Set<Integer> allowed = docs(new BooleanQuery.Builder()
                    .add(similar, Occur.FILTER)
                    .add(filter, Occur.FILTER)
                    .build());
            shown = nearest.stream().filter(doc -> allowed.contains(doc.doc)).toList();
        }
        int unmatchedShown =
                (int) shown.stream().filter(doc -> unmatched.contains(doc.doc)).count();
        return new Joined(shown, similar, unmatched, unmatchedShown);
    }

    /** The documents of the neighbours that {@code query} matches. */
    private Set<Integer> docs(Query query) throws IOException {
        Set<Integer> docs = new HashSet<>();
        for (ScoreDoc doc : searcher.search(query, NEIGHBOURS).scoreDocs) {
            docs.add(doc.doc);
        }
        return docs;
    }

    /**
     * The semantic neighbours of {@code text}, most similar first, each scored by its cosine similarity; empty when
     * none is similar enough.
     */
    List<ScoreDoc> nearest(String text) {
        List<ScoreDoc> near = new ArrayList<>();
        float[] query = encoder.encodeQuery(text);
        if (query == null) {
            return near;
        }
        for (VectorIndex.Neighbour neighbour : vectors.nearest(query, NEIGHBOURS)) {
            Integer doc = docs.get(neighbour.id()); // null only for a node of another graph version
            if (doc != null && neighbour.cosine() >= MIN_COSINE) {
                near.add(new ScoreDoc(doc, neighbour.cosine()));
            }
        }
        return near;
    }

    /** {@code nearest} as a query matching them with their cosines as scores. */
    static ScoredDocsQuery asQuery(List<ScoreDoc> nearest) {
        ScoreDoc[] byDoc = nearest.toArray(ScoreDoc[]::new);
        Arrays.sort(byDoc, (a, b) -> Integer.compare(a.doc, b.doc));
        int[] docs = new int[byDoc.length];
        float[] scores = new float[byDoc.length];
        for (int i = 0; i < byDoc.length; i++) {
            docs[i] = byDoc[i].doc;
            scores[i] = byDoc[i].score;
        }
        return new ScoredDocsQuery(docs, scores);
    }
}
