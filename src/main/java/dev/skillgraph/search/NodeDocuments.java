package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    private final Map<String, List<String>> roadmapNames;

    /**
     * @param spoken the folded analyzer, stop words kept ({@link Analyzers#folded}), as the index protects its
     *     symbols ({@link ProtectedWords})
     * @param nodes the nodes indexed: a stage's roadmap is known by the roadmap's name and aliases ({@link
     *     Fields#ROADMAP_NAMES})
     */
    NodeDocuments(SearchParts parts, Analyzer spoken, Collection<IndexedNode> nodes) {
        this.parts = parts;
        this.spoken = spoken;
        this.roadmapNames = nodes.stream()
                .map(IndexedNode::node)
                .filter(node -> node.kind() == Kind.ROADMAP)
                .collect(Collectors.toMap(
                        GraphNode::id,
                        node -> Stream.concat(Stream.of(node.name()), node.aliases().stream())
                                .toList(),
                        (a, b) -> a));
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
        String place = place(node);
        if (place != null) {
            doc.add(new TextField(Fields.ALIASES, place, Field.Store.NO));
            for (String roadmap : roadmapNames(indexed)) {
                doc.add(new TextField(Fields.ROADMAP_NAMES, roadmap, Field.Store.NO));
            }
        }
        List<String> places = places(node);
        for (String said : places) {
            doc.add(new TextField(Fields.SUGGEST, said, Field.Store.NO));
        }
        for (String said : onRoadmaps(places, indexed)) {
            doc.add(new TextField(Fields.SUGGEST, said, Field.Store.NO));
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
        for (String alias : aliasesAndPlace(node)) {
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
     * A stage's places on its roadmap, as roadmap pages number them ("stage 2", first: {@link #place}) and as learners
     * say it ("stage two", "second stage", "2nd stage"), which completions offer; none for other nodes. An ordinal reads
     * as the stage's number, not its position: the learner quotes the page's label, and every shipped roadmap numbers
     * its first stage 0, so "second stage" by position would be the page's "Stage 1".
     */
    static List<String> places(GraphNode node) {
        Integer order = node.order();
        String place = place(node);
        if (place == null || order == null) {
            return List.of();
        }
        List<String> places = new ArrayList<>(List.of(place));
        if (order >= 0 && order < CARDINALS.size()) {
            places.add("stage " + CARDINALS.get(order));
            places.add(ORDINALS.get(order) + " stage");
            places.add(order + ordinalSuffix(order) + " stage");
        }
        return places;
    }

    /**
     * A stage's place as search has it, an alias "stage 2"; null for other nodes. A query's places are written so
     * ({@link #placesAsNumbers}) rather than every way of saying them indexed as aliases: there a number word matched
     * on its own, and {@code two tower model}, {@code zero shot} and {@code second opinion} listed stages 2 and 0.
     */
    static @Nullable String place(GraphNode node) {
        return node.kind() == Kind.STAGE && node.order() != null ? "stage " + node.order() : null;
    }

    /**
     * {@code text} with every place written as {@link #place} has it: "stage two", "second stage" and "2nd stage" as
     * "stage 2"; a number word elsewhere stays as typed.
     */
    static String placesAsNumbers(String text) {
        // Full-width and accented letters too ("ｓｔａｇｅ　ｔｗｏ", "sécond stage"), as the query's words are read
        // (QueryWords#of, the folding analyzer); a text without a place is left exactly as typed.
        String normal = Normalizer.normalize(
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll(""), Normalizer.Form.NFKC);
        if (!CARDINAL_PLACE.matcher(normal).find()
                && !ORDINAL_PLACE.matcher(normal).find()) {
            return text;
        }
        String cardinals = CARDINAL_PLACE.matcher(normal).replaceAll(m -> "stage " + number(m.group(1)));
        return ORDINAL_PLACE.matcher(cardinals).replaceAll(m -> "stage " + number(m.group(1)));
    }

    /** The number a cardinal, an ordinal or a numbered ordinal ("2nd") says. */
    private static int number(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        int cardinal = CARDINALS.indexOf(lower);
        if (cardinal >= 0) {
            return cardinal;
        }
        int ordinal = ORDINALS.indexOf(lower);
        return ordinal >= 0 ? ordinal : Integer.parseInt(lower.replaceAll("\\D", ""));
    }

    /**
     * Whether {@code words} (as typed, places written as numbers: {@link #placesAsNumbers}) name a stage's place:
     * "stage" and a number.
     */
    static boolean namesAPlace(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("stage") && QueryWords.isNumber(words.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** The node's aliases, then its place ({@link #place}): what it is also called, each a whole-alias key. */
    static List<String> aliasesAndPlace(GraphNode node) {
        String place = place(node);
        return place == null
                ? node.aliases()
                : Stream.concat(node.aliases().stream(), Stream.of(place)).toList();
    }

    /**
     * A stage's places with its roadmap's name before them ("MLOps Engineer Roadmap stage 2"), which completions offer
     * ({@code mlops stage tw}: the MLOps roadmap's stage 2; it offered the roadmap and two MLOps topics). Not searched
     * as aliases: there every word of a roadmap's name counted as the stage's own, and {@code let the llm call my
     * functions} put the LLM roadmap's stage 3 above tool calling; search finds a stage's roadmap by its related names.
     */
    private List<String> onRoadmaps(List<String> places, IndexedNode indexed) {
        List<String> qualified = new ArrayList<>();
        for (String roadmap : roadmapNames(indexed)) {
            for (String place : places) {
                qualified.add(roadmap + " " + place);
            }
        }
        return qualified;
    }

    /** The names and aliases of the roadmaps {@code indexed} is on. */
    private List<String> roadmapNames(IndexedNode indexed) {
        return indexed.roadmaps().stream()
                .flatMap(roadmap -> roadmapNames.getOrDefault(roadmap.id(), List.of(roadmap.name())).stream())
                .toList();
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

    /** The ordinals of {@link #CARDINALS}. */
    private static final List<String> ORDINALS = List.of(
            "zeroth",
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

    /** Tens that begin a longer number ("twenty second", "thirty-one"). */
    private static final String TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";

    /**
     * "stage" and a cardinal: "stage two", "stage-two"; not the start of a longer one ("stage one hundred"). Case is
     * ignored in ASCII only: Unicode's case folding would also read "ſecond" (a long s) as "second", a word {@link
     * #number} does not know.
     */
    private static final Pattern CARDINAL_PLACE = Pattern.compile(
            "\\bstage[\\s_-]+(" + String.join("|", CARDINALS) + ")\\b(?![\\s-]+(?:hundred|thousand|million)\\b)",
            Pattern.CASE_INSENSITIVE);

    /**
     * An ordinal, as a word or numbered, and "stage": "second stage", "2nd-stage"; not the end of a longer one
     * ("twenty-second stage", "twenty second stage" are no stage 2).
     */
    private static final Pattern ORDINAL_PLACE = Pattern.compile(
            "(?<![\\w-])(?<!" + TENS + "[\\s-]{1,3})(" + String.join("|", ORDINALS)
                    + "|\\d{1,4}(?:st|nd|rd|th))[\\s_-]+stage\\b",
            Pattern.CASE_INSENSITIVE);

    /** Combining marks, which the folding analyzer drops: "sécond" is "second". */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

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
