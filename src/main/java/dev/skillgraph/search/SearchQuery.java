package dev.skillgraph.search;

import dev.skillgraph.domain.Kind;
import java.util.Optional;
import java.util.Set;

/**
 * A validated search request: plain text (never query syntax), optional filters (kind, stage id, roadmap id, ids) and
 * a page.
 *
 * @param onlyIds when present, hits are restricted to nodes with these ids (a filter like {@code kind}: it does not
 *     change scores or the facet counts)
 */
public record SearchQuery(
        String text,
        Optional<Kind> kind,
        Optional<String> stage,
        Optional<String> roadmap,
        Optional<Set<String>> onlyIds,
        int limit,
        int offset) {

    /** A query without an id filter. */
    public SearchQuery(String text, Optional<Kind> kind, Optional<String> stage, int limit, int offset) {
        this(text, kind, stage, Optional.empty(), Optional.empty(), limit, offset);
    }

    /** The same request for {@code text}. */
    SearchQuery withText(String text) {
        return new SearchQuery(text, kind, stage, roadmap, onlyIds, limit, offset);
    }

    /** The same request for the page of {@code limit} hits from {@code offset}. */
    SearchQuery withPage(int limit, int offset) {
        return new SearchQuery(text, kind, stage, roadmap, onlyIds, limit, offset);
    }

    /** The same request without its filters. */
    SearchQuery unfiltered() {
        return new SearchQuery(
                text, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit, offset);
    }

    boolean filtered() {
        return kind.isPresent() || stage.isPresent() || roadmap.isPresent() || onlyIds.isPresent();
    }
}
