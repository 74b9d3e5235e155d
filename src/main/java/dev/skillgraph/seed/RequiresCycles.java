package dev.skillgraph.seed;

import dev.skillgraph.domain.GraphEdge;
import dev.skillgraph.domain.RelType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the cycles of the {@code REQUIRES} edges: one per strongly connected component, as a readable path. */
final class RequiresCycles {

    private RequiresCycles() {}

    /** Each cycle as {@code [start, ..., start]}, starting at the smallest id of its component. */
    static List<List<String>> find(List<GraphEdge> edges) {
        Map<String, List<String>> requires = new LinkedHashMap<>();
        for (GraphEdge edge : edges) {
            if (edge.type() == RelType.REQUIRES) {
                requires.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge.to());
            }
        }
        List<List<String>> cycles = new ArrayList<>();
        for (List<String> component : new StronglyConnected(requires).components()) {
            if (component.size() > 1) {
                String start = component.stream().min(Comparator.naturalOrder()).orElseThrow();
                cycles.add(cyclePath(start, Set.copyOf(component), requires));
            }
        }
        return cycles;
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
                if (component.contains(next) && !parent.containsKey(next)) {
                    parent.put(next, current);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }
}
