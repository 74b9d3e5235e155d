package dev.skillgraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Marks the words of a hit's text that the query matched, with the same analysis that indexed them. The texts are
 * a name, a one-line summary and a short description, so marking the whole text (or its matching sentences) is
 * all that is needed; Lucene's UnifiedHighlighter did the same at several megabytes of garbage per search.
 */
final class Highlighter {

    static final String MARK = "<mark>";
    static final String UNMARK = "</mark>";

    private final Analyzer analyzer;

    Highlighter(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The text with every matched word in {@code <mark>} and everything else HTML-escaped, or null if nothing
     * matched. With {@code maxSentences} > 0 only the first sentences that contain a match are kept.
     */
    String highlight(String text, Set<String> terms, int maxSentences) {
        if (text == null || text.isEmpty() || terms.isEmpty()) {
            return null;
        }
        List<int[]> marks = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (terms.contains(term.toString())) {
                    marks.add(new int[] {offset.startOffset(), offset.endOffset()});
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (marks.isEmpty()) {
            return null;
        }
        if (maxSentences <= 0) {
            return render(text, 0, text.length(), marks);
        }
        StringBuilder out = new StringBuilder();
        int sentences = 0;
        int start = 0;
        while (start < text.length() && sentences < maxSentences) {
            int end = sentenceEnd(text, start);
            int from = start;
            if (marks.stream().anyMatch(m -> m[0] >= from && m[1] <= end)) {
                out.append(render(text, start, end, marks));
                sentences++;
            }
            start = end;
        }
        return out.toString();
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

    private static String render(String text, int from, int to, List<int[]> marks) {
        StringBuilder out = new StringBuilder(to - from + 32);
        int at = from;
        for (int[] mark : marks) {
            if (mark[0] < from || mark[1] > to) {
                continue;
            }
            escape(text, at, mark[0], out);
            out.append(MARK);
            escape(text, mark[0], mark[1], out);
            out.append(UNMARK);
            at = mark[1];
        }
        escape(text, at, to, out);
        return out.toString();
    }

    /** HTML-escapes like Lucene's default encoder: the result is safe as element content and attribute value. */
    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
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
}
