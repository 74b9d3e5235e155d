package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.jspecify.annotations.Nullable;

/**
 * The highlights of a search's hits: which words a query marks (its words, synonyms, typo variants and completions),
 * and for each hit the fields where they occur, so that no hit is a mystery.
 */
final class HitHighlights {

    private static final int MAX_HIGHLIGHT_TERMS = 16;
    private static final int MAX_MARKED_NAMES = 3;
    /** The highlight of a topic's line on the roadmap page, which is searched with its aliases. */
    private static final String ROADMAP_LINE = "roadmapLine";

    private final Analyzer highlightTerms;
    private final Spelling spelling;
    private final Highlighter highlighter;

    /** @param highlightTerms the exact analyzer with the query-time synonyms */
    HitHighlights(Analyzer highlightTerms, Highlighter highlighter, Spelling spelling) {
        this.highlighter = highlighter;
        this.highlightTerms = highlightTerms;
        this.spelling = spelling;
    }

    /**
     * What to mark in a hit's text: the query's distinct words and their one-word synonyms, and the indexed words their
     * typo and prefix variants stand for, all as the exact analyzer spells them; their stems, as the text fields were
     * searched, which mark any word that stems to one of them; and each synonym of several words as a phrase of stems,
     * marked only where the text has them all in a row ({@code svm} marks "support vector machines", never "Machine"
     * alone).
     *
     * @param searchedPaths a word's terms as the text fields are searched ({@link AnalyzedText#paths})
     * @param parts the words split from one word as typed, as bit masks over {@code distinct} ({@link
     *     QueryWords#parts}): marked only together, as a phrase ({@code computervision} marks "computer vision", never
     *     "vision" alone)
     * @param spanSynonyms the synonyms of several words of the query, by each word ({@link SpanSynonyms#of}):
     *     {@code retrieval augmented generation} marks "RAG"
     */
    Highlighter.Marked marked(
            List<String> distinct,
            Map<String, Map<String, Float>> variants,
            Function<String, List<List<String>>> searchedPaths,
            List<Integer> parts,
            Map<String, Set<List<String>>> spanSynonyms) {
        Set<String> words = new LinkedHashSet<>();
        Set<String> stems = new LinkedHashSet<>();
        List<List<String>> phrases = new ArrayList<>();
        int split = 0;
        for (int part : parts) {
            split |= part;
            StringJoiner together = new StringJoiner(" ");
            for (int i = 0; i < distinct.size(); i++) {
                if ((part & (1 << i)) != 0) {
                    together.add(distinct.get(i));
                }
            }
            searchedPaths.apply(together.toString()).stream()
                    .filter(path -> path.size() > 1 && !phrases.contains(path))
                    .forEach(phrases::add);
        }
        for (int i = 0; i < distinct.size(); i++) {
            String word = distinct.get(i);
            if ((split & (1 << i)) != 0) {
                continue;
            }
            for (List<String> path : AnalyzedText.of(highlightTerms, word).paths()) {
                if (path.size() == 1) {
                    words.add(path.get(0));
                }
            }
            List<List<String>> searched = new ArrayList<>(searchedPaths.apply(word));
            searched.addAll(spanSynonyms.getOrDefault(word, Set.of()));
            for (List<String> path : searched) {
                if (path.size() == 1) {
                    stems.add(path.get(0));
                } else if (!phrases.contains(path)) {
                    phrases.add(path);
                }
            }
            for (String variant : variants.getOrDefault(word, Map.of()).keySet()) {
                if (variant.indexOf(' ') < 0) {
                    words.add(variant);
                } else {
                    // The word written apart: a phrase, as a synonym of several words is.
                    searchedPaths.apply(variant).stream()
                            .filter(path -> path.size() > 1 && !phrases.contains(path))
                            .forEach(phrases::add);
                }
            }
            if (i == distinct.size() - 1 && QueryWords.beginsWords(word)) {
                words.addAll(spelling.completions(word, MAX_HIGHLIGHT_TERMS));
            }
        }
        return new Highlighter.Marked(words, stems, phrases);
    }

    /**
     * The marked fields of one hit, by field name: its name, summary and description; when none of them holds a
     * marked word, the aliases, the roadmap's line or the related names that do.
     */
    Map<String, String> of(IndexedNode hit, Highlighter.Marked marked) {
        GraphNode n = hit.node();
        Map<String, String> marks = new LinkedHashMap<>();
        putIfMarked(marks, Fields.NAME, highlighter.highlight(n.name(), marked, 0));
        putIfMarked(marks, Fields.SUMMARY, highlighter.highlight(n.summary(), marked, 0));
        putIfMarked(marks, Fields.DESCRIPTION, highlighter.highlight(n.description(), marked, 2));
        if (marks.isEmpty()) {
            List<String> aliases = NodeDocuments.aliasesAndPlace(n);
            putIfMarked(marks, Fields.ALIASES, markedAmong(aliases, marked));
            putIfMarked(marks, ROADMAP_LINE, highlighter.highlight(n.roadmapLine(), marked, 0));
            putIfMarked(marks, Fields.RELATED, markedAmong(hit.related(), marked));
        }
        return marks;
    }

    /** The first few of {@code texts} that contain a matched word, highlighted and joined by ", ", or null. */
    private @Nullable String markedAmong(List<String> texts, Highlighter.Marked terms) {
        StringJoiner joined = new StringJoiner(", ");
        int count = 0;
        for (int i = 0; i < texts.size() && count < MAX_MARKED_NAMES; i++) {
            String text = highlighter.highlight(texts.get(i), terms, 0);
            if (text != null) {
                joined.add(text);
                count++;
            }
        }
        return count == 0 ? null : joined.toString();
    }

    private static void putIfMarked(Map<String, String> marks, String field, @Nullable String text) {
        if (text != null && text.contains(Highlighter.MARK)) {
            marks.put(field, text);
        }
    }
}
