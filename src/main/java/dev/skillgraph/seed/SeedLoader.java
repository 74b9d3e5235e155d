package dev.skillgraph.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.skillgraph.domain.ContentHash;
import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.GraphNode;
import dev.skillgraph.domain.Kind;
import dev.skillgraph.domain.RelType;
import dev.skillgraph.domain.SeedGraph;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads every pack of a seed directory and validates all of it before anything is written: it reports every problem
 * at once (bad YAML, unknown kinds or fields, missing fields, wrong types, duplicate ids, dangling references,
 * self-loops and {@code REQUIRES} cycles with their path) or returns a {@link SeedGraph} ready to import.
 */
public final class SeedLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Set<String> LEVELS = Set.of("beginner", "intermediate", "advanced");
    private static final Set<String> FORMATS = Set.of("book", "course", "paper", "docs", "video", "tutorial");
    private static final Set<String> STRENGTHS = Set.of("hard", "soft");
    private static final Set<String> REQUIRES_KEYS = Set.of("id", "reason", "strength");
    private static final Set<Kind> PREREQUISITE_KINDS = Set.of(Kind.TOPIC, Kind.TOOL);

    /** Top-level keys of a seed file and the kind of node each lists. */
    private static final Map<String, Kind> SECTIONS = Map.of(
            "stages", Kind.STAGE,
            "topics", Kind.TOPIC,
            "tools", Kind.TOOL,
            "resources", Kind.RESOURCE,
            "careers", Kind.CAREER,
            "faqs", Kind.FAQ);

    private static final Set<String> COMMON =
            Set.of("id", "name", "summary", "description", "aliases", "hours", "level");

    private static final Map<Kind, Set<String>> FIELDS = Map.of(
            Kind.STAGE, union(COMMON, "order", "weeks", "leadsTo"),
            Kind.TOPIC, union(COMMON, "stage", "roadmapLine", "uses", "requires", "leadsTo", "url"),
            Kind.TOOL, union(COMMON, "url", "requires"),
            Kind.RESOURCE, union(COMMON, "url", "format", "teaches"),
            Kind.CAREER, union(COMMON, "salary", "requires"),
            Kind.FAQ, Set.of("id", "question", "answer", "summary", "aliases", "about"));

    private static final Map<Kind, Set<String>> REQUIRED = Map.of(
            Kind.STAGE, Set.of("id", "name", "summary", "order"),
            Kind.TOPIC, Set.of("id", "name", "summary", "stage"),
            Kind.TOOL, Set.of("id", "name", "summary"),
            Kind.RESOURCE, Set.of("id", "name", "summary", "url", "format", "teaches"),
            Kind.CAREER, Set.of("id", "name", "summary"),
            Kind.FAQ, Set.of("id", "question", "answer"));

    private final ObjectMapper yaml = new ObjectMapper(yamlFactory());
    private final ObjectMapper canonicalJson =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** Files up to 64 MiB: SnakeYAML's default limit of 3 MiB refused a 10,000-topic pack. */
    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    /** The fields an entry of {@code kind} may have (the JSON Schema in graph-seed/schema says the same). */
    static Set<String> allowedFields(Kind kind) {
        return FIELDS.get(kind);
    }

    /** The fields an entry of {@code kind} must have. */
    static Set<String> requiredFields(Kind kind) {
        return REQUIRED.get(kind);
    }

    /** Where an entry was read, for messages. */
    private record Origin(String file, String entry) {}

    /** A reference from one entry to another id, checked once all ids are known. */
    private record Reference(Origin origin, String from, RelType type, String to, String reason, String strength) {}

    private final class Run {
        final Path root;
        final List<SeedProblem> problems = new ArrayList<>();
        final Map<String, GraphNode> nodes = new LinkedHashMap<>();
        final Map<String, Origin> origins = new LinkedHashMap<>();
        final Set<String> refused = new HashSet<>();
        final List<Reference> references = new ArrayList<>();

        Run(Path root) {
            this.root = root;
        }

        void problem(Origin origin, String message) {
            problems.add(new SeedProblem(origin.file(), origin.entry(), message));
        }
    }

    /**
     * Loads and validates the packs under {@code seedDir}: the directory itself if it holds {@code *.yaml} files,
     * and each direct subdirectory that does.
     *
     * @throws SeedException listing every problem when the seed is not valid
     */
    public SeedGraph load(Path seedDir) {
        Run run = new Run(seedDir);
        List<Path> files = seedFiles(seedDir, run);
        for (Path file : files) {
            readFile(file, run);
        }
        List<GraphEdge> edges = checkReferences(run);
        if (run.problems.isEmpty()) {
            checkCycles(edges, run);
        }
        if (!run.problems.isEmpty()) {
            throw new SeedException(run.problems);
        }
        List<GraphNode> nodes = new ArrayList<>(run.nodes.values());
        nodes.sort(Comparator.comparing(GraphNode::id));
        return new SeedGraph(nodes, edges, ContentHash.of(nodes, edges));
    }

    private List<Path> seedFiles(Path seedDir, Run run) {
        Origin whole = new Origin(seedDir.toString(), "");
        if (!Files.isDirectory(seedDir)) {
            run.problem(whole, "seed directory does not exist (set SKILLGRAPH_SEED_DIR)");
            throw new SeedException(run.problems);
        }
        List<Path> files = new ArrayList<>(yamlFiles(seedDir));
        try (Stream<Path> children = Files.list(seedDir)) {
            children.filter(Files::isDirectory).sorted().forEach(pack -> files.addAll(yamlFiles(pack)));
        } catch (IOException e) {
            run.problem(whole, "cannot list the seed directory: " + e.getMessage());
        }
        if (files.isEmpty() && run.problems.isEmpty()) {
            run.problem(whole, "no seed pack found: expected *.yaml files in it or in its subdirectories");
        }
        if (!run.problems.isEmpty()) {
            throw new SeedException(run.problems);
        }
        return files;
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void readFile(Path file, Run run) {
        Origin whole = new Origin(run.root.relativize(file).toString(), "");
        JsonNode tree;
        try {
            tree = yaml.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            run.problem(whole, "not valid YAML" + where + ": " + e.getOriginalMessage());
            return;
        } catch (IOException e) {
            run.problem(whole, "cannot read: " + e.getMessage());
            return;
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            run.problem(whole, "file is empty");
            return;
        }
        if (!tree.isObject()) {
            run.problem(whole, "expected a mapping with sections " + sorted(SECTIONS.keySet()));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            Kind kind = SECTIONS.get(section.getKey());
            if (kind == null) {
                run.problem(
                        whole,
                        "unknown kind of entry '" + section.getKey() + "'; expected one of "
                                + sorted(SECTIONS.keySet()));
                continue;
            }
            if (!section.getValue().isArray()) {
                run.problem(whole, "section '" + section.getKey() + "' must be a list of entries");
                continue;
            }
            int index = 0;
            for (JsonNode entry : section.getValue()) {
                String label = section.getKey() + "[" + index++ + "]";
                if (entry.hasNonNull("id") && entry.get("id").isTextual()) {
                    label += " '" + entry.get("id").asText() + "'";
                }
                readEntry(kind, entry, new Origin(whole.file(), label), run);
            }
        }
    }

    private void readEntry(Kind kind, JsonNode entry, Origin origin, Run run) {
        if (!entry.isObject()) {
            run.problem(origin, "must be a mapping of fields");
            return;
        }
        int before = run.problems.size();
        Set<String> allowed = FIELDS.get(kind);
        entry.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                run.problem(
                        origin, "unknown field '" + field + "' for a " + kind.key() + "; allowed: " + sorted(allowed));
            }
        });
        for (String field : sorted(REQUIRED.get(kind))) {
            JsonNode value = entry.get(field);
            if (value == null
                    || value.isNull()
                    || (value.isTextual() && value.asText().isBlank())) {
                run.problem(origin, "missing required field '" + field + "'");
            }
        }
        Fields f = new Fields(entry, origin, run);
        String id = f.text("id");
        if (id != null && !ID.matcher(id).matches()) {
            run.problem(origin, "id '" + id + "' must be a lowercase slug such as 'linear-regression'");
        }
        String url = f.text("url");
        if (url != null && !isWebUrl(url)) {
            run.problem(origin, "url '" + url + "' must be an absolute http(s) URL");
        }
        String level = f.oneOf("level", LEVELS);
        String format = f.oneOf("format", FORMATS);
        Integer hours = f.integer("hours", 1, 10_000);
        Integer order = f.integer("order", 0, 1_000);
        GraphNode node = new GraphNode(
                id == null ? "" : id,
                kind,
                kind == Kind.FAQ ? f.text("question") : f.text("name"),
                f.text("summary"),
                kind == Kind.FAQ ? f.text("answer") : f.text("description"),
                f.texts("aliases"),
                hours,
                level,
                url,
                order,
                f.text("weeks"),
                format,
                f.text("salary"),
                f.text("roadmapLine"),
                GraphNode.SEED_SOURCE);
        if (id != null) {
            f.references("stage", RelType.IN_STAGE);
            f.references("uses", RelType.USES);
            f.references("teaches", RelType.TEACHES);
            f.references("leadsTo", RelType.LEADS_TO);
            f.references("about", RelType.ABOUT);
            f.requires();
        }
        if (id == null) {
            return;
        }
        if (run.problems.size() > before) {
            run.refused.add(id);
            return;
        }
        Origin first = run.origins.putIfAbsent(id, origin);
        if (first != null) {
            run.problem(origin, "duplicate id '" + id + "', first defined in " + first.file() + ": " + first.entry());
            return;
        }
        run.nodes.put(id, node);
    }

    /** Typed access to one entry's fields, recording a problem for each value of the wrong type. */
    private static final class Fields {
        private final JsonNode entry;
        private final Origin origin;
        private final Run run;

        Fields(JsonNode entry, Origin origin, Run run) {
            this.entry = entry;
            this.origin = origin;
            this.run = run;
        }

        String text(String field) {
            JsonNode value = entry.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isValueNode() || value.isBoolean()) {
                run.problem(origin, "field '" + field + "' must be text");
                return null;
            }
            String text = value.asText().strip();
            return text.isEmpty() ? null : text;
        }

        String oneOf(String field, Set<String> allowed) {
            String value = text(field);
            if (value != null && !allowed.contains(value)) {
                run.problem(origin, "field '" + field + "' is '" + value + "'; allowed: " + sorted(allowed));
                return null;
            }
            return value;
        }

        Integer integer(String field, int min, int max) {
            JsonNode value = entry.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
                run.problem(
                        origin,
                        "field '" + field + "' must be a whole number from " + min + " to " + max + ", got '"
                                + value.asText() + "'");
                return null;
            }
            return value.asInt();
        }

        List<String> texts(String field) {
            JsonNode value = entry.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (value.isTextual()) {
                return List.of(value.asText().strip());
            }
            List<String> texts = new ArrayList<>();
            if (!value.isArray()) {
                run.problem(origin, "field '" + field + "' must be a list of text");
                return texts;
            }
            for (JsonNode item : value) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    run.problem(origin, "field '" + field + "' must contain only text, found '" + item + "'");
                } else {
                    texts.add(item.asText().strip());
                }
            }
            return texts;
        }

        void references(String field, RelType type) {
            String from = entry.get("id").asText();
            Set<String> seen = new HashSet<>();
            for (String to : texts(field)) {
                if (!seen.add(to)) {
                    run.problem(origin, "field '" + field + "' names '" + to + "' twice");
                } else {
                    run.references.add(new Reference(origin, from, type, to, null, null));
                }
            }
        }

        void requires() {
            JsonNode value = entry.get("requires");
            if (value == null || value.isNull()) {
                return;
            }
            if (!value.isArray()) {
                run.problem(origin, "field 'requires' must be a list of ids or of {id, reason, strength}");
                return;
            }
            String from = entry.get("id").asText();
            Set<String> seen = new HashSet<>();
            for (JsonNode item : value) {
                String to;
                String reason = null;
                String strength = "hard";
                if (item.isTextual()) {
                    to = item.asText().strip();
                } else if (item.isObject()) {
                    item.fieldNames().forEachRemaining(key -> {
                        if (!REQUIRES_KEYS.contains(key)) {
                            run.problem(
                                    origin,
                                    "unknown field '" + key + "' in a 'requires' item; allowed: "
                                            + sorted(REQUIRES_KEYS));
                        }
                    });
                    Fields itemFields = new Fields(item, origin, run);
                    to = itemFields.text("id");
                    reason = itemFields.text("reason");
                    String given = itemFields.oneOf("strength", STRENGTHS);
                    strength = given == null ? strength : given;
                } else {
                    to = null;
                }
                if (to == null || to.isBlank()) {
                    run.problem(origin, "every 'requires' item needs an id, found '" + item + "'");
                } else if (!seen.add(to)) {
                    run.problem(origin, "field 'requires' names '" + to + "' twice");
                } else {
                    run.references.add(new Reference(origin, from, RelType.REQUIRES, to, reason, strength));
                }
            }
        }
    }

    private List<GraphEdge> checkReferences(Run run) {
        List<GraphEdge> edges = new ArrayList<>();
        for (Reference ref : run.references) {
            if (!run.nodes.containsKey(ref.from())) {
                continue; // the entry itself was refused; its problem is already reported
            }
            if (ref.from().equals(ref.to())) {
                run.problem(ref.origin(), fieldOf(ref.type()) + " names the entry itself ('" + ref.to() + "')");
                continue;
            }
            GraphNode target = run.nodes.get(ref.to());
            if (target == null) {
                if (!run.refused.contains(ref.to())) { // a refused entry's own problems are reported already
                    run.problem(ref.origin(), fieldOf(ref.type()) + " names unknown id '" + ref.to() + "'");
                }
                continue;
            }
            Set<Kind> allowed = targetKinds(ref.type());
            if (!allowed.contains(target.kind())) {
                run.problem(
                        ref.origin(),
                        fieldOf(ref.type()) + " names '" + ref.to() + "', a "
                                + target.kind().key() + "; it must name a "
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
        return switch (type) {
            case REQUIRES -> "'requires'";
            case IN_STAGE -> "'stage'";
            case USES -> "'uses'";
            case TEACHES -> "'teaches'";
            case LEADS_TO -> "'leadsTo'";
            case ABOUT -> "'about'";
        };
    }

    private static Set<Kind> targetKinds(RelType type) {
        return switch (type) {
            case REQUIRES, TEACHES -> PREREQUISITE_KINDS;
            case IN_STAGE -> Set.of(Kind.STAGE);
            case USES -> Set.of(Kind.TOOL);
            case LEADS_TO -> Set.of(Kind.CAREER);
            case ABOUT -> Set.of(Kind.values());
        };
    }

    /** Reports each strongly connected component of {@code REQUIRES} as one cycle, with its path. */
    private void checkCycles(List<GraphEdge> edges, Run run) {
        Map<String, List<String>> requires = new LinkedHashMap<>();
        for (GraphEdge edge : edges) {
            if (edge.type() == RelType.REQUIRES) {
                requires.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge.to());
            }
        }
        for (List<String> component : new StronglyConnected(requires).components()) {
            if (component.size() < 2) {
                continue;
            }
            String start = component.stream().min(Comparator.naturalOrder()).orElseThrow();
            List<String> path = cyclePath(start, Set.copyOf(component), requires);
            run.problem(
                    run.origins.get(start),
                    "'requires' forms a cycle: " + String.join(" -> ", path)
                            + " (a prerequisite graph must be acyclic)");
        }
    }

    /** A path start -> ... -> start inside one strongly connected component (one exists by definition). */
    private static List<String> cyclePath(String start, Set<String> component, Map<String, List<String>> requires) {
        Map<String, String> parent = new LinkedHashMap<>();
        List<String> queue = new ArrayList<>(List.of(start));
        for (int i = 0; i < queue.size(); i++) {
            String current = queue.get(i);
            for (String next : requires.getOrDefault(current, List.of())) {
                if (next.equals(start)) {
                    List<String> cycle = new ArrayList<>();
                    for (String at = current; at != null; at = parent.get(at)) {
                        cycle.add(0, at);
                    }
                    cycle.add(start);
                    return cycle;
                }
                if (component.contains(next) && !next.equals(start) && !parent.containsKey(next)) {
                    parent.put(next, current);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
