/** The in-memory projection of the graph (search index and prerequisite DAG) built from one read of Neo4j and swapped atomically when the graph changes. */
@NullMarked
package dev.skillgraph.projection;

import org.jspecify.annotations.NullMarked;
