package dev.skillgraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.jspecify.annotations.Nullable;

/**
 * Marks the words of a hit's text that the query matched, with the same analysis that indexed them. The texts are
 * a name, a one-line summary, a short description, aliases and names of related nodes, so marking the whole text (or
 * its matching sentences) is all that is needed; Lucene's UnifiedHighlighter does the same at several megabytes of
 * garbage per search.
 */
final class Highlighter {

    static final String MARK = "<mark>";
    static final String UNMARK = "</mark>";

    private final Analyzer exact;
    private final Analyzer stemmed;

    /**
     * Each highlighted text's words and their offsets, analysed once: the corpus never changes for this index, and
     * only texts of nodes that were a hit are ever kept.
     */
    private final Map<String, Words> analysed = new ConcurrentHashMap<>();

    /**
     * What a query marks: words as the exact analyzer spells them (the query's own, its synonyms, typo variants and
     * completions), terms as the stemmed text fields index them (the query's words and synonyms, stemmed), and
     * phrases of such terms (synonyms of several words), marked only where they occur in a row.
     */
    record Marked(Set<String> words, Set<String> stems, List<List<String>> phrases) {}

    /**
     * The words of one text, their stems and, for word {@code i}, its offsets at {@code 2i} and {@code 2i + 1}; the
     * text HTML-escaped, the offsets of the characters that escaping lengthened and, for each, how much longer the
     * escaped text is up to and including it.
     */
    private record Words(
            String[] words, String[] stems, int[] offsets, String escaped, int[] lengthened, int[] longer) {

        /** The offset in the escaped text of offset {@code at} of the text. */
        int escapedOffset(int at) {
            int i = 0;
            while (i < lengthened.length && lengthened[i] < at) {
                i++;
            }
            return i == 0 ? at : at + longer[i - 1];
        }
    }

    /**
     * @param exact the analysis of the spell field: whole lowercase words
     * @param stemmed the analysis of the text fields: the same words, stemmed one for one
     */
    Highlighter(Analyzer exact, Analyzer stemmed) {
        this.exact = exact;
        this.stemmed = stemmed;
    }

    /**
     * The text with every matched word in {@code <mark>} and everything else HTML-escaped, or null if nothing
     * matched. With {@code maxSentences} > 0 only the first sentences that contain a match are kept.
     */
    @Nullable
    String highlight(@Nullable String text, Marked marked, int maxSentences) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Words words = analysed.computeIfAbsent(text, this::analyse);
        boolean[] hit = new boolean[words.words().length];
        for (int i = 0; i < hit.length; i++) {
            hit[i] = marked.words().contains(words.words()[i]) || marked.stems().contains(words.stems()[i]);
        }
        for (List<String> phrase : marked.phrases()) {
            for (int i = 0; i + phrase.size() <= hit.length; i++) {
                if (startsAt(words.stems(), i, phrase)) {
                    Arrays.fill(hit, i, i + phrase.size(), true);
                }
            }
        }
        List<int[]> marks = new ArrayList<>();
        for (int i = 0; i < hit.length; i++) {
            if (hit[i]) {
                marks.add(new int[] {words.offsets()[2 * i], words.offsets()[2 * i + 1]});
            }
        }
        if (marks.isEmpty()) {
            return null;
        }
        if (maxSentences <= 0) {
            return render(words, 0, text.length(), marks);
        }
        StringBuilder out = new StringBuilder();
        int sentences = 0;
        int start = 0;
        while (start < text.length() && sentences < maxSentences) {
            int end = sentenceEnd(text, start);
            int from = start;
            if (marks.stream().anyMatch(m -> m[0] >= from && m[1] <= end)) {
                out.append(render(words, start, end, marks));
                sentences++;
            }
            start = end;
        }
        return out.toString();
    }

    private static boolean startsAt(String[] stems, int at, List<String> phrase) {
        for (int j = 0; j < phrase.size(); j++) {
            if (!phrase.get(j).equals(stems[at + j])) {
                return false;
            }
        }
        return true;
    }

    private Words analyse(String text) {
        List<String> words = new ArrayList<>();
        int[] offsets = new int[16];
        try (TokenStream stream = exact.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (2 * words.size() + 2 > offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                }
                offsets[2 * words.size()] = offset.startOffset();
                offsets[2 * words.size() + 1] = offset.endOffset();
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        List<Integer> lengthened = new ArrayList<>();
        List<Integer> longer = new ArrayList<>();
        for (int i = 0, extra = 0; i < text.length(); i++) {
            int before = escaped.length();
            escape(text.charAt(i), escaped);
            int grew = escaped.length() - before - 1;
            if (grew > 0) {
                extra += grew;
                lengthened.add(i);
                longer.add(extra);
            }
        }
        List<String> stems = Analyzers.words(stemmed, text);
        return new Words(
                words.toArray(String[]::new),
                // One stem per word, as the chains differ only by the stemmer; should they ever not, no stem matches.
                stems.size() == words.size() ? stems.toArray(String[]::new) : new String[words.size()],
                Arrays.copyOf(offsets, 2 * words.size()),
                escaped.toString(),
                lengthened.stream().mapToInt(Integer::intValue).toArray(),
                longer.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int sentenceEnd(String text, int start) {
        for (int i = start; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                return end;
            }
        }
        return text.length();
    }

    private static String render(Words words, int from, int to, List<int[]> marks) {
        String escaped = words.escaped();
        StringBuilder out = new StringBuilder(to - from + 64);
        int done = words.escapedOffset(from);
        for (int[] mark : marks) {
            if (mark[0] < from || mark[1] > to) {
                continue;
            }
            int start = words.escapedOffset(mark[0]);
            int end = words.escapedOffset(mark[1]);
            out.append(escaped, done, start)
                    .append(MARK)
                    .append(escaped, start, end)
                    .append(UNMARK);
            done = end;
        }
        return out.append(escaped, done, words.escapedOffset(to)).toString();
    }

    /** HTML-escapes like Lucene's default encoder: the result is safe as element content and attribute value. */
    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#x27;");
            case '/' -> out.append("&#x2F;");
            default -> out.append(c);
        }
    }
}
