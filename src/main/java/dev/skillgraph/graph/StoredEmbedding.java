package dev.skillgraph.graph;

/**
 * A sentence embedding as stored on its node.
 *
 * @param key a hash of the model and the text it was computed from: a different key means the vector is stale
 * @param vector the unit vector, 384 floats for the shipped model
 */
public record StoredEmbedding(String key, float[] vector) {}
