package dev.skillgraph.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.jspecify.annotations.Nullable;

/**
 * After the edge n-grams of each word, the whole word with {@link #MARKER} after it, at the same position: so a query
 * can ask for a word typed in full ({@code ml} in {@code ml engineer} is the word "ML", not the start of "MLOps"),
 * as Meilisearch takes every word but the last. The whole word is the longest gram of a word: the last one before
 * the next position.
 */
final class WholeWordFilter extends TokenFilter {

    /** A character no word has: the standard tokenizer drops control characters. */
    static final String MARKER = "\u0003";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private @Nullable State held;
    private @Nullable String lastGram;
    private int lastStart;
    private int lastEnd;
    private boolean exhausted;

    WholeWordFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (held != null) {
            restoreState(held);
            held = null;
            remember();
            return true;
        }
        if (exhausted) {
            return false;
        }
        if (!input.incrementToken()) {
            exhausted = true;
            return lastGram != null && whole(lastGram);
        }
        if (position.getPositionIncrement() > 0 && lastGram != null) {
            held = captureState();
            return whole(lastGram);
        }
        remember();
        return true;
    }

    private void remember() {
        lastGram = term.toString();
        lastStart = offset.startOffset();
        lastEnd = offset.endOffset();
    }

    /** The last word's whole form, marked, at its position. */
    private boolean whole(String gram) {
        clearAttributes();
        term.append(gram).append(MARKER);
        position.setPositionIncrement(0);
        offset.setOffset(lastStart, lastEnd);
        lastGram = null;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        held = null;
        lastGram = null;
        exhausted = false;
    }
}
