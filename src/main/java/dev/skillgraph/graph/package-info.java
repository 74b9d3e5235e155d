/** Everything that speaks Cypher: the repository (every query, parameterised), the embedded Neo4j launcher and the driver connection; driver failures leave this package as SkillGraph exceptions. */
@NullMarked
package dev.skillgraph.graph;

import org.jspecify.annotations.NullMarked;
