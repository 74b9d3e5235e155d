/** The HTTP API on Javalin: thin handlers, request parsing, problem+json errors, the OpenAPI document, the web page and Browser files. */
@NullMarked
package dev.skillgraph.api;

import org.jspecify.annotations.NullMarked;
