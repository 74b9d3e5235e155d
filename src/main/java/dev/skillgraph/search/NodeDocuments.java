package dev.skillgraph.search;

import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    /** The word "roadmap" ending a roadmap's name or alias ("MLOps Engineer Roadmap"). */
    private static final Pattern ROADMAP_WORD = Pattern.compile("(?i)\\s+roadmap\\s*$");

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
        String place = StagePlaces.place(node);
        if (place != null) {
            doc.add(new TextField(Fields.ALIASES, place, Field.Store.NO));
            for (String roadmap : roadmapNames(indexed)) {
                doc.add(new TextField(Fields.ROADMAP_NAMES, roadmap, Field.Store.NO));
            }
        }
        List<String> places = StagePlaces.places(node);
        for (String said : places) {
            doc.add(new TextField(Fields.SUGGEST, said, Field.Store.NO));
        }
        for (String said : onRoadmaps(places, indexed)) {
            doc.add(new TextField(Fields.SUGGEST, said, Field.Store.NO));
        }
        for (String related : indexed.related()) {
            doc.add(new TextField(Fields.RELATED, related, Field.Store.NO));
        }
        if (node.format() != null) {
            doc.add(new TextField(Fields.CONTEXT, node.format(), Field.Store.NO));
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
     * The node's aliases, then its place ({@link StagePlaces#place}): what it is also called, each a whole-alias key.
     */
    static List<String> aliasesAndPlace(GraphNode node) {
        String place = StagePlaces.place(node);
        return place == null
                ? node.aliases()
                : Stream.concat(node.aliases().stream(), Stream.of(place)).toList();
    }

    /**
     * A stage's places with its roadmap's name before them ("MLOps Engineer Roadmap stage 2"), which completions offer
     * ({@code mlops stage tw}: the MLOps roadmap's stage 2; it offered the roadmap and two MLOps topics). Not searched
     * as aliases: there every word of a roadmap's name counted as the stage's own, and {@code let the llm call my
     * functions} put the LLM roadmap's stage 3 above tool calling; search finds a stage's roadmap by its related names, and where the query names a place by {@link
     * Fields#ROADMAP_NAMES}.
     */
    private List<String> onRoadmaps(List<String> places, IndexedNode indexed) {
        List<String> qualified = new ArrayList<>();
        for (String roadmap : roadmapNames(indexed)) {
            // Said without the word "roadmap" too, as learners name it before a place (ml engineer stage 1).
            String without = ROADMAP_WORD.matcher(roadmap).replaceAll("").strip();
            for (String name :
                    without.isEmpty() || without.equals(roadmap) ? List.of(roadmap) : List.of(roadmap, without)) {
                for (String place : places) {
                    qualified.add(name + " " + place);
                }
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
