/** The MCP server: tools, resources and a prompt on the official MCP Java SDK, answering through the same code as the REST API. */
@NullMarked
package dev.skillgraph.api.mcp;

import org.jspecify.annotations.NullMarked;
