package dev.skillgraph.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.jspecify.annotations.Nullable;

/**
 * The words of a query as the exact analyzer splits them, and the first {@link #MAX_TERMS} distinct ones: repeating a
 * word adds nothing but clauses.
 *
 * @param typed the words as the exact analyzer split them, before joined and split spellings were normalised
 * @param shown for each of {@code distinct}, the words as typed that it stands for ({@code finetune} for {@code fine}
 *     of a split, {@code tensor flow} for a join): what the learner is told a hit is missing
 */
record QueryWords(List<String> all, List<String> distinct, List<String> typed, List<String> shown) {

    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}");

    /**
     * What people type for an apostrophe, doubled or not: the typewriter one, the curly ones, a grave or acute accent, a
     * modifier letter. All read as {@code '}, so {@code what`s} is {@code what's}, not the words "what" and "s".
     */
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u0060\u00B4\u02BC]+");

    /**
     * Where a word as typed joins words of their own: an underscore, a dot or colon, or a change between letters and
     * digits, as Lucene's word delimiter filter splits them ({@code gpt4} is {@code gpt-4}).
     */
    private static final Pattern CODE_DELIMITER = Pattern.compile("[_.:]|\\p{L}\\p{N}|\\p{N}\\p{L}");

    private static final Pattern NUMBER = Pattern.compile("\\p{N}+(?:[.,]\\p{N}+)*");

    /** Most distinct words a query is searched with. */
    static final int MAX_TERMS = 16;

    /**
     * The words of {@code text}: apostrophes as one ({@link #APOSTROPHES}), composed, compatibility forms folded
     * (NFKC: an accent typed as a combining mark is the accented letter, mathematical bold letters and full-width forms
     * are the plain ones, as Elasticsearch's ICU normalizer takes them), without invisible format characters (a soft
     * hyphen or zero-width space inside a word), and only those with a letter or digit: a lone mark, symbol or emoji is
     * nothing to search for, and no node could be said to lack it.
     */
    static QueryWords of(Analyzer exact, String text) {
        // Apostrophes first: NFKC turns an acute accent into a space and a combining mark.
        String apostrophes = APOSTROPHES.matcher(text).replaceAll("'");
        String visible = withoutStrayMarks(FORMAT.matcher(Normalizer.normalize(apostrophes, Normalizer.Form.NFKC))
                .replaceAll(""));
        return of(Analyzers.words(exact, visible).stream()
                .filter(QueryWords::hasLetterOrDigit)
                .toList());
    }

    /**
     * {@code text} without the combining marks of one script glued to a letter of another ({@code python} followed by a
     * Khmer vowel sign is {@code python}): no word is written so, and the mark would make the word one the index lacks.
     * Marks of the letter's own script, and those of every script (accents), stay.
     */
    static String withoutStrayMarks(String text) {
        StringBuilder kept = null;
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            boolean mark = Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK
                    || Character.getType(c) == Character.ENCLOSING_MARK;
            boolean stray = mark
                    && script != Character.UnicodeScript.INHERITED
                    && script != Character.UnicodeScript.COMMON
                    && script != base;
            if (stray && kept == null) {
                kept = new StringBuilder(text.substring(0, i));
            }
            if (!stray && kept != null) {
                kept.appendCodePoint(c);
            }
            if (!mark) {
                base = script;
            }
            i += Character.charCount(c);
        }
        return kept == null ? text : kept.toString();
    }

    static boolean hasLetterOrDigit(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** These words, with the first {@link #MAX_TERMS} distinct ones. */
    static QueryWords of(List<String> all) {
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < all.size() && distinct.size() < MAX_TERMS; i++) {
            if (!distinct.contains(all.get(i))) {
                distinct.add(all.get(i)); // at most 16 to look through: faster than hashing, or a stream
            }
        }
        return new QueryWords(all, distinct, all, distinct);
    }

    /** These words with joined and split spellings normalised ({@link CompoundWords#normalise}). */
    QueryWords normalised(CompoundWords compounds, boolean lastIsPrefix) {
        List<CompoundWords.Word> normal = compounds.normalise(all, lastIsPrefix);
        List<String> normalWords = normal.stream().map(CompoundWords.Word::word).toList();
        if (normalWords.equals(all)) {
            return this;
        }
        QueryWords words = of(normalWords);
        List<String> shown = new ArrayList<>(words.distinct.size());
        for (String word : words.distinct) {
            String typedAs = normal.stream()
                    .filter(each -> each.word().equals(word))
                    .findFirst()
                    .orElseThrow()
                    .typed();
            // A part of a word joined as code joins words is a word of its own: gpt-4 and gpt4 both miss "4".
            shown.add(CODE_DELIMITER.matcher(typedAs).find() ? word : typedAs);
        }
        return new QueryWords(words.all, words.distinct, typed, shown);
    }

    /**
     * The words that are parts of one word as typed ({@code computer} and {@code vision} of {@code computervision}), as
     * bit masks over {@link #distinct}: one mask per such word, none for a word that stands alone, nor for words joined
     * as code joins them ({@code torch.nn}, {@code title:python}, {@code gpt4}: the delimiters, or the change between
     * letters and digits, already say they are words of their own).
     */
    List<Integer> parts() {
        List<Integer> masks = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            if (CODE_DELIMITER.matcher(shown.get(i)).find()) {
                continue;
            }
            int mask = 0;
            for (int j = 0; j < shown.size(); j++) {
                if (shown.get(j).equals(shown.get(i))) {
                    mask |= 1 << j;
                }
            }
            if (Integer.bitCount(mask) > 1 && !masks.contains(mask)) {
                masks.add(mask);
            }
        }
        return masks;
    }

    /**
     * How many common words the word typed joined that {@code mask} ({@link #parts}) splits holds between its parts:
     * 1 for {@code chainofthought} (chain, thought), 2 for {@code humanintheloop}; 0 when none. Each stretch between
     * two parts counts its common words, longest first, and 1 when they do not divide it.
     */
    int commonWordsWithin(int mask) {
        int first = Integer.numberOfTrailingZeros(mask);
        String typedAs = shown.get(first);
        int common = 0;
        int at = 0;
        for (int i = first; i < distinct.size(); i++) {
            if ((mask & (1 << i)) == 0) {
                continue;
            }
            int found = typedAs.indexOf(distinct.get(i), at);
            if (found < 0) {
                return common;
            }
            if (found > at && i > first) {
                common += Math.max(1, commonWords(typedAs.substring(at, found)));
            }
            at = found + distinct.get(i).length();
        }
        return common;
    }

    /** How many common words {@code letters} are, longest first; 0 when they are not all common words. */
    private static int commonWords(String letters) {
        if (letters.isEmpty()) {
            return 0;
        }
        for (int end = letters.length(); end > 0; end--) {
            if (Analyzers.STOP_WORDS.contains(letters.substring(0, end))) {
                int rest = commonWords(letters.substring(end));
                if (rest > 0 || end == letters.length()) {
                    return 1 + rest;
                }
            }
        }
        return 0;
    }

    /**
     * The phrase {@code word} stands for when it is a number: the number with the word typed before it, or after it
     * when it comes first ({@code python2}, {@code python 2}, {@code gpt-4}: "python 2", "gpt 4"); null for a word
     * that is no number, or a number typed alone. A number says which one of what its neighbour names (Python 2,
     * GPT-4, Llama 3); alone, any text with the number would have it ("2-7 weeks").
     */
    @Nullable
    String numberPhrase(String word) {
        int at = all.indexOf(word);
        if (at < 0 || !isNumber(word)) {
            return null;
        }
        if (at > 0 && !isNumber(all.get(at - 1))) {
            return all.get(at - 1) + " " + word;
        }
        if (at + 1 < all.size() && !isNumber(all.get(at + 1))) {
            return word + " " + all.get(at + 1);
        }
        return null;
    }

    /** {@code words} (these or some of them) but the numbers that stand for a phrase ({@link #numberPhrase}). */
    List<String> withoutBoundNumbers(List<String> words) {
        List<String> kept = new ArrayList<>(words.size());
        for (String word : words) {
            if (numberPhrase(word) == null) {
                kept.add(word);
            }
        }
        return kept.size() == words.size() ? words : kept;
    }

    /**
     * Whether {@code word}, typed last, also stands for the words it begins (the learner may still be typing it): two
     * characters at least, and no number, which is typed whole ({@code 20} is no "2025").
     */
    static boolean beginsWords(String word) {
        return word.length() >= 2 && !isNumber(word);
    }

    /** Whether {@code word} is a number, a version or a decimal: {@code 2}, {@code 2.5}, {@code 3.12}. */
    static boolean isNumber(String word) {
        return NUMBER.matcher(word).matches();
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** How many different words beyond the first {@link #MAX_TERMS} are left out of the search. */
    int ignored() {
        return (int) all.stream().distinct().count() - distinct.size();
    }

    /**
     * The keywords an exact name or alias may equal ({@link NodeDocuments#key}: all its words, stop words too): the
     * words as spoken, stop words and all ({@code introduction to statistics}); the normalised words; and the words as
     * typed ({@code Hugging Face Transformers} is a name, though {@code hugging face} also joins into {@code
     * huggingface}). The last two leave out the query's stop words ({@code what is pandas}: Pandas), never a name's:
     * {@code ml} is not the whole of the alias "do I need ML", nor {@code linux} of "The Linux Command Line".
     *
     * @param spoken the words of the query with its stop words, as {@link Analyzers#folded} splits them
     */
    List<String> keys(List<String> spoken) {
        List<String> keys = new ArrayList<>(3);
        for (List<String> words : List.of(spoken, all, typed)) {
            String key = String.join(" ", words);
            if (!words.isEmpty() && !keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }
}
