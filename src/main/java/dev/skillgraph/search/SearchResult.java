package dev.skillgraph.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.skillgraph.domain.NodeRef;
import dev.skillgraph.domain.StageRef;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of hits, the total, facet counts for the whole query (before the kind, stage, roadmap and reachable filters), and a
 * spelling suggestion when the query looks mistyped.
 *
 * @param total how many nodes match: exact, but in graphs over {@value LexicalRanking#SCORED_WHOLE} nodes only up to
 *     {@value LexicalRanking#EXACT_COUNT_UP_TO}; beyond, that many at least
 * @param totalRelation {@code "gte"} when {@code total} is a lower bound (more matched than were counted); absent when
 *     it is exact (the way Lucene and Elasticsearch report a total counted up to a threshold)
 * @param notice what the search did differently from a plain search, in words for the learner (a query of only common
 *     words searched by meaning, no hit of the page with every word of the query or with any, filters that leave
 *     out every match, a page beyond the last hit, words beyond the first 16 left out, nothing found either way, or
 *     a learning-path question searched by its subject's words); absent otherwise
 * @param question when the text asks a learning-path question about one node ("what must I learn before
 *     transformers", "what does pandas unlock"; {@link LearningQuestion}): which question and which node, and the
 *     hits are those of the words that name the node; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(
        String query,
        List<Hit> hits,
        long total,
        @Nullable String totalRelation,
        Facets facets,
        @Nullable String didYouMean,
        @Nullable String notice,
        @Nullable Question question) {

    /** An answer that asks no learning-path question. */
    public SearchResult(
            String query,
            List<Hit> hits,
            long total,
            @Nullable String totalRelation,
            Facets facets,
            @Nullable String didYouMean,
            @Nullable String notice) {
        this(query, hits, total, totalRelation, facets, didYouMean, notice, null);
    }

    /** An answer whose total is exact. */
    public SearchResult(
            String query,
            List<Hit> hits,
            long total,
            Facets facets,
            @Nullable String didYouMean,
            @Nullable String notice) {
        this(query, hits, total, null, facets, didYouMean, notice);
    }

    /**
     * @param highlights per field ({@code name}, {@code summary}, {@code description}), the text with the matched
     *     words wrapped in {@code <mark>} and everything else HTML-escaped; only fields that matched
     * @param similarity when semantic retrieval found the hit: the cosine similarity of its text's sentence embedding
     *     to the query's, 0.25 at least; absent otherwise. A hit without highlights was found by meaning
     *     alone.
     * @param missing the words of the query (as searched: common words left out, joined and split spellings
     *     normalised) that the hit does not have, in the query's order, the way web search engines say "Missing: ...";
     *     a word counts as had when the hit has it in any field, stemmed, as a synonym, with a typo corrected or, the
     *     last word, as a prefix. Absent when the hit has every word, and for a hit found by meaning alone
     * @param stepsAway with {@code known=}: how many steps the hit's learning plan has (0 when it is known or can be
     *     learned now); absent for resources and FAQ answers and without {@code known=}
     * @param hoursAway with {@code known=}: the hours of those steps
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(
            String id,
            String kind,
            String name,
            @Nullable String summary,
            @Nullable StageRef stage,
            float score,
            Map<String, String> highlights,
            @Nullable Float similarity,
            @Nullable List<String> missing,
            @Nullable Integer stepsAway,
            @Nullable Double hoursAway) {

        /** This hit with its distance from what the learner knows. */
        public Hit withDistance(int steps, double hours) {
            return new Hit(id, kind, name, summary, stage, score, highlights, similarity, missing, steps, hours);
        }
    }

    /**
     * Counts by kind, by stage and by roadmap (a node on several roadmaps counts for each).
     *
     * @param estimated true when the query matched more than {@value LexicalRanking#EXACT_COUNT_UP_TO} nodes: the counts
     *     are then those of a sample of the matches (the first that many in index order), scaled to the estimated
     *     total; absent when they are exact
     * @param moreValues by facet ({@code stage}, {@code roadmap}), how many values with a count were left out because
     *     the facet lists at most {@value FacetCounter#MAX_VALUES} (those with the largest counts); absent when none was
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Facets(
            List<FacetCount> kind,
            List<FacetCount> stage,
            List<FacetCount> roadmap,
            @Nullable Boolean estimated,
            @Nullable Map<String, Integer> moreValues) {

        /** Exact counts, every value listed. */
        public Facets(List<FacetCount> kind, List<FacetCount> stage, List<FacetCount> roadmap) {
            this(kind, stage, roadmap, null, null);
        }
    }

    /** One facet value; {@code name} is the stage's or roadmap's name for those facets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FacetCount(String value, @Nullable String name, long count) {}

    /** The same answer with {@code hits} in place of its hits. */
    public SearchResult withHits(List<Hit> hits) {
        return new SearchResult(query, hits, total, totalRelation, facets, didYouMean, notice, question);
    }

    /** The same answer with {@code question} in place of its question. */
    public SearchResult withQuestion(Question question) {
        return new SearchResult(query, hits, total, totalRelation, facets, didYouMean, notice, question);
    }

    /** The same answer with {@code notice} in place of its notice. */
    public SearchResult withNotice(@Nullable String notice) {
        return new SearchResult(query, hits, total, totalRelation, facets, didYouMean, notice, question);
    }

    /**
     * A learning-path question the query asks about nodes it names.
     *
     * @param asks {@code learning-path} (what must I learn before it), {@code unlocks} (what does it open up) or {@code
     *     next} (what can I learn next, knowing it)
     * @param id the first of {@code about}'s ids; absent when {@code about} is empty
     * @param name its name; absent when {@code about} is empty
     * @param kind its kind; absent when {@code about} is empty
     * @param about the nodes the question is about: the goal of a learning path, or its goals when it has several
     *     ("what must I learn before transformers and rag"), the node whose unlocks it asks, or for {@code next} the
     *     nodes the text says are known; empty only for {@code next} when the text says none ("what next?": the
     *     request's {@code known=} says it, if anything does)
     * @param known the ids of the nodes the text says the learner knows ("... if I know python and numpy", "how do I
     *     get from python to transformers", "I know sql, what next"); absent when it says none
     * @param href the API request that answers it, relative to the service's root ({@code
     *     /api/learning-path/transformer-architecture}, {@code /api/learning-path?goals=a,b}, {@code
     *     /api/next?known=sql}); set by the API, absent in the index's own answer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(
            String asks,
            @Nullable String id,
            @Nullable String name,
            @Nullable String kind,
            List<NodeRef> about,
            @Nullable List<String> known,
            @Nullable String href) {

        /** This question with the request that answers it. */
        public Question withHref(String href) {
            return new Question(asks, id, name, kind, about, known, href);
        }
    }
}
