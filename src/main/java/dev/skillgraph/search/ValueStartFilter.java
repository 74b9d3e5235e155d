package dev.skillgraph.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Puts {@link #MARKER} before the words of each value, one position ahead of the first, so that a phrase query
 * beginning with it matches only at the start of a name or an alias ({@link Completions}: a name or alias starting
 * with the words typed). Lucene's {@code SpanFirstQuery} can say so only of a field's first value.
 */
final class ValueStartFilter extends TokenFilter {

    /** A term no word becomes: the standard tokenizer drops control characters. */
    static final String MARKER = "\u0002";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private boolean marked;

    ValueStartFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!marked) {
            marked = true;
            clearAttributes();
            term.append(MARKER);
            position.setPositionIncrement(1);
            offset.setOffset(0, 0);
            return true;
        }
        return input.incrementToken();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        marked = false;
    }
}
