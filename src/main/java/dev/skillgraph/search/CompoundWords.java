package dev.skillgraph.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Joined and split spellings, against the index's own vocabulary: a query word the index lacks is split into words it
 * has ({@code gradientboosting}, {@code scikitlearn}, {@code huggingfacetransformers}, letters and digits as in
 * {@code gpt4}), and two neighbouring query words are joined when the index has them as one word ({@code tensor flow},
 * {@code xg boost}, {@code sci kit learn}) or some text has the join ({@code check list}), and words joined as code
 * joins them are parted ({@code gradient_boosting},
 * {@code torch.nn}). So either spelling finds the other, whichever one the graph uses; no list
 * of compounds is kept by hand. Decompounding on the query side only: the index keeps the graph's words as they are.
 *
 * <p>SkillGraph's own: Lucene's decompounders ({@code DictionaryCompoundWordTokenFilter}, {@code
 * HyphenationCompoundWordTokenFilter}) take a fixed dictionary and add the parts beside the compound, while here the
 * dictionary is the graph's vocabulary, changing with every graph version, and the unknown whole is replaced.
 */
final class CompoundWords {

    /** Underscores, or dots or colons between letters: how code and file names join words. */
    private static final Pattern DELIMITERS = Pattern.compile("(_|(?<=\\p{L})[.:](?=\\p{L}))+");

    /** A run of letters and digits: a word as typed, before the analyzer lowercases it. */
    private static final Pattern TYPED_WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * Where camel case joins words: a lowercase letter then a capital ({@code gridSearch}), or a capital then a
     * capitalised word ({@code CVSplitter}: {@code CV Splitter}).
     */
    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

    private final Vocabulary vocabulary;
    private final Predicate<String> inText;
    private final Predicate<List<String>> writtenApart;
    private final WordSplits splits;

    /**
     * A word {@code vocabulary} lacks is still a word, not words joined, when a text field has it stemmed ({@code
     * inText}: weeks is not we|eks), or when it is an English word ({@link EnglishWords}: someone is not some|one) whose
     * parts the texts never write next to each other ({@code writtenApart}: nonlinear is non|linear, as "non-linear").
     *
     * @param vocabulary the words of names, aliases and summaries
     * @param inText whether a text field has a word, stemmed ({@link Spelling#inText})
     * @param writtenApart whether a text field has words one after the other ({@link Spelling#inTextApart})
     */
    CompoundWords(Vocabulary vocabulary, Predicate<String> inText, Predicate<List<String>> writtenApart) {
        this.vocabulary = vocabulary;
        this.inText = inText;
        this.writtenApart = writtenApart;
        this.splits = new WordSplits(vocabulary, writtenApart);
    }

    /**
     * {@code text} with the words written in camel case that the index lacks parted where their case changes, as class
     * names join words ({@code GridSearchCV}: {@code Grid Search CV}, {@code RandomForestClassifier}); a word the index
     * has stays whole whatever its case ({@code PyTorch}, {@code LightGBM}, {@code XGBoost}). Before the analyzer, which
     * lowercases the case away.
     */
    String camelCaseApart(String text) {
        return TYPED_WORD.matcher(text).replaceAll(match -> {
            String word = match.group();
            String lower = word.toLowerCase(Locale.ROOT);
            return !CAMEL_CASE.matcher(word).find() || vocabulary.contains(lower) || inText.test(lower)
                    ? word
                    : String.join(" ", CAMEL_CASE.split(word));
        });
    }

