package dev.skillgraph.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a graph's content (its nodes and edges as canonical JSON, map keys sorted), as 64 hex digits: equal
 * content gives an equal hash on every machine, so the importer can skip an unchanged seed and replicas can agree on a
 * projection's version.
 */
public final class ContentHash {

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ContentHash() {}

    /** The hash of {@code nodes} and {@code edges}, in the order given (callers sort them first). */
    public static String of(List<GraphNode> nodes, List<GraphEdge> edges) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(CANONICAL.writeValueAsBytes(List.of(nodes, edges)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the graph", e); // SHA-256 is in every JDK; records serialise
        }
    }
}
