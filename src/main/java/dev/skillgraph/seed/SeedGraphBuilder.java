package dev.skillgraph.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skillgraph.domain.ContentHash;
import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RelType;
import dev.skillgraph.domain.SeedGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns schema-valid seed entries into a graph and checks what a JSON Schema cannot say: ids unique across all files,
 * references that name an existing node of the right kind, no entry naming itself, and an acyclic {@code REQUIRES}
 * graph. Not thread-safe: one builder per load.
 */
final class SeedGraphBuilder {

    /** Top-level keys of a seed file and the kind of node each lists (the schema's root properties). */
    private static final Map<String, Kind> SECTIONS = Map.of(
            "roadmaps", Kind.ROADMAP,
            "stages", Kind.STAGE,
            "topics", Kind.TOPIC,
            "tools", Kind.TOOL,
            "resources", Kind.RESOURCE,
            "careers", Kind.CAREER,
            "faqs", Kind.FAQ);

    /** The fields holding references, and the relationship each makes. */
    private static final Map<String, RelType> REFERENCES = Map.of(
            "stage", RelType.IN_STAGE,
            "uses", RelType.USES,
            "teaches", RelType.TEACHES,
            "leadsTo", RelType.LEADS_TO,
            "about", RelType.ABOUT,
            "stages", RelType.HAS_STAGE,
            "includes", RelType.INCLUDES);

    /** Where an entry was read, for messages. */
    private record Origin(String file, String entry) {

        /** The pack: the file's folder under the seed directory, or "" for a file directly in it. */
        String pack() {
            int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
            return slash < 0 ? "" : file.substring(0, slash);
        }
    }

    /** A reference from one entry to another id, checked once all ids are known. */
    private record Reference(
            Origin origin, String from, RelType type, String to, @Nullable String reason, @Nullable String strength) {}

    private final List<SeedProblem> problems;
    private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
    private final Map<String, Origin> origins = new LinkedHashMap<>();
    private final Set<String> refused = new HashSet<>();
    private final List<Reference> references = new ArrayList<>();
    private final Map<String, List<String>> stageLists = new HashMap<>();

    /** A builder that adds what it finds wrong to {@code problems}. */
    SeedGraphBuilder(List<SeedProblem> problems) {
        this.problems = problems;
    }

    /**
     * Adds the entries of {@code file}; entries whose labels are in {@code invalidEntries} broke a schema rule and are
     * only remembered as refused, so that references to them are not reported a second time.
     */
    void add(SeedFile file, Set<String> invalidEntries) {
        for (var sections = file.tree().fields(); sections.hasNext(); ) {
            var section = sections.next();
            Kind kind = SECTIONS.get(section.getKey());
            if (kind == null || !section.getValue().isArray()) {
                continue; // reported by the schema
            }
            for (int index = 0; index < section.getValue().size(); index++) {
                JsonNode entry = section.getValue().get(index);
                String label = file.entryLabel(section.getKey(), index);
                String id = entry.path("id").isTextual() ? entry.path("id").asText() : null;
                if (invalidEntries.contains(label) || id == null) {
                    if (id != null) {
                        refused.add(id);
                    }
                    continue;
                }
                addEntry(kind, id, entry, new Origin(file.name(), label));
            }
        }
    }

    private void addEntry(Kind kind, String id, JsonNode entry, Origin origin) {
        Origin first = origins.putIfAbsent(id, origin);
        GraphNode node = SeedEntries.node(kind, entry);
        if (first != null) {
            GraphNode earlier = nodes.get(id);
            if (earlier != null && sameNode(earlier, node)) {
                // The same CASE item (or learning resource) in two packages, as each SkillGraph export carries what
                // its roadmap shares with others: one node, with the links of both (a stage's includes, a resource's
                // topics); a link both give is kept once.
                addReferences(id, entry, origin);
                return;
            }
            problem(origin, "duplicate id '" + id + "', first defined in " + first.file() + ": " + first.entry());
            return;
        }
        nodes.put(id, node);
        if (kind == Kind.ROADMAP) {
            stageLists.put(id, SeedEntries.texts(entry.get("stages")));
        }
        addReferences(id, entry, origin);
    }