    /**
     * {@code words} with neighbours joined where the join is a known word and the pair was not, then unknown words
     * split into known ones. When {@code lastIsPrefix}, the last word may still be being typed: it is split only when
     * no word starts with it, and its last part may be the start of a word ({@link #lastJoined} reads it joined).
     */
    List<Word> normalise(List<String> words, boolean lastIsPrefix) {
        List<Word> joined = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean lastPair = i + 1 == words.size() - 1;
            if (i + 1 < words.size() && !(lastIsPrefix && lastPair)) {
                String both = word + words.get(i + 1);
                if (vocabulary.contains(both) || inText.test(both) || mistypedJoin(word, words.get(i + 1), both)) {
                    joined.add(new Word(both, word + " " + words.get(i + 1)));
                    i++;
                    continue;
                }
            }
            joined.add(new Word(word, word));
        }
        List<Word> split = new ArrayList<>(joined.size());
        for (int i = 0; i < joined.size(); i++) {
            Word word = joined.get(i);
            boolean typing = lastIsPrefix && i == joined.size() - 1;
            if (!vocabulary.contains(word.word())
                    && DELIMITERS.matcher(word.word()).find()) {
                // Code's spellings (gradient_boosting, torch.nn, title:python): the words the delimiters join, or
                // one word when the index has them as one (lang_chain: langchain).
                List<String> parts = Arrays.asList(DELIMITERS.split(word.word()));
                String whole = String.join("", parts);
                if (vocabulary.contains(whole)) {
                    split.add(new Word(whole, word.typed()));
                } else {
                    addParts(parts, word.typed(), split);
                }
                continue;
            }
            // A word being typed is split only when no word starts with it (scikitlea: scikit, lea...).
            boolean whole = typing
                    ? !vocabulary.startingWith(word.word(), 1).isEmpty()
                    : vocabulary.contains(word.word()) || inText.test(word.word());
            List<String> parts = whole ? null : splits.parts(word.word(), WordSplits.MAX_PARTS, typing);
            if (parts == null && !whole) {
                parts = splits.letterJoined(word.word());
            }
            if (parts == null
                    || splits.mistyped(word.word(), parts)
                    || (EnglishWords.contains(word.word()) && !writtenApart.test(parts))) {
                split.add(word);
            } else {
                addParts(parts, word.typed(), split);
            }
        }
        return split;
    }

    /**
     * {@code variants} with each word written apart ({@link #apart}) as one more spelling, a phrase: a
     * word joined, typed or not, finds the texts that write it apart ({@code time series}) as well as those that join it.
     */
    Map<String, Map<String, Float>> withApart(QueryWords words, Map<String, Map<String, Float>> variants) {
        Map<String, Map<String, Float>> all = variants;
        for (int i = 0; i < words.distinct().size(); i++) {
            String word = words.distinct().get(i);
            String apart = apart(word, words.shown().get(i));
            if (apart != null) {
                all = all == variants ? new HashMap<>(variants) : all;
                Map<String, Float> spellings = new LinkedHashMap<>(all.getOrDefault(word, Map.of()));
                spellings.put(apart, 1f);
                all.put(word, spellings);
            }
        }
        return all;
    }

    /**
     * {@code word} written apart, as one phrase, so that a text that writes it so has it too: the two words typed when
     * it is their join ({@code tensor flow}), or, for a word of the index, the two words of the index it is made of
     * ({@code timeseries}: {@code time series}); null when there is none.
     *
     * @param typed the words as typed that {@code word} stands for ({@link Word#typed})
     */
    @Nullable
    String apart(String word, String typed) {
        if (typed.indexOf(' ') >= 0) {
            // Not a word typed apart with a typo (xg bost): its correction is found as a typo.
            return vocabulary.contains(word) || inText.test(word) ? typed : null;
        }
        if (!vocabulary.contains(word)) {
            return null;
        }
        List<String> parts = splits.parts(word, 2, false);
        if (parts == null) {
            return null;
        }
        for (String part : parts) {
            // Three letters at least, and a word of the index, not a common word: "notebook" is not "no tebook".
            if (part.length() < 3 || !vocabulary.contains(part)) {
                return null;
            }
        }
        return String.join(" ", parts);
    }

    /**
     * {@code words} with the last two joined when a word of the index starts with them ({@code tensor fl}: {@code
     * tensorfl}, as {@code tensorflow} is being typed); null when none does, or when the last word has one letter
     * ({@code model s} is {@code model} and a word begun, not {@code models}). Another reading of words being typed,
     * beside them, not instead: {@code deep learning} is also the start of {@code deeplearning.ai}. A digit is a whole
     * word ({@code python 3}: {@code python3}).
     */
    @Nullable
    List<String> lastJoined(List<String> words) {
        String last = words.isEmpty() ? "" : words.get(words.size() - 1);
        if (words.size() < 2 || (last.length() < 2 && !QueryWords.isNumber(last))) {
            return null;
        }
        String both = words.get(words.size() - 2) + words.get(words.size() - 1);
        if (vocabulary.startingWith(both, 1).isEmpty()) {
            return null;
        }
        List<String> joined = new ArrayList<>(words.subList(0, words.size() - 2));
        joined.add(both);
        return joined;
    }

    /**
     * A word of the search and the words as typed that it stands for: itself, the two typed words it joins
     * ({@code tensor flow}), or the one typed word it is a part of ({@code finetune} for {@code fine}).
     */
    record Word(String word, String typed) {}

    /** The parts of {@code typed}, but common words, which the index leaves out (scikit|learn): dropped again. */
    private static void addParts(List<String> parts, String typed, List<Word> out) {
        for (String part : parts) {
            if (!part.isEmpty() && !Analyzers.STOP_WORDS.contains(part)) {
                out.add(new Word(part, typed));
            }
        }
    }

    /**
     * Whether {@code first} and {@code second}, one of which is no word, are a known word typed apart with a typo in it
     * ({@code xg bost}, {@code tensor flwo}): their join is within the typos its length allows ({@link Spelling#edits})
     * of a word of the index other than either of them, stemmed alike ({@code kubernetes fo} is not Kubernetes with
     * "fo" a typo, nor {@code tutorial pls} "tutorials": the typos would only drop the second word).
     */
    private boolean mistypedJoin(String first, String second, String both) {
        int edits = Spelling.edits(both);
        if (edits == 0 || (isWord(first) && isWord(second))) {
            return false;
        }
        String firstStem = Analyzers.stemmedKey(first);
        String secondStem = Analyzers.stemmedKey(second);
        return vocabulary.similar(both, edits).keySet().stream()
                .map(Analyzers::stemmedKey)
                .anyMatch(stem -> !stem.equals(firstStem) && !stem.equals(secondStem));
    }

    private boolean isWord(String word) {
        return vocabulary.contains(word)
                || Analyzers.STOP_WORDS.contains(word)
                || inText.test(word)
                || EnglishWords.contains(word);
    }
}
