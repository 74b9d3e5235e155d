/** Reading, validating and importing seed packs: field rules from the seed schema, references and cycles checked by hand, one write transaction. */
@NullMarked
package dev.skillgraph.seed;

import org.jspecify.annotations.NullMarked;
