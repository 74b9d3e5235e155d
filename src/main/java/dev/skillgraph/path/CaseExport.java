package dev.skillgraph.path;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A roadmap as a 1EdTech CASE 1.1 {@code CFPackage}: the roadmap is the {@code CFDocument}; its stages, the topics in
 * them and every topic or tool they need are {@code CFItem}s; stages hang under the document and topics under their
 * stages by {@code isChildOf} associations; a prerequisite {@code precedes} what needs it; a learning resource is an
 * {@code exemplar} of what it teaches. Field names and required fields are those of the CASE 1.1 package schema
 * (purl.imsglobal.org/spec/case/v1p1/schema/json/case_v1p1_cfpackage-jsonschema1.json), which a test validates
 * against. What CASE has no field for (hours, level, a stage's weeks, a prerequisite's strength) goes into
 * {@code extensions.skillgraph}, so that importing the package gives the same plans.
 *
 * <p>Identifiers are name-based UUIDs (RFC 4122 version 3) of our ids in a SkillGraph namespace: the same roadmap
 * exports the same identifiers every time. A node imported from CASE keeps the identifier it came with.
 */
public final class CaseExport {

    /** The namespace of our name-based UUIDs. */
    private static final UUID NAMESPACE =
            UUID.nameUUIDFromBytes("https://skillgraph.dev/case".getBytes(StandardCharsets.UTF_8));

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    /** Item types, as {@code CFItemType} names them. */
    public static final String STAGE = "Stage";

    public static final String TOPIC = "Topic";
    public static final String TOOL = "Tool";

    /** The package. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CfPackage(
            @JsonProperty("CFDocument") CfDocument document,
            @JsonProperty("CFItems") List<CfItem> items,
            @JsonProperty("CFAssociations") List<CfAssociation> associations) {}

    /** The framework: one roadmap. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CfDocument(
            String identifier,
            String uri,
            String creator,
            String title,
            String lastChangeDateTime,
            @Nullable String description,
            @Nullable String notes,
            String language,
            String caseVersion,
            @Nullable Map<String, Object> extensions) {}

    /** One stage, topic or tool. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CfItem(
            String identifier,
            String fullStatement,
            @JsonProperty("CFItemType") String itemType,
            String uri,
            String humanCodingScheme,
            @Nullable String listEnumeration,
            @Nullable String notes,
            List<String> conceptKeywords,
            String lastChangeDateTime,
            Map<String, Object> extensions) {}

    /** A link between two nodes of the package (or, for an exemplar, to a resource outside it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CfAssociation(
            String identifier,
            String associationType,
            @Nullable Integer sequenceNumber,
            String uri,
            @JsonProperty("originNodeURI") Link origin,
            @JsonProperty("destinationNodeURI") Link destination,
            String lastChangeDateTime,
            @Nullable String notes,
            @Nullable Map<String, Object> extensions) {}

    /** A {@code LinkGenURI}: what an association points at. */
    public record Link(String title, String identifier, String uri) {}

    private final RoadmapGraph graph;
    private final String baseUrl;
    private final String changed;

