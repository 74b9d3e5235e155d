package dev.skillgraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis chains of the index. Text fields are stemmed English; the {@code spell} field keeps whole lowercase
 * words for typo tolerance, prefixes and "did you mean"; the {@code suggest} field holds edge n-grams for
 * as-you-type completion. Synonyms apply at query time only, so editing them needs no reindex of the words.
 */
final class Analyzers {

    /**
     * English stop words plus the words of a question ("how do I ...", "what should I learn ...") and their
     * contractions, with the apostrophe and as typed without it ({@code whats}, {@code dont}).
     */
    static final CharArraySet STOP_WORDS = stopWords();

    /** Positions between two values of one field in {@link #edgeNGrams}. */
    static final int VALUE_GAP = 100;

    private Analyzers() {}

    /** Lowercase, ASCII-folded words, possessives and stop words removed; no stemming. */
    static Analyzer exact() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, words(source));
            }
        };
    }

    /** Lowercase, ASCII-folded words, stop words kept: what a query of only common words was made of. */
    static Analyzer folded() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, folded(source));
            }
        };
    }

    /** The exact chain with synonyms added: used to find which words to highlight. */
    static Analyzer exactWithSynonyms(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, synonyms(words(source), synonyms));
            }
        };
    }

    /** Stemmed English for the text fields at index time. */
    static Analyzer stemmed() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new PorterStemFilter(words(source)));
            }
        };
    }

    /** Stemmed English with synonyms, for the text fields at query time. */
    static Analyzer stemmedWithSynonyms(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new PorterStemFilter(synonyms(words(source), synonyms)));
            }
        };
    }

    /**
     * Prefixes of every word, stop words too (1 to 20 characters), for completion, each at its word's position, and the
     * whole word marked ({@link WholeWordFilter}), after {@link ValueStartFilter#MARKER}; a name and its aliases are
     * {@value #VALUE_GAP} positions apart, so that no phrase spans two of them.
     */
    static Analyzer edgeNGrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(
                        source,
                        new ValueStartFilter(
                                new WholeWordFilter(new EdgeNGramTokenFilter(folded(source), 1, 20, true))));
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return VALUE_GAP;
            }
        };
    }

    /** What the index writer uses, field by field. */
    static Analyzer forIndexing() {
        return new PerFieldAnalyzerWrapper(
                stemmed(),
                Map.of(
                        Fields.SPELL, exact(),
                        Fields.SUGGEST, edgeNGrams(),
                        Fields.SUGGEST_NAME, edgeNGrams(),
                        Fields.NAME_EXACT, exact()));
    }

    private static TokenStream folded(Tokenizer source) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
    }

    private static TokenStream words(Tokenizer source) {
        return new StopFilter(folded(source), STOP_WORDS);
    }

    private static TokenStream synonyms(TokenStream in, SynonymMap synonyms) {
        return synonyms.fst == null ? in : new SynonymGraphFilter(in, synonyms, true);
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        for (String word : new String[] {
            "how", "what", "which", "who", "whom", "why", "when", "where", "do", "does", "did", "i", "me", "my", "we",
            "you", "your", "should", "can", "could", "would", "need", "want", "learn", "know", "about", "get", "start",
            "use", "using", "from", "have", "has", "am", "before", "first", "best", "good", "way", "some", "so", "tell",
            "explain", "please", "vs", "versus"
        }) {
            words.add(word);
        }
        // English contractions of those words: "what's" loses its 's as a possessive would, "don't" is one word to
        // the tokenizer. Without the apostrophe only where the letters are no other word (not "its", "ill", "id",
        // "lets", "wed", "well", "were", "cant", "wont": a word of their own, or of a name).
        words.addAll(Arrays.asList(("whats hows whos wheres whens whys thats theres heres dont doesnt didnt isnt arent"
                        + " wasnt werent havent hasnt cannot couldnt shouldnt wouldnt im ive youre youve theyre weve"
                        + " don't doesn't didn't isn't aren't wasn't weren't haven't hasn't can't couldn't shouldn't"
                        + " wouldn't won't i'm i've i'd i'll you're you've you'd you'll we're we've we'd we'll they're"
                        + " they've they'd they'll let's it'd it'll that'll")
                .split(" ")));
        return CharArraySet.unmodifiableSet(words);
    }

    /** Splits a key on spaces and stems each word; nothing else: the key is already words. */
    private static final Analyzer STEM_KEY = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new WhitespaceTokenizer();
            return new TokenStreamComponents(source, new PorterStemFilter(source));
        }
    };

    /**
     * A whole name's or alias's key ({@link NodeDocuments#key}, {@link QueryWords#keys}: its words, stop words too) with
     * each word stemmed as the text fields stem it: {@code hugging face dataset} is the name "Hugging Face Datasets".
     */
    static String stemmedKey(String key) {
        return String.join(" ", words(STEM_KEY, key));
    }

    /** The words {@code analyzer} makes of {@code text}, lower-cased. */
    static List<String> words(Analyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString().toLowerCase(Locale.ROOT));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an analyzer over a String reads no I/O
        }
        return words;
    }
}