    /** Two entries describe one node when they carry the same CASE identifier, or are resources at the same URL. */
    private static boolean sameNode(GraphNode earlier, GraphNode later) {
        if (earlier.kind() != later.kind()) {
            return false;
        }
        if (earlier.caseIdentifier() != null) {
            return earlier.caseIdentifier().equalsIgnoreCase(later.caseIdentifier());
        }
        return earlier.kind() == Kind.RESOURCE
                && earlier.url() != null
                && earlier.url().equals(later.url());
    }

    private void addReferences(String id, JsonNode entry, Origin origin) {
        REFERENCES.forEach((field, type) -> SeedEntries.texts(entry.get(field))
                .forEach(to -> references.add(new Reference(origin, id, type, to, null, null))));
        Set<String> required = new HashSet<>();
        for (JsonNode item : entry.path("requires")) {
            String to =
                    item.isTextual() ? item.asText().strip() : item.path("id").asText();
            if (!required.add(to)) {
                problem(origin, "field 'requires' names '" + to + "' twice");
                continue;
            }
            String strength = item.path("strength").asText("hard");
            references.add(
                    new Reference(origin, id, RelType.REQUIRES, to, SeedEntries.text(item.get("reason")), strength));
        }
    }

    /** The graph, once every file is added: its references are resolved and, if nothing else is wrong, its cycles. */
    SeedGraph build() {
        List<GraphEdge> edges = resolveReferences();
        Roadmaps.check(nodes, edges, stageLists, (id, message) -> problem(originOf(id), message));
        if (problems.isEmpty()) {
            RequiresCycles.find(edges)
                    .forEach(cycle -> problem(
                            originOf(cycle.get(0)),
                            "'requires' forms a cycle: " + String.join(" -> ", cycle)
                                    + " (a prerequisite graph must be acyclic)"));
        }
        Map<String, String> packs = new HashMap<>();
        origins.forEach((id, origin) -> packs.put(id, origin.pack()));
        List<GraphNode> sorted = new ArrayList<>(Roadmaps.assignHomes(nodes, edges, packs));
        sorted.sort(Comparator.comparing(GraphNode::id));
        return new SeedGraph(sorted, edges, ContentHash.of(sorted, edges));
    }

    private List<GraphEdge> resolveReferences() {
        List<GraphEdge> edges = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Reference ref : references) {
            if (!seen.add(ref.from() + " " + ref.type() + " " + ref.to())) {
                continue; // the same link from a node described twice (sameNode)
            }
            String field = "'" + fieldOf(ref.type()) + "'";
            if (ref.from().equals(ref.to())) {
                problem(ref.origin(), field + " names the entry itself ('" + ref.to() + "')");
                continue;
            }
            GraphNode target = nodes.get(ref.to());
            if (target == null) {
                if (!refused.contains(ref.to())) { // a refused entry's own problems are reported already
                    problem(ref.origin(), field + " names unknown id '" + ref.to() + "'");
                }
                continue;
            }
            Set<Kind> allowed = ref.type().targetKinds();
            if (!allowed.contains(target.kind())) {
                problem(
                        ref.origin(),
                        field + " names '" + ref.to() + "', a " + target.kind().key() + "; it must name a "
                                + allowed.stream().map(Kind::key).sorted().toList());
                continue;
            }
            edges.add(new GraphEdge(ref.from(), ref.type(), ref.to(), ref.reason(), ref.strength()));
        }
        edges.sort(Comparator.comparing(GraphEdge::from)
                .thenComparing(e -> e.type().name())
                .thenComparing(GraphEdge::to));
        return edges;
    }

    private static String fieldOf(RelType type) {
        if (type == RelType.REQUIRES) {
            return "requires";
        }
        return REFERENCES.entrySet().stream()
                .filter(e -> e.getValue() == type)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private Origin originOf(String id) {
        return Objects.requireNonNull(origins.get(id), "every node has an origin");
    }

    private void problem(Origin origin, String message) {
        problems.add(new SeedProblem(origin.file(), origin.entry(), message));
    }
}
