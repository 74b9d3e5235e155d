/** Learning-path algorithms on an immutable prerequisite DAG: plans, next steps, unlocks, chains, and their exports; knows neither Neo4j nor HTTP. */
@NullMarked
package dev.skillgraph.path;

import org.jspecify.annotations.NullMarked;
