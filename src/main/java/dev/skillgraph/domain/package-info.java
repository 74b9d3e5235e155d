/** The records every layer shares: node kinds, relationship types, nodes, edges, stage references, a validated seed graph and its content hash. */
@NullMarked
package dev.skillgraph.domain;

import org.jspecify.annotations.NullMarked;
