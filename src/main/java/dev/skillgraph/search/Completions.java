package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.error.SkillGraphException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * As-you-type completions over names and aliases ({@code /api/suggest}): the words typed, the last one being typed,
 * matched as prefixes of words of a name or an alias, best and most needed first; when nothing starts so, the closest
 * spellings.
 */
final class Completions {

    private final IndexSearcher searcher;
    private final IndexedNode[] byDoc;
    private final TermQueries terms;
    private final MatchQueries queries;
    private final Spelling spelling;
    private final CompoundWords compounds;
    private final Analyzer exact;

    Completions(
            IndexSearcher searcher,
            IndexedNode[] byDoc,
            TermQueries terms,
            MatchQueries queries,
            Spelling spelling,
            CompoundWords compounds,
            Analyzer exact) {
        this.searcher = searcher;
        this.byDoc = byDoc;
        this.terms = terms;
        this.queries = queries;
        this.spelling = spelling;
        this.compounds = compounds;
        this.exact = exact;
    }

    /**
     * As-you-type completions: every word a prefix of a word of the name or an alias, best and most needed first; when
     * nothing starts so, the closest spellings.
     *
     * @throws SkillGraphException invalid input when the text matches too many words to complete
     */
    List<Suggestion> suggest(String text, int limit) {
        QueryWords words = QueryWords.of(exact, text).normalised(compounds, true);
        if (words.isEmpty()) {
            return List.of();
        }
        try {
            // The words normalised, as typed (hugging face llm course: the name's words, though hugging face joins
            // into huggingface), and with the last two joined.
            List<List<String>> readings = new ArrayList<>(List.of(words.all()));
            if (!words.typed().equals(words.all())) {
                readings.add(words.typed());
            }
            List<String> joined = compounds.lastJoined(words.all());
            if (joined != null) {
                readings.add(joined);
            }
            // A node whose whole name, or an alias, is the text typed comes first (pandas, deep learning), as in
            // search.
            TopDocs top = searcher.search(queries.ranked(completions(readings), words), limit);
            if (top.scoreDocs.length == 0) {
                Map<String, Map<String, Float>> variants = spelling.variants(words.distinct());
                top = searcher.search(closestSpellings(words.distinct(), variants), limit);
            }
            List<Suggestion> suggestions = new ArrayList<>();
            for (ScoreDoc doc : top.scoreDocs) {
                GraphNode n = byDoc[doc.doc].node();
                suggestions.add(new Suggestion(n.id(), n.kind().key(), n.name()));
            }
            return suggestions;
        } catch (IndexSearcher.TooManyClauses e) {
            throw SkillGraphException.invalidInput("the text matches too many words to complete; type more letters");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Completions of every word of one of {@code readings} (the words as typed, and the last two joined: {@link
     * CompoundWords#lastJoined}), each word as a prefix of a word of the name or an alias; when none, the closest
     * spellings of each word (its typo variants, or the words it begins).
     */
    private Query completions(List<List<String>> readings) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (List<String> words : readings) {
            BooleanQuery.Builder prefixes = new BooleanQuery.Builder();
            words.stream()
                    .limit(QueryWords.MAX_TERMS)
                    .forEach(word -> prefixes.add(
                            terms.of(new Term(Fields.SUGGEST, word.length() > 20 ? word.substring(0, 20) : word)),
                            Occur.MUST));
            any.add(prefixes.build(), Occur.SHOULD);
        }
        return any.build();
    }

    /** The fallback of {@link #completions}: each word by its closest spellings, or as the start of a word. */
    private Query closestSpellings(List<String> distinct, Map<String, Map<String, Float>> variants) {
        BooleanQuery.Builder typos = new BooleanQuery.Builder();
        for (String word : distinct) {
            Map<String, Float> similar = variants.getOrDefault(word, Map.of());
            if (similar.isEmpty()) {
                typos.add(new PrefixQuery(new Term(Fields.SPELL, word)), Occur.MUST);
            } else {
                // The closest spelling counts, once: a node whose text happens to hold two near spellings
                // (transformer, transformers) must not beat the one whose name is the closest. A word of the
                // name counts more than one of the summary.
                List<Query> spellings = new ArrayList<>();
                similar.forEach((variant, similarity) -> {
                    spellings.add(new BoostQuery(terms.of(new Term(Fields.NAME_EXACT, variant)), 2 * similarity));
                    spellings.add(new BoostQuery(terms.of(new Term(Fields.SPELL, variant)), similarity));
                });
                typos.add(new DisjunctionMaxQuery(spellings, 0f), Occur.MUST);
            }
        }
        return queries.rankedByImportance(typos.build());
    }
}
