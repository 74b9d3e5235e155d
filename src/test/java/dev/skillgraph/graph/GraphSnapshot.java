package dev.skillgraph.graph;

import java.util.List;
import java.util.TreeMap;
import org.neo4j.driver.Driver;

/** Everything in a database, as sorted text, so two states of a graph can be compared for equality in tests. */
public record GraphSnapshot(List<String> nodes, List<String> relationships) {

    public static GraphSnapshot of(Driver driver) {
        List<String> nodes = driver
                .executableQuery(
                        """
                        MATCH (n) RETURN n ORDER BY coalesce(n.id, '') , elementId(n)
                        """)
                .execute()
                .records()
                .stream()
                .map(r -> r.get("n").asNode())
                .map(n -> n.labels() + " " + new TreeMap<>(n.asMap()))
                .sorted()
                .toList();
        List<String> relationships = driver
                .executableQuery(
                        """
                        MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b
                        """)
                .execute()
                .records()
                .stream()
                .map(r -> r.get("a").asString("?") + " -" + r.get("type").asString() + " "
                        + new TreeMap<String, Object>(r.get("props").asMap()) + "-> "
                        + r.get("b").asString("?"))
                .sorted()
                .toList();
        return new GraphSnapshot(nodes, relationships);
    }

    /** The snapshot without the import bookkeeping node, whose timestamps change with every import. */
    public GraphSnapshot withoutMeta() {
        return new GraphSnapshot(
                nodes.stream().filter(n -> !n.contains("SkillGraphMeta")).toList(), relationships);
    }
}
