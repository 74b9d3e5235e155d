/** The one validated, immutable configuration record, read from environment variables and flags. */
@NullMarked
package dev.skillgraph.config;

import org.jspecify.annotations.NullMarked;
