package dev.skillgraph.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One page of hits, the total, facet counts for the whole query (before the kind and stage filters), and a spelling
 * suggestion when the query looks mistyped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(String query, List<Hit> hits, long total, Facets facets, String didYouMean) {

    /**
     * @param highlights per field ({@code name}, {@code summary}, {@code description}), the text with the matched
     *     words wrapped in {@code <mark>} and everything else HTML-escaped; only fields that matched
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(
            String id,
            String kind,
            String name,
            String summary,
            StageRef stage,
            float score,
            Map<String, String> highlights) {}

    /** Counts by kind and by stage. */
    public record Facets(List<FacetCount> kind, List<FacetCount> stage) {}

    /** One facet value; {@code name} is the stage's name for stage facets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FacetCount(String value, String name, long count) {}
}
