package dev.skillgraph.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;

/**
 * Neo4j's own fulltext search over the same texts, as an application with only Neo4j would query it: the yardstick
 * that SkillGraph's search is measured against, for speed (the benchmark harness) and for answers (the relevance suite).
 */
public final class Neo4jFulltext {

    /** The cheapest question: the user's text as the index's query, the top 10 ids and scores. */
    public static final String TOP_TEN =
            """
            CALL db.index.fulltext.queryNodes('entity_text', $q) YIELD node, score
            RETURN node.id AS id, score LIMIT 10
            """;

    /**
     * What it takes to show a result page like SkillGraph's, short of highlights, synonyms and phrase boosts, which
     * Neo4j cannot give: each hit's id, kind, name, summary and stage, the total, and counts by kind and by stage.
     * Called with the text as typed or made {@link #typoTolerant}.
     */
    public static final String RESULT_PAGE =
            """
            CALL db.index.fulltext.queryNodes('entity_text', $q) YIELD node, score
            OPTIONAL MATCH (node)-[:IN_STAGE]->(inStage:Stage)
            WITH node, score, CASE WHEN node:Stage THEN node ELSE inStage END AS stage
            WITH collect({
                id: node.id, kind: head([label IN labels(node) WHERE label <> 'Entity']), name: node.name,
                summary: node.summary, stage: CASE WHEN stage IS NULL THEN null
                    ELSE {id: stage.id, name: stage.name, order: stage.order} END,
                score: score}) AS hits
            RETURN size(hits) AS total, hits[0..10] AS hits,
                COLLECT { UNWIND hits AS hit WITH hit.kind AS kind, count(*) AS count
                          RETURN {value: kind, count: count} } AS byKind,
                COLLECT { UNWIND hits AS hit WITH hit.stage.id AS stage, count(*) AS count WHERE stage IS NOT NULL
                          RETURN {value: stage, count: count} } AS byStage
            """;

    private Neo4jFulltext() {}

    /**
     * The user's text as fulltext syntax with the typo tolerance SkillGraph gives: each word fuzzy by its length (none
     * under 5 letters, one edit up to 8, two from 9), at most {@code maxEdits}, and the last one also as a prefix. Only
     * letters and digits are kept, so the text can never be a syntax error.
     */
    public static String typoTolerant(String text, int maxEdits) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            int edits = Math.min(Spelling.edits(word), maxEdits);
            query.append(i == 0 ? "" : " ").append(word).append(edits == 0 ? "" : "~" + edits);
            if (i == words.size() - 1) {
                query.append(' ').append(word).append('*');
            }
        }
        return query.toString();
    }

    /** The top 10 ids for {@code text} as the user typed it; none when Neo4j refuses the text as syntax. */
    static List<String> topTenIds(Session session, String text) {
        try {
            return session.run(TOP_TEN, Map.of("q", text)).list(r -> r.get("id").asString());
        } catch (ClientException e) {
            return List.of();
        }
    }

    /** The top 10 ids of the result page for {@code text} made {@link #typoTolerant}. */
    static List<String> resultPageIds(Session session, String text, int maxEdits) {
        String query = typoTolerant(text, maxEdits);
        if (query.isEmpty()) {
            return List.of();
        }
        return session.run(RESULT_PAGE, Map.of("q", query)).single().get("hits").asList(hit -> hit.get("id")
                .asString());
    }
}
