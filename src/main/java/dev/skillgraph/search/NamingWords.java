package dev.skillgraph.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The words of the index that name something: each name or alias of one word, or of two written as one ({@code fine
 * tuning}: {@code finetuning}), stemmed as the text fields are. A query word that names something tells what is asked
 * more than one that does not ({@link WordCoverage}'s tie-break): {@code model overfitting} is about overfitting (an
 * alias of regularization), {@code pytorch tutorial} about PyTorch. BM25's inverse document frequency, measured first
 * as that rule, got the second wrong: "tutorial" is the rarer word, and Terraform's tutorials came before PyTorch.
 */
final class NamingWords {

    private final NavigableSet<String> stems;
    private final Analyzer stemmed;

    private NamingWords(NavigableSet<String> stems, Analyzer stemmed) {
        this.stems = stems;
        this.stemmed = stemmed;
    }

    /**
     * The naming words of the index's names and aliases ({@link Fields#NAME_KEY}, {@link Fields#ALIAS_KEY}): one pass
     * over their terms, about 1 s at 100,000 nodes.
     *
     * @param stemmed the analyzer the text fields were indexed with
     */
    static NamingWords of(IndexReader reader, Analyzer stemmed) throws IOException {
        NavigableSet<String> stems = new TreeSet<>();
        for (String field : List.of(Fields.NAME_KEY, Fields.ALIAS_KEY)) {
            Terms terms = MultiTerms.getTerms(reader, field);
            TermsEnum each = terms == null ? TermsEnum.EMPTY : terms.iterator();
            for (BytesRef key = each.next(); key != null; key = each.next()) {
                String[] words = key.utf8ToString().split(" ");
                if (words.length <= 2) {
                    stems.addAll(Analyzers.words(stemmed, String.join("", words)));
                }
            }
        }
        return new NamingWords(stems, stemmed);
    }

    /**
     * How telling each of {@code words} is, by position: 1 when it, the word it was typed as ({@code shown}: {@code
     * finetune} for its parts) or one of its spellings ({@code variants}) names something, else 0.
     */
    double[] telling(List<String> words, List<String> shown, Map<String, Map<String, Float>> variants) {
        double[] telling = new double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            List<String> spellings =
                    new ArrayList<>(List.of(words.get(i), shown.get(i).replace(" ", "")));
            spellings.addAll(variants.getOrDefault(words.get(i), Map.of()).keySet());
            for (String spelling : spellings) {
                if (names(spelling, false)) {
                    telling[i] = 1;
                }
            }
        }
        return telling;
    }

    /**
     * Whether {@code word} names something; one being typed ({@code typing}) also when it starts a word that does,
     * from its third letter ({@code dock}: docker).
     */
    boolean names(String word, boolean typing) {
        List<String> stemmedWords = Analyzers.words(stemmed, word);
        if (!stemmedWords.isEmpty() && stems.containsAll(stemmedWords)) {
            return true;
        }
        String next = typing && word.length() >= 3 ? stems.ceiling(word) : null;
        return next != null && next.startsWith(word);
    }
}
