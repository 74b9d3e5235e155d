package dev.skillgraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;

/**
 * A text analysed once and replayed on every {@link #reset()}: a query is built on five fields from the same words,
 * and running the synonym and stemming chain once per field costs a fifth of a search's time.
 */
final class AnalyzedText extends TokenStream {

    private final String text;
    private final List<State> tokens;
    private final State end;
    private int next;

    private AnalyzedText(AttributeSource attributes, String text, List<State> tokens, State end) {
        super(attributes);
        this.text = text;
        this.tokens = tokens;
        this.end = end;
    }

    static AnalyzedText of(Analyzer analyzer, String text) {
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            List<State> tokens = new ArrayList<>();
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(stream.captureState());
            }
            stream.end();
            return new AnalyzedText(stream.cloneAttributes(), text, tokens, stream.captureState());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean incrementToken() {
        if (next == tokens.size()) {
            return false;
        }
        clearAttributes();
        restoreState(tokens.get(next++));
        return true;
    }

    @Override
    public void end() {
        restoreState(end);
    }

    @Override
    public void reset() {
        next = 0;
    }

    /** The text that was analysed. */
    String text() {
        return text;
    }

    /** The terms, replayed once. */
    Set<String> terms() {
        Set<String> terms = new HashSet<>();
        CharTermAttribute term = getAttribute(CharTermAttribute.class);
        reset();
        while (incrementToken()) {
            terms.add(term.toString());
        }
        return terms;
    }

    /**
     * Every way through the token graph, each a list of terms: one term for a word and its one-word synonyms, several
     * for a synonym of several words ({@code svm}: {@code [svm]}, {@code [support, vector, machin]}), which match only
     * as a phrase. Replayed once.
     */
    List<List<String>> paths() {
        List<List<String>> paths = new ArrayList<>();
        try {
            if (!isGraph()) {
                // One position: every token is a path of its own, as the graph would say at far greater cost.
                terms().forEach(term -> paths.add(List.of(term)));
                return paths;
            }
            reset();
            Iterator<TokenStream> strings = new GraphTokenStreamFiniteStrings(this).getFiniteStrings();
            while (strings.hasNext()) {
                TokenStream path = strings.next();
                CharTermAttribute term = path.getAttribute(CharTermAttribute.class);
                List<String> terms = new ArrayList<>();
                path.reset();
                while (path.incrementToken()) {
                    terms.add(term.toString());
                }
                if (!terms.isEmpty() && !paths.contains(terms)) {
                    paths.add(List.copyOf(terms));
                }
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many ways there are through the token graph ({@link #paths()} has one list for each), counted without
     * listing them, up to {@code cap}: with synonyms on many words they multiply ("rag lora peft llm nlp cnn": 1,024).
     */
    int readings(int cap) {
        PositionIncrementAttribute increment = getAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute length = getAttribute(PositionLengthAttribute.class);
        // The ways to reach each position; tokens come in order of their start. A position no token ends at (after a
        // stop word left out) is reached as the one before it.
        TreeMap<Integer, Long> ways = new TreeMap<>();
        int position = -1;
        reset();
        while (incrementToken()) {
            position = Math.max(0, position + increment.getPositionIncrement());
            Map.Entry<Integer, Long> before = ways.floorEntry(position);
            long from = before == null ? 1 : before.getValue();
            int end = position + Math.max(1, length.getPositionLength());
            ways.merge(end, from, (a, b) -> Math.min(cap, a + b));
        }
        return ways.isEmpty() ? 0 : (int) Math.min(cap, ways.lastEntry().getValue());
    }

    /**
     * Whether a synonym spans several positions: a synonym of several words ("ml" of "machine learning"), not the word a
     * synonym of several words stands for ("svm", which spans "support vector machine").
     */
    boolean spansPositions() {
        PositionLengthAttribute length = getAttribute(PositionLengthAttribute.class);
        TypeAttribute type = getAttribute(TypeAttribute.class);
        reset();
        while (incrementToken()) {
            if (length.getPositionLength() > 1 && SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
                return true;
            }
        }
        return false;
    }

    /** Whether any token spans or follows another position: only then are there paths of several terms. */
    private boolean isGraph() {
        PositionIncrementAttribute increment = getAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute length = getAttribute(PositionLengthAttribute.class);
        reset();
        boolean first = true;
        while (incrementToken()) {
            if (length.getPositionLength() > 1 || (!first && increment.getPositionIncrement() > 0)) {
                return true;
            }
            first = false;
        }
        return false;
    }

    /** Nothing to release, and the tokens must survive the consumer closing its stream: it replays for the next. */
    @Override
    public void close() {}
}
