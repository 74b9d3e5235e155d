package dev.skillgraph.domain;

/**
 * A reference to a roadmap stage, as search hits, facets and plan steps show it.
 *
 * @param order the stage's place in its roadmap, from 0
 */
public record StageRef(String id, String name, int order) {

    /** The reference to {@code stage}; a stage without an order counts as order 0. */
    public static StageRef of(GraphNode stage) {
        return new StageRef(stage.id(), stage.name(), stage.order() == null ? 0 : stage.order());
    }
}
