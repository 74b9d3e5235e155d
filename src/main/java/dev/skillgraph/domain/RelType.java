package dev.skillgraph.domain;

import java.util.Set;

/** The relationship types of the roadmap graph; see docs/graph-model.md. */
public enum RelType {
    /** Must know the target first; carries a reason and a strength. */
    REQUIRES,
    /** Topic belongs to a roadmap stage. */
    IN_STAGE,
    /** Tool practised while learning the topic. */
    USES,
    /** Learning resource covers the topic or tool. */
    TEACHES,
    /** Roadmap, stage or topic leads to a career. */
    LEADS_TO,
    /** FAQ answer is about the node. */
    ABOUT,
    /** Roadmap has the stage (the stage's {@code order} places it in the roadmap). */
    HAS_STAGE,
    /** Stage also covers a topic whose home stage is in another roadmap: how roadmaps share one node. */
    INCLUDES;

    /** The kinds a relationship of this type may point to (the graph model, docs/graph-model.md). */
    public Set<Kind> targetKinds() {
        return switch (this) {
            case REQUIRES, TEACHES -> Set.of(Kind.TOPIC, Kind.TOOL);
            case IN_STAGE -> Set.of(Kind.STAGE);
            case USES -> Set.of(Kind.TOOL);
            case LEADS_TO -> Set.of(Kind.CAREER);
            case ABOUT -> Set.of(Kind.values());
            case HAS_STAGE -> Set.of(Kind.STAGE);
            case INCLUDES -> Set.of(Kind.TOPIC);
        };
    }
}
