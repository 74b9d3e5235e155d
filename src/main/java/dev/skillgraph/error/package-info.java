/** The one exception type of SkillGraph and the domain reasons it carries. */
@NullMarked
package dev.skillgraph.error;

import org.jspecify.annotations.NullMarked;
