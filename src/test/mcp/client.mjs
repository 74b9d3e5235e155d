// Lists SkillGraph's MCP tools and calls each as the reference TypeScript SDK's client does, over Streamable HTTP
// or stdio; prints one JSON document for McpTypeScriptClientIT to compare with the REST API.
// Usage: node client.mjs http <url> '<calls json>'  |  node client.mjs stdio <java> <jar> '<calls json>'
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [mode, ...rest] = process.argv.slice(2);
const calls = JSON.parse(rest[rest.length - 1]);
const transport = mode === 'http'
  ? new StreamableHTTPClientTransport(new URL(rest[0]))
  : new StdioClientTransport({ command: rest[0], args: ['-jar', rest[1], 'mcp'], env: { ...process.env }, stderr: 'ignore' });
const client = new Client({ name: 'skillgraph-typescript-it', version: '1.0.0' });
await client.connect(transport);
const tools = await client.listTools();
const results = [];
for (const call of calls) {
  const result = await client.callTool({ name: call.name, arguments: call.arguments });
  results.push({
    name: call.name,
    isError: Boolean(result.isError),
    structuredContent: result.structuredContent ?? null,
    text: result.content?.[0]?.text ?? null,
  });
}
const resources = await client.listResources();
const prompts = await client.listPrompts();
console.log(JSON.stringify({
  server: client.getServerVersion(),
  tools: tools.tools.map((tool) => tool.name),
  resources: resources.resources.map((resource) => resource.uri),
  prompts: prompts.prompts.map((prompt) => prompt.name),
  results,
}));
await client.close();
