package dev.skillgraph.domain;

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
    /** Stage or topic leads to a career. */
    LEADS_TO,
    /** FAQ answer is about the node. */
    ABOUT
}
