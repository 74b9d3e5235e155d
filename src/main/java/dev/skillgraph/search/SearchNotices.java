package dev.skillgraph.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.jspecify.annotations.Nullable;

/**
 * What a search answer tells the learner in its {@code notice}, so that no answer is silently empty or partial
 * (docs/search.md, "Never silently empty" and "Partial matches say so"): how a query of only common words was
 * searched, why nothing was found, that the hits lack words of the query, and which words were not searched.
 */
final class SearchNotices {

    private static final String AS_TYPED = "names and aliases with words that start as typed";

    private SearchNotices() {}

    /**
     * How a search went, as far as its notice tells it.
     *
     * @param commonWords the notice of a query of only common words ({@link #onlyCommonWords}); null for any other
     * @param asTyped whether such a query was searched by its words as typed, not by meaning
     * @param semanticOn whether semantic retrieval is configured
     * @param matched how many nodes the ranking ordered, on every page
     * @param filtered whether the query has filters
     * @param countedUnfiltered how many matches the facets counted, filters aside
     * @param didYouMean the spelling offered, or null
     * @param ignoredWords how many different words beyond {@link QueryWords#MAX_TERMS} were left out
     * @param unheard the query's words, as typed, that no node has in any spelling ({@link Spelling#unheard})
     */
    record Search(
            @Nullable String commonWords,
            boolean asTyped,
            boolean semanticOn,
            int matched,
            boolean filtered,
            long countedUnfiltered,
            @Nullable String didYouMean,
            int ignoredWords,
            List<String> unheard) {}

    /**
     * The notice of a query of only common words ({@code common}, as typed; each named once): searched by meaning, or by the names and
     * aliases with its words as typed, and why not by meaning.
     *
     * @param vectors how many nodes have a sentence embedding; -1 when semantic retrieval is off
     */
    static String onlyCommonWords(List<String> common, boolean byMeaning, int vectors) {
        String why = vectors < 0
                ? ""
                : vectors == 0
                        ? ", until searching by meaning is ready (the node texts are being encoded)"
                        : ", as nothing is close in meaning";
        return "only common words (" + String.join(", ", new LinkedHashSet<>(common)) + "): "
                + (byMeaning ? "searched by meaning" : AS_TYPED + why);
    }

    /** {@link #onlyCommonWords} searched by meaning, when names or aliases also have most of its words as typed. */
    static String onlyCommonWordsAsTypedToo(List<String> common) {
        return "only common words (" + String.join(", ", new LinkedHashSet<>(common)) + "): " + AS_TYPED
                + " first, then searched by meaning";
    }

    /**
     * The notice of one page of a search; null when there is nothing to tell (a hit has every word of the query).
     *
     * @param page the page's hits
     * @param near the semantic neighbours that joined; a hit among {@link SemanticMatches.Joined#unmatched} has no word
     * @param missing the words each hit of the page lacks, by doc id (none: it has them all)
     */
    static @Nullable String of(
            Search search, ScoreDoc[] page, SemanticMatches.Joined near, Map<Integer, List<String>> missing) {
        String notice = search.commonWords();
        if (search.matched() == 0 && search.filtered() && search.countedUnfiltered() > 0) {
            notice = "nothing that matches passes the filters: the facets count the matches without them";
        } else if (search.matched() == 0 && search.asTyped()) {
            notice = notice + ", and none has them; name a topic, tool, career or roadmap";
        } else if (search.matched() == 0 && search.semanticOn() && search.didYouMean() == null) {
            notice = notice == null
                    ? "no node has these words or means something close enough"
                    : notice + ", and nothing means something close enough";
        } else if (search.matched() == 0 && search.didYouMean() == null && notice == null) {
            notice = "no node has these words";
        } else if (page.length == 0 && search.matched() > 0) {
            notice = "this page lies beyond the last hit";
        } else if (notice == null && page.length > 0) {
            notice = partial(page, near, missing, search.unheard());
        }
        if (search.ignoredWords() > 0) {
            String ignored = "only the first " + QueryWords.MAX_TERMS + " different words were searched ("
                    + search.ignoredWords() + " more left out)";
            notice = notice == null ? ignored : notice + "; " + ignored;
        }
        return notice;
    }

    /**
     * What to tell of a page whose hits lack some words: that none has a word of the query (all found by meaning), or
     * that none of them has every word (each then lists those it lacks); which words no node has, before either; null
     * when a hit has every word.
     *
     * @param missing the words each hit lacks, but {@code unheard}
     */
    private static @Nullable String partial(
            ScoreDoc[] page, SemanticMatches.Joined near, Map<Integer, List<String>> missing, List<String> unheard) {
        String none = unheard.isEmpty() ? null : "no node has " + String.join(", ", unheard);
        boolean anyByWords = false;
        for (ScoreDoc doc : page) {
            if (!near.unmatched().contains(doc.doc)) {
                if (!missing.containsKey(doc.doc)) {
                    return none == null ? null : none + ": these hits are for the other words";
                }
                anyByWords = true;
            }
        }
        String every = none == null ? "every word of the query" : "every other word";
        String partial = anyByWords
                ? "none of these hits has " + every + ": each found by its words says which it is missing"
                : "none of these hits has the query's words: they are close to it in meaning";
        return none == null ? partial : none + "; " + partial;
    }
}
