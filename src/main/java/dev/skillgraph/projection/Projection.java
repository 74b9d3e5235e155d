package dev.skillgraph.projection;

import dev.skillgraph.domain.ContentHash;
import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RoadmapRef;
import dev.skillgraph.domain.StageRef;
import dev.skillgraph.graph.GraphData;
import dev.skillgraph.graph.GraphState;
import dev.skillgraph.path.LearningPaths;
import dev.skillgraph.path.RoadmapGraph;
import dev.skillgraph.search.IndexedNode;
import dev.skillgraph.search.SearchIndex;
import dev.skillgraph.search.SearchParts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.jspecify.annotations.Nullable;

/**
 * One graph version as the API serves it: the search index and the prerequisite view, built together from the same
 * read of Neo4j and swapped together. Its version is a hash of that content, so every replica reading the same graph
 * reports the same version.
 */
public final class Projection {

    private final String version;
    private final GraphState source;
    private final Instant builtAt;
    private final long buildMillis;
    private final LearningPaths paths;
    private final SearchIndex index;

    private Projection(
            String version,
            GraphState source,
            Instant builtAt,
            long buildMillis,
            LearningPaths paths,
            SearchIndex index) {
        this.version = version;
        this.source = source;
        this.builtAt = builtAt;
        this.buildMillis = buildMillis;
        this.paths = paths;
        this.index = index;
    }

    /** Builds the path view and the search index of {@code data}, searched by words only. */
    public static Projection build(GraphData data, SynonymMap synonyms) {
        return build(data, synonyms, SearchParts.OWN, null);
    }

    /**
     * As {@link #build(GraphData, SynonymMap)}, with the search index's Lucene {@code parts} chosen (benchmarks).
     *
     * @param vectors the nodes' sentence embeddings for semantic retrieval, synced with this graph's texts; null: words
     *     only
     */
    public static Projection build(
            GraphData data, SynonymMap synonyms, SearchParts parts, @Nullable NodeVectors vectors) {
        long started = System.nanoTime();
        List<GraphNode> nodes = sortedNodes(data);
        List<GraphEdge> edges = sortedEdges(data);
        RoadmapGraph graph = RoadmapGraph.of(nodes, edges);
        List<IndexedNode> indexed = new ArrayList<>(nodes.size());
        for (GraphNode node : nodes) {
            indexed.add(new IndexedNode(
                    node,
                    stage(graph, node).orElse(null),
                    related(graph, node),
                    (int) Math.round(graph.weight(node.id())),
                    graph.roadmapsOf(node.id()).stream()
                            .map(graph::require)
                            .map(RoadmapRef::of)
                            .toList()));
        }
        SearchIndex index;
        if (vectors == null) {
            index = SearchIndex.build(indexed, synonyms, parts, null, null);
        } else {
            vectors.sync(indexed);
            index = SearchIndex.build(indexed, synonyms, parts, vectors.encoder(), vectors.index());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Projection(
                version(nodes, edges), data.state(), Instant.now(), millis, new LearningPaths(graph), index);
    }

    public String version() {
        return version;
    }

    /** The version a projection of {@code data} would have, without building it (a hash of its content). */
    public static String versionOf(GraphData data) {
        return version(sortedNodes(data), sortedEdges(data));
    }

    private static String version(List<GraphNode> nodes, List<GraphEdge> edges) {
        return ContentHash.of(nodes, edges).substring(0, 16);
    }

    private static List<GraphNode> sortedNodes(GraphData data) {
        List<GraphNode> nodes = new ArrayList<>(data.nodes());
        nodes.sort(Comparator.comparing(GraphNode::id));
        return nodes;
    }

    private static List<GraphEdge> sortedEdges(GraphData data) {
        List<GraphEdge> edges = new ArrayList<>(data.edges());
        edges.sort(Comparator.comparing(GraphEdge::from)
                .thenComparing(e -> e.type().name())
                .thenComparing(GraphEdge::to));
        return edges;
    }

    /** The state of Neo4j this was built from, to tell whether the graph changed since. */
    public GraphState source() {
        return source;
    }

    public Instant builtAt() {
        return builtAt;
    }

    public long buildMillis() {
        return buildMillis;
    }

    public LearningPaths paths() {
        return paths;
    }

    public RoadmapGraph graph() {
        return paths.graph();
    }

    public SearchIndex index() {
        return index;
    }

    boolean tryIncRef() {
        return index.tryIncRef();
    }

    void decRef() {
        index.decRef();
    }

    int refCount() {
        return index.refCount();
    }

    private static Optional<StageRef> stage(RoadmapGraph graph, GraphNode node) {
        Optional<GraphNode> stage = node.kind() == Kind.STAGE ? Optional.of(node) : graph.stageOf(node.id());
        return stage.map(StageRef::of);
    }

    /**
     * Names of what a node is tied to: its tools and stage, a resource's topics, a stage's topics and roadmap, an
     * FAQ's subject.
     */
    private static List<String> related(RoadmapGraph graph, GraphNode node) {
        List<String> ids = new ArrayList<>();
        if (node.kind() == Kind.STAGE) {
            ids.addAll(graph.roadmapsOf(node.id()));
        }
        ids.addAll(graph.toolsOf(node.id()));
        graph.stageOf(node.id()).ifPresent(stage -> ids.add(stage.id()));
        ids.addAll(graph.taughtBy(node.id()));
        ids.addAll(graph.topicsOfStage(node.id()));
        return ids.stream()
                .map(graph::node)
                .flatMap(Optional::stream)
                .map(GraphNode::name)
                .toList();
    }
}
