package dev.skillgraph.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Semantic retrieval beside the lexical ranking: the nodes whose text means most nearly what the query says, by the
 * cosine similarity of sentence embeddings ({@link SentenceEncoder}), found with Lucene's HNSW vector search. Of the
 * {@value #NEIGHBOURS} nearest nodes, those at least {@value #MIN_COSINE} similar join the hits, fused with the lexical
 * ranking by {@link RankFusion}. Below the threshold nothing joins: a query unlike every node (measured on the seed
 * graph: nonsense words and other domains reach cosines of 0.17-0.22) gets no semantic hits.
 */
final class SemanticMatches {

    /** How many nearest nodes are considered. */
    static final int NEIGHBOURS = 10;

    /**
     * The least cosine similarity of a semantic hit. Measured on the seed graph: queries from other domains and
     * nonsense words reach 0.17-0.22 with their nearest node; the answers to the train part of the learners' set
     * 0.18 (tenth percentile) and 0.34 (median). 0.25 kept the most right answers of the grid 0.20/0.25/0.30 there.
     */
    static final float MIN_COSINE = 0.25f;

    private final IndexSearcher searcher;
    private final SentenceEncoder encoder;

    SemanticMatches(IndexSearcher searcher, SentenceEncoder encoder) {
        this.searcher = searcher;
        this.encoder = encoder;
    }

    /**
     * The semantic neighbours of {@code text}, most similar first, each scored by its cosine similarity; empty when
     * none is similar enough.
     */
    List<ScoreDoc> nearest(String text) throws IOException {
        float[] vector = encoder.encodeQuery(text);
        TopDocs top = searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, NEIGHBOURS), NEIGHBOURS);
        List<ScoreDoc> near = new ArrayList<>();
        for (ScoreDoc doc : top.scoreDocs) {
            float cosine = 2 * doc.score - 1; // Lucene scores a dot product of unit vectors as (1 + cosine) / 2
            if (cosine >= MIN_COSINE) {
                near.add(new ScoreDoc(doc.doc, cosine));
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
