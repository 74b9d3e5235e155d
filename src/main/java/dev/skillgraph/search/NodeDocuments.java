package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.jspecify.annotations.Nullable;

/** Maps a node to its Lucene document: the fields of {@link Fields}, each analysed as {@link Analyzers} says. */
final class NodeDocuments {

    private final Analyzer spoken;
    private final SearchParts parts;

    /**
     * @param spoken the folded analyzer, stop words kept ({@link Analyzers#folded}), as the index protects its
     *     symbols ({@link ProtectedWords})
     */
    NodeDocuments(SearchParts parts, Analyzer spoken) {
        this.parts = parts;
        this.spoken = spoken;
    }

    Document document(IndexedNode indexed) {
        GraphNode node = indexed.node();
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, node.id(), Field.Store.YES));
        doc.add(new StringField(Fields.KIND, node.kind().key(), Field.Store.NO));
        if (indexed.stage() != null) {
            doc.add(new StringField(Fields.STAGE, indexed.stage().id(), Field.Store.NO));
        }
        for (var roadmap : indexed.roadmaps()) {
            doc.add(new StringField(Fields.ROADMAP, roadmap.id(), Field.Store.NO));
        }
        String name = orEmpty(node.name());
        doc.add(new TextField(Fields.NAME, name, Field.Store.NO));
        doc.add(new TextField(Fields.NAME_EXACT, name, Field.Store.NO));
        doc.add(new TextField(Fields.SUMMARY, orEmpty(node.summary()), Field.Store.NO));
        doc.add(new TextField(Fields.DESCRIPTION, orEmpty(node.description()), Field.Store.NO));
        for (String alias : node.aliases()) {
            doc.add(new TextField(Fields.ALIASES, alias, Field.Store.NO));
            doc.add(new TextField(Fields.SPELL, alias, Field.Store.NO));
            doc.add(new TextField(Fields.SUGGEST, alias, Field.Store.NO));
        }
        if (node.roadmapLine() != null) {
            doc.add(new TextField(Fields.ALIASES, node.roadmapLine(), Field.Store.NO));
        }
        List<String> places = places(node);
        for (String place : places) {
            doc.add(new TextField(Fields.ALIASES, place, Field.Store.NO));
            doc.add(new TextField(Fields.SUGGEST, place, Field.Store.NO));
        }
        for (String place : onRoadmaps(places, indexed)) {
            doc.add(new TextField(Fields.SUGGEST, place, Field.Store.NO));
        }
        for (String related : indexed.related()) {
            doc.add(new TextField(Fields.RELATED, related, Field.Store.NO));
        }
        doc.add(new TextField(Fields.SPELL, name, Field.Store.NO));
        doc.add(new TextField(Fields.SPELL, orEmpty(node.summary()), Field.Store.NO));
        doc.add(new TextField(Fields.SUGGEST, name, Field.Store.NO));
        doc.add(new TextField(Fields.SUGGEST_NAME, name, Field.Store.NO));
        doc.add(new FeatureField(Fields.FEATURES, Fields.IMPORTANCE, Math.max(1, indexed.importance())));
        if (!parts.kindPrior()) { // the plain Lucene way reads the prior from doc values
            doc.add(new DoubleDocValuesField(Fields.PRIOR, prior(node.kind())));
        }
        String nameKey = key(name);
        doc.add(new StringField(Fields.NAME_KEY, nameKey, Field.Store.NO));
        doc.add(new StringField(Fields.NAME_STEM_KEY, Analyzers.stemmedKey(nameKey), Field.Store.NO));
        for (String alias : aliasesAndPlaces(node)) {
            String aliasKey = key(alias);
            doc.add(new StringField(Fields.ALIAS_KEY, aliasKey, Field.Store.NO));
            doc.add(new StringField(Fields.ALIAS_STEM_KEY, Analyzers.stemmedKey(aliasKey), Field.Store.NO));
        }
        return doc;
    }

    /**
     * All the words of a name, stop words too, as one keyword, so that typing a whole name (or alias) exactly can win
     * outright ({@link QueryWords#keys}).
     */
    String key(String text) {
        return String.join(" ", Analyzers.words(spoken, text));
    }

    /**
     * A stage's place on its roadmap, as roadmap pages number them ("stage 2") and as learners say it ("stage two",
     * "second stage", "2nd stage"), searched and highlighted as more aliases; none for other nodes. An ordinal reads as
     * the stage's number, not its position: the learner quotes the page's label, and every shipped roadmap numbers its
     * first stage 0, so "second stage" by position would be the page's "Stage 1".
     */
    static List<String> places(GraphNode node) {
        if (node.kind() != Kind.STAGE || node.order() == null) {
            return List.of();
        }
        int order = node.order();
        List<String> places = new ArrayList<>(List.of("stage " + order));
        if (order >= 0 && order < CARDINALS.size()) {
            places.add("stage " + CARDINALS.get(order));
        }
        if (order > 0 && order < ORDINALS.size()) {
            places.add(ORDINALS.get(order) + " stage");
            places.add(order + ordinalSuffix(order) + " stage");
        }
        return places;
    }

    /** The node's aliases, then its places ({@link #places}): what it is also called, each a whole-alias key. */
    static List<String> aliasesAndPlaces(GraphNode node) {
        return Stream.concat(node.aliases().stream(), places(node).stream()).toList();
    }

    /**
     * A stage's places with its roadmap's name before them ("MLOps Engineer Roadmap stage 2"), which completions offer
     * ({@code mlops stage tw}: the MLOps roadmap's stage 2; it offered the roadmap and two MLOps topics). Not searched
     * as aliases: there every word of a roadmap's name counted as the stage's own, and {@code let the llm call my
     * functions} put the LLM roadmap's stage 3 above tool calling; search finds a stage's roadmap by its related names.
     */
    static List<String> onRoadmaps(List<String> places, IndexedNode indexed) {
        List<String> qualified = new ArrayList<>();
        for (var roadmap : indexed.roadmaps()) {
            for (String place : places) {
                qualified.add(roadmap.name() + " " + place);
            }
        }
        return qualified;
    }

    /**
     * English names of the numbers 0-20, the most stages a roadmap is expected to have (roadmap.sh's longest has about
     * a dozen). Written out here rather than with ICU4J's spell-out rules, a 14 MB library for these 21 words.
     */
    private static final List<String> CARDINALS = List.of(
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty");

    /** The ordinals of {@link #CARDINALS}; there is no ordinal of zero in use. */
    private static final List<String> ORDINALS = List.of(
            "",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth");

    private static String ordinalSuffix(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /**
     * How likely a learner means a node of this kind when several match equally: the roadmap's topics and tools
     * first, with roadmaps and careers (what a learner picks a path by), then FAQ answers and stages, then resources,
     * which mention many names in passing.
     */
    static double prior(Kind kind) {
        return switch (kind) {
            case TOPIC -> 1.0;
            case TOOL, CAREER, ROADMAP -> 0.95;
            case FAQ -> 0.9;
            case STAGE -> 0.85;
            case RESOURCE -> 0.8;
        };
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
