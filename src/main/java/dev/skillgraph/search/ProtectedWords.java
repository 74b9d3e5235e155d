package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.jspecify.annotations.Nullable;

/**
 * Names whose symbols are part of the name: {@code C++}, {@code C#}, {@code F#}, {@code .NET}. Lucene's standard
 * tokenizer drops {@code +} and {@code #} and a leading dot, so {@code c++}, {@code c#} and {@code c} all became the
 * word {@code c}. Every word of a node's name or alias that carries one of these symbols is protected: before
 * tokenizing, a char filter spells its symbols out ({@code c++} becomes {@code cplusplus}, {@code c#} {@code csharp},
 * {@code .net} {@code dotnet}), at index and query time alike, so the name is one exact term of its own. The rule is
 * derived from the graph's own names and aliases with every index, not kept as a list by hand (the way Elasticsearch's
 * {@code word_delimiter_graph} takes protected words, here found rather than configured).
 */
final class ProtectedWords {

    private static final String SYMBOLS = "+#";

    private final @Nullable NormalizeCharMap spelled;
    private final Set<String> words;
    private final Map<String, String> typedBySpelling = new HashMap<>();

    private ProtectedWords(Set<String> words) {
        this.words = words;
        if (words.isEmpty()) {
            this.spelled = null;
            return;
        }
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        Set<String> added = new TreeSet<>();
        for (String word : words) {
            String spelledOut = spellOut(word);
            typedBySpelling.put(spelledOut, word);
            for (String form : List.of(word, word.toUpperCase(Locale.ROOT), capitalised(word))) {
                if (added.add(form)) {
                    map.add(form, spelledOut);
                }
            }
        }
        this.spelled = map.build();
    }

    /** The protected words of the names and aliases of {@code nodes}, lower-cased. */
    static ProtectedWords of(Collection<GraphNode> nodes) {
        Set<String> words = new TreeSet<>();
        for (GraphNode node : nodes) {
            List<String> texts = new ArrayList<>(node.aliases());
            texts.add(node.name());
            for (String text : texts) {
                for (String token : text.split("[\\s,;:()\\[\\]/]+")) {
                    if (isProtected(token)) {
                        words.add(token.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return new ProtectedWords(words);
    }

    /** The protected words, lower-cased. */
    Set<String> words() {
        return words;
    }

    /**
     * {@code word} as the learner types it: a protected word spelled out ({@code cplusplus}) with its symbols again
     * ({@code c++}), any other word as it is. What a hit is said to be missing shows the word typed, not the index's.
     */
    String typed(String word) {
        return typedBySpelling.getOrDefault(word, word);
    }

    /**
     * {@code word}, a word the analyzer kept of {@code text}, as {@code text} spells it with the symbols of a name
     * ({@code c++}, {@code c#}, {@code .net}) that were dropped because no node's name or alias has them: a notice
     * then says no node has {@code c++}, not {@code c}. Any other word as it is.
     */
    static String withSymbolsOf(String text, String word) {
        Matcher typed = Pattern.compile(
                        "(?<![\\p{L}\\p{N}.])\\.?" + Pattern.quote(word) + "[" + SYMBOLS + "]*(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text);
        while (typed.find()) {
            if (isProtected(typed.group())) {
                return typed.group().toLowerCase(Locale.ROOT);
            }
        }
        return word;
    }

    /** {@code analyzer} with the protected words' symbols spelled out before tokenizing; itself when there are none. */
    Analyzer protect(Analyzer analyzer) {
        if (spelled == null) {
            return analyzer;
        }
        NormalizeCharMap map = spelled;
        return new AnalyzerWrapper(analyzer.getReuseStrategy()) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return analyzer;
            }

            @Override
            protected Reader wrapReader(String fieldName, Reader reader) {
                return new MappingCharFilter(map, reader);
            }
        };
    }

    /** A word with a letter or digit and a symbol the tokenizer would drop: + or # anywhere, or a leading dot. */
    static boolean isProtected(String token) {
        boolean letters = token.chars().anyMatch(Character::isLetterOrDigit);
        boolean symbols = token.chars().anyMatch(c -> SYMBOLS.indexOf(c) >= 0)
                || (token.length() > 1 && token.charAt(0) == '.' && Character.isLetter(token.charAt(1)));
        return letters && symbols;
    }

    /** The word with its symbols spelled as letters: c++ → cplusplus, c# → csharp, .net → dotnet. */
    static String spellOut(String word) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '+' -> out.append("plus");
                case '#' -> out.append("sharp");
                case '.' -> out.append(i == 0 ? "dot" : ".");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String capitalised(String word) {
        int first = 0;
        while (first < word.length() && !Character.isLetter(word.charAt(first))) {
            first++;
        }
        return first == word.length()
                ? word
                : word.substring(0, first) + Character.toUpperCase(word.charAt(first)) + word.substring(first + 1);
    }
}
