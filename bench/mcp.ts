/**
 * The MCP scenario: the VmImage tool called over /mcp beside the very same GraphQL document
 * POSTed to /graphql, on one gateway, so the figure is what MCP's envelope (JSON-RPC, the SDK's
 * session transport, the tool result) costs over GraphQL's. One session is opened first and
 * every tools/call runs in it, as an agent's calls do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphqlRequest, type PeerRequest, type Scenario } from './peers/compare.js';
import { ROOT, TOKEN } from './processes.js';

const PROTOCOL = '2025-06-18';

/** The typed client's VmImage document, as the manifest holds it. */
function vmImageDocument(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'client/generated/persisted-documents.json'), 'utf8')) as Record<string, string>;
  return Object.values(manifest).find((text) => /\bquery VmImage\(/.test(text))!;
}

/** Opens an MCP session on the gateway; its id. */
async function openSession(gatewayUrl: string): Promise<string> {
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const init = await fetch(`${gatewayUrl}/mcp`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: PROTOCOL, capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
    }),
  });
  const id = init.headers.get('mcp-session-id');
  await init.text();
  if (!id) throw new Error(`MCP initialize gave no session: ${init.status}`);
  await fetch(`${gatewayUrl}/mcp`, {
    method: 'POST',
    headers: { ...headers, 'mcp-session-id': id, 'mcp-protocol-version': PROTOCOL },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  }).then((r) => r.text());
  return id;
}

export async function mcpScenario(gatewayUrl: string, image: { id: string }): Promise<Scenario> {
  const session = await openSession(gatewayUrl);
  const call: PeerRequest = {
    path: '/mcp',
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-session-id': session,
      'mcp-protocol-version': PROTOCOL,
    },
    // Each call its own JSON-RPC id (autocannon's idReplacement), as a client's are: calls in flight in one session with one id would be answered to each other.
    body: JSON.stringify({ jsonrpc: '2.0', id: '[<id>]', method: 'tools/call', params: { name: 'VmImage', arguments: { id: image.id } } }),
  };
  return {
    name: 'MCP: the VmImage tool beside the same GraphQL query',
    requests: { gantry: graphqlRequest(vmImageDocument(), { id: image.id }), 'gantry-mcp': call },
    check: {
      gantry: (body: { errors?: unknown }) => !body.errors,
      // The answer comes as one SSE event: `data: {"result": …}`.
      'gantry-mcp': (body: string) => {
        const data = /^data: (.*)$/m.exec(body)?.[1];
        const message = data ? (JSON.parse(data) as { result?: { isError?: boolean; structuredContent?: unknown } }) : undefined;
        return message?.result?.isError !== true && message?.result?.structuredContent !== undefined;
      },
    },
  };
}
