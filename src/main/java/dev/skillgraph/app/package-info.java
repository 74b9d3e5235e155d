/** The composition root: main, start-up in order, shutdown in reverse. */
@NullMarked
package dev.skillgraph.app;

import org.jspecify.annotations.NullMarked;
