import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from 'pino';
import type { Admission } from '../admission/admission.js';
import { readCredentials } from '../admission/credentials.js';
import { clientAddress, knockFromHeaders, nodeHeaders } from '../admission/knock.js';
import type { Config } from '../config/schema.js';
import { runOperation } from '../mcp/run-operation.js';
import { toolResult } from '../mcp/tool-results.js';
import { RESOURCE_TEMPLATES, resourceContents, resourceOperation } from '../mcp/resources.js';
import { createTools, isToolCall, type ToolCall } from '../mcp/tools.js';
import type { GatewayYoga } from './yoga.js';

export const MCP_PATH = '/mcp';
export const PROTECTED_RESOURCE_PATH = '/.well-known/oauth-protected-resource';

/**
 * The Model Context Protocol over Streamable HTTP at /mcp, with the official SDK. Stateless:
 * each POST is answered by a server made for it, so any replica behind a load balancer can take
 * any request, no session to stick to. The request passed the admission step's door (budget,
 * body size) in the router; each tool call is admitted as an operation of transport `mcp`
 * (credential budget, trusted documents, profile) and runs in Yoga's envelope (runOperation).
 *
 * A caller with no credential, where no backend has a service token either, gets 401 with
 * `WWW-Authenticate` pointing at the OAuth Protected Resource Metadata (RFC 9728), which names
 * the authorization servers of GANTRY_MCP_AUTHORIZATION_SERVERS.
 */
export interface McpEntry {
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
}

/** The public origin the client reached, for the metadata's URLs. */
function originOf(req: IncomingMessage): string {
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${proto}://${req.headers.host ?? 'localhost'}`;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

export function createMcpEntry(options: { yoga: GatewayYoga; admission: Admission; config: Config; logger: Logger }): McpEntry {
  const { yoga, admission, config, logger } = options;
  const tools = createTools(yoga.getEnveloped({}).schema, config);
  const version = '1';

  /** Whether a caller brings something to reach the backends with: its own token, or the gateway's service tokens. */
  const hasCredential = (req: IncomingMessage): boolean => {
    try {
      return readCredentials(knockFromHeaders('mcp', clientAddress(req), nodeHeaders(req)), config).present.size > 0;
    } catch {
      return false; // a malformed Authorization is no credential
    }
  };

  function serverFor(req: IncomingMessage, callerGone: AbortSignal): Server {
    const server = new Server(
      { name: 'gantry', version },
      { capabilities: { tools: { listChanged: false }, resources: { subscribe: false, listChanged: false } } },
    );
    const run = ({ operation, payloadFields }: ToolCall) => {
      const { query, documentId, variables, operationName } = operation;
      const knock = knockFromHeaders('mcp', clientAddress(req), nodeHeaders(req), { query, documentId });
      return runOperation(yoga, admission, knock, { variables, operationName, callerGone }).then((result) => toolResult(result, payloadFields));
    };
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.list }));
    server.setRequestHandler(CallToolRequestSchema, async (request) => {
      const { name, arguments: args = {} } = request.params;
      const plan = tools.plan(name, args);
      if (plan === undefined) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
      return isToolCall(plan) ? run(plan) : plan;
    });
    server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [] }));
    server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: RESOURCE_TEMPLATES }));
    server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
      const { uri } = request.params;
      const read = resourceOperation(uri);
      const call = read && tools.operation(read.operation, read.variables);
      if (!call) throw new McpError(ErrorCode.InvalidParams, `Unknown resource: ${uri} (see resources/templates/list)`);
      const result = await run(call);
      if (result.isError) throw new McpError(ErrorCode.InvalidParams, `Cannot read ${uri}: ${(result.content[0] as { text: string }).text}`);
      return resourceContents(uri, (result.structuredContent as { container: unknown }).container);
    });
    return server;
  }

  return {
    async handle(req, res, path) {
      if (path === PROTECTED_RESOURCE_PATH) {
        json(res, 200, {
          resource: `${originOf(req)}${MCP_PATH}`,
          authorization_servers: config.mcp.authorizationServers,
          bearer_methods_supported: ['header'],
          resource_name: 'Gantry',
        });
        return;
      }
      if (req.method !== 'POST') {
        // Stateless: no session to stream to or to delete.
        json(res, 405, { jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: send JSON-RPC with POST.' }, id: null }, { allow: 'POST' });
        return;
      }
      if (!hasCredential(req)) {
        json(
          res,
          401,
          { jsonrpc: '2.0', error: { code: -32001, message: 'Send "Authorization: Bearer <token>": the token is passed on to the backends.' }, id: null },
          { 'www-authenticate': `Bearer resource_metadata="${originOf(req)}${PROTECTED_RESOURCE_PATH}"` },
        );
        return;
      }
      const gone = new AbortController();
      res.once('close', () => gone.abort());
      const server = serverFor(req, gone.signal);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.once('close', () => {
        void transport.close();
        void server.close();
      });
      try {
        await server.connect(transport);
        await transport.handleRequest(req, res);
      } catch (error) {
        logger.error({ err: error }, 'MCP request failed');
        if (!res.headersSent) json(res, 500, { jsonrpc: '2.0', error: { code: ErrorCode.InternalError, message: 'Internal error.' }, id: null });
      }
    },
  };
}