    /**
     * @param baseUrl the service's address as the client used it (e.g. {@code http://127.0.0.1:7000}): every
     *     {@code uri} is an API address that resolves to the node
     * @param lastChange when the graph last changed (its import time), written as every {@code lastChangeDateTime}
     */
    public CaseExport(RoadmapGraph graph, String baseUrl, Instant lastChange) {
        this.graph = graph;
        this.baseUrl = baseUrl;
        this.changed = DATE_TIME.format(lastChange.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The CASE identifier of a node: the one it was imported with, else a name-based UUID of its id. */
    public static String identifier(GraphNode node) {
        return node.caseIdentifier() != null
                ? node.caseIdentifier().toLowerCase(java.util.Locale.ROOT)
                : uuid(node.id());
    }

    private static String uuid(String name) {
        byte[] namespace = NAMESPACE.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[namespace.length + bytes.length];
        System.arraycopy(namespace, 0, all, 0, namespace.length);
        System.arraycopy(bytes, 0, all, namespace.length, bytes.length);
        return UUID.nameUUIDFromBytes(all).toString();
    }

    /** Roadmap {@code roadmapId} (which the caller checked is a roadmap) as a package. */
    public CfPackage export(String roadmapId) {
        GraphNode roadmap = graph.require(roadmapId);
        List<String> stages = graph.stagesOf(roadmapId);
        Set<String> learnable = closure(
                graph.prerequisitesOf(roadmapId).stream().map(Prerequisite::id).toList());
        Set<String> allStages = new LinkedHashSet<>(stages);
        learnable.forEach(id -> graph.stageOf(id).ifPresent(stage -> allStages.add(stage.id())));

        Map<String, CfItem> items = new LinkedHashMap<>();
        allStages.forEach(id -> items.put(id, item(graph.require(id))));
        learnable.forEach(id -> items.put(id, item(graph.require(id))));
        Link document = new Link(roadmap.name(), identifier(roadmap), uri(roadmap));

        List<CfAssociation> associations = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            associations.add(association("isChildOf", i + 1, graph.require(stages.get(i)), document, null, null));
        }
        for (String id : learnable) {
            GraphNode node = graph.require(id);
            graph.stageOf(id)
                    .ifPresent(home -> associations.add(association("isChildOf", null, node, link(home), null, null)));
        }
        for (String stage : stages) {
            for (String topic : graph.topicsOfStage(stage)) {
                if (graph.stageOf(topic).filter(home -> home.id().equals(stage)).isEmpty()) {
                    associations.add(association(
                            "isChildOf",
                            null,
                            graph.require(topic),
                            link(graph.require(stage)),
                            null,
                            Map.of("skillgraph", Map.of("includes", true))));
                }
            }
        }
        for (String id : learnable) {
            GraphNode node = graph.require(id);
            for (Prerequisite p : graph.prerequisitesOf(id)) {
                if (items.containsKey(p.id())) {
                    associations.add(association(
                            "precedes",
                            null,
                            graph.require(p.id()),
                            link(node),
                            p.reason(),
                            Map.of("skillgraph", Map.of("strength", p.strength()))));
                }
            }
            for (String resourceId : graph.resourcesFor(id)) {
                GraphNode resource = graph.require(resourceId);
                if (resource.url() != null) {
                    Map<String, Object> facts = new LinkedHashMap<>();
                    facts.put("id", resource.id());
                    putIfSet(facts, "format", resource.format());
                    putIfSet(facts, "summary", resource.summary());
                    associations.add(association(
                            "exemplar",
                            null,
                            node,
                            new Link(resource.name(), identifier(resource), resource.url()),
                            null,
                            Map.of("skillgraph", facts)));
                }
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", roadmap.id());
        putIfSet(facts, "audience", roadmap.audience());
        putIfSet(facts, "duration", roadmap.duration());
        putIfSet(facts, "difficulty", roadmap.difficulty());
        putIfSet(facts, "aliases", roadmap.aliases().isEmpty() ? null : roadmap.aliases());
        CfDocument cfDocument = new CfDocument(
                identifier(roadmap),
                uri(roadmap),
                "SkillGraph",
                roadmap.name(),
                changed,
                roadmap.summary(),
                roadmap.description(),
                "en",
                "1.1",
                Map.of("skillgraph", facts));
        return new CfPackage(cfDocument, List.copyOf(items.values()), associations);
    }

    /** The topics and tools {@code start} are and need, prerequisites first found, each once. */
    private Set<String> closure(List<String> start) {
        Set<String> seen = new LinkedHashSet<>(start);
        Deque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            for (Prerequisite p : graph.prerequisitesOf(todo.pop())) {
                if (seen.add(p.id())) {
                    todo.push(p.id());
                }
            }
        }
        return seen;
    }

    private CfItem item(GraphNode node) {
        Map<String, Object> facts = new LinkedHashMap<>();
        // Exact, not the one decimal answers show: an import must get back the hours it exported.
        putIfSet(facts, "hours", node.hours() == null ? null : BigDecimal.valueOf(node.hours()));
        putIfSet(facts, "level", node.level());
        putIfSet(facts, "description", node.description());
        putIfSet(facts, "url", node.url());
        putIfSet(facts, "weeks", node.weeks());
        putIfSet(facts, "roadmapLine", node.roadmapLine());
        putIfSet(facts, "roadmap", node.roadmap());
        String type = node.kind() == Kind.STAGE ? STAGE : node.kind() == Kind.TOOL ? TOOL : TOPIC;
        return new CfItem(
                identifier(node),
                node.name(),
                type,
                uri(node),
                node.id(),
                node.order() == null ? null : String.valueOf(node.order()),
                node.summary(),
                node.aliases(),
                changed,
                facts.isEmpty() ? Map.of() : Map.of("skillgraph", facts));
    }

    private CfAssociation association(
            String type,
            @Nullable Integer sequence,
            GraphNode origin,
            Link destination,
            @Nullable String notes,
            @Nullable Map<String, Object> extensions) {
        String identifier = uuid("association:" + type + ":" + origin.id() + ":" + destination.identifier());
        return new CfAssociation(
                identifier,
                type,
                sequence,
                "urn:uuid:" + identifier,
                link(origin),
                destination,
                changed,
                notes,
                extensions);
    }

    private Link link(GraphNode node) {
        return new Link(node.name(), identifier(node), uri(node));
    }

    private String uri(GraphNode node) {
        return node.kind() == Kind.ROADMAP
                ? baseUrl + "/api/roadmaps/" + node.id() + "?format=case"
                : baseUrl + "/api/nodes/" + node.id();
    }

    private static void putIfSet(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
