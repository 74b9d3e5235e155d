package dev.skillgraph.search;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNotQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * A number typed beside a word ({@code python 2}, {@code gpt-4}, {@code salary 2025}) as a query: it says which one of
 * what the word names (Python 2, GPT-4), so it counts only beside that word ({@link QueryWords#numberPhrase}).
 */
final class BoundNumbers {

    private final TermQueries terms;
    /** "stage" as the text fields index it: the word before a stage's place ({@link StagePlaces#place}). */
    private final String placeWord;

    BoundNumbers(TermQueries terms, Analyzer queryAnalyzer) {
        this.terms = terms;
        this.placeWord = Analyzers.words(queryAnalyzer, "stage").get(0);
    }

    /**
     * A number that qualifies a word ({@link QueryWords#numberPhrase}) as had in {@code fields}: the phrase of the two
     * ({@code phrase}: its terms as the fields are searched), or the number alone in a name or alias, which says it
     * whole, of a node that has the word too ({@code salary 2025}: the salary FAQ's "... in 2025?"); when {@code
     * weighted}, {@code fields} are {@link Fields#TEXT}, each by its weight.
     */
    Query query(String number, List<List<String>> phrase, String[] fields, boolean weighted) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        Query qualified = qualified(number, phrase);
        for (int f = 0; f < fields.length; f++) {
            String field = fields[f];
            float weight = weighted ? Fields.WEIGHT[f] : 1f;
            for (List<String> path : phrase) {
                any.add(new BoostQuery(terms.path(field, path), weight), Occur.SHOULD);
            }
            if (field.equals(Fields.NAME) || field.equals(Fields.ALIASES)) {
                // Not right after "stage": a stage's place ("stage 3") says its number, not a version (gpt3 is no
                // stage 3, whose description mentions GPT).
                SpanQuery alone = new SpanNotQuery(
                        new SpanTermQuery(new Term(field, number)),
                        new SpanTermQuery(new Term(field, placeWord)),
                        1,
                        0);
                // And only in a node that has the word it qualifies: web3 is no Keras ("keras 3"), gpt4 no "4-bit".
                Query withWord = new BooleanQuery.Builder()
                        .add(alone, Occur.MUST)
                        .add(qualified, Occur.FILTER)
                        .build();
                any.add(new BoostQuery(withWord, weight), Occur.SHOULD);
            }
        }
        return any.build();
    }

    /** The nodes that have, in some text field, the word {@code number} qualifies: the rest of a path of {@code phrase}. */
    private Query qualified(String number, List<List<String>> phrase) {
        BooleanQuery.Builder anyPath = new BooleanQuery.Builder();
        for (List<String> path : phrase) {
            BooleanQuery.Builder every = new BooleanQuery.Builder();
            for (String term : path) {
                if (!term.equals(number)) {
                    BooleanQuery.Builder anyField = new BooleanQuery.Builder();
                    for (String field : Fields.TEXT) {
                        anyField.add(terms.of(new Term(field, term)), Occur.SHOULD);
                    }
                    every.add(anyField.build(), Occur.MUST);
                }
            }
            anyPath.add(every.build(), Occur.SHOULD);
        }
        return anyPath.build();
    }
}
