package dev.skillgraph.domain;

/** A reference to a roadmap, as search facets show it. */
public record RoadmapRef(String id, String name) {

    public static RoadmapRef of(GraphNode roadmap) {
        return new RoadmapRef(roadmap.id(), roadmap.name());
    }
}
