package dev.skillgraph.seed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tarjan's strongly connected components, iterative so that deep prerequisite chains cannot overflow the stack. */
final class StronglyConnected {

    private final Map<String, List<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<List<String>> components = new ArrayList<>();
    private int counter;

    StronglyConnected(Map<String, List<String>> edges) {
        this.edges = edges;
    }

    List<List<String>> components() {
        Set<String> vertices = new LinkedHashSet<>(edges.keySet());
        edges.values().forEach(vertices::addAll);
        for (String vertex : vertices) {
            if (!index.containsKey(vertex)) {
                visit(vertex);
            }
        }
        return components;
    }

    private void visit(String root) {
        Deque<Map.Entry<String, Integer>> work = new ArrayDeque<>();
        enter(root);
        work.push(Map.entry(root, 0));
        while (!work.isEmpty()) {
            Map.Entry<String, Integer> frame = work.pop();
            String vertex = frame.getKey();
            List<String> next = edges.getOrDefault(vertex, List.of());
            int i = frame.getValue();
            if (i < next.size()) {
                work.push(Map.entry(vertex, i + 1));
                String child = next.get(i);
                if (!index.containsKey(child)) {
                    enter(child);
                    work.push(Map.entry(child, 0));
                } else if (onStack.contains(child)) {
                    low.put(vertex, Math.min(visited(low, vertex), visited(index, child)));
                }
                continue;
            }
            if (visited(low, vertex) == visited(index, vertex)) {
                List<String> component = new ArrayList<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(vertex));
                components.add(component);
            }
            if (!work.isEmpty()) {
                String parent = work.peek().getKey();
                low.put(parent, Math.min(visited(low, parent), visited(low, vertex)));
            }
        }
    }

    private void enter(String vertex) {
        index.put(vertex, counter);
        low.put(vertex, counter);
        counter++;
        stack.push(vertex);
        onStack.add(vertex);
    }

    /** The number recorded for a vertex already entered. */
    private static int visited(Map<String, Integer> numbers, String vertex) {
        Integer number = numbers.get(vertex);
        if (number == null) {
            throw new IllegalStateException("vertex not entered yet: " + vertex);
        }
        return number;
    }
}
