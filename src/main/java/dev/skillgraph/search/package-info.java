/** The Lucene index: analysis, document mapping, query building, BM25 ranking with typo tolerance and synonyms, highlighting, completions, facets. */
@NullMarked
package dev.skillgraph.search;

import org.jspecify.annotations.NullMarked;
