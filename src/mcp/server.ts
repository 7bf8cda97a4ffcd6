import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Admission } from '../admission/admission.js';
import { headerMap, knockFromHeaders } from '../admission/knock.js';
import type { GatewayYoga } from '../entries/yoga.js';
import { RESOURCE_TEMPLATES, resourceContents, resourceOperation, resourceStream } from './resources.js';
import { runOperation } from './run-operation.js';
import type { SessionStore } from './session-store.js';
import { toolResult } from './tool-results.js';
import { isToolCall, type ToolCall, type Tools } from './tools.js';

/**
 * One session's MCP server (the SDK's low-level `Server`): the tools, the resources and their
 * subscriptions. Each request runs with the credentials of the HTTP request that carried it
 * (the SDK hands its headers to the handler), admitted as transport `mcp`. A subscription is written to the session's record
 * and announced; the replica holding the session's event stream starts the feed (sessions.ts).
 */
export interface ServerDeps {
  yoga: GatewayYoga;
  admission: Admission;
  tools: Tools;
  store: SessionStore;
}

/** The HTTP request a handler runs for: its headers, and the client address the entry put in `authInfo`. */
type Extra = { requestInfo?: { headers: Record<string, string | string[] | undefined> }; authInfo?: { extra?: Record<string, unknown> }; signal: AbortSignal };

function knockOf(extra: Extra, operation: { query?: string | undefined; documentId?: string | undefined }) {
  return knockFromHeaders('mcp', String(extra.authInfo?.extra?.address ?? 'unknown'), headerMap(extra.requestInfo?.headers ?? {}), operation);
}

export function createMcpServer(deps: ServerDeps): Server {
  const { yoga, admission, tools, store } = deps;
  const server = new Server(
    { name: 'gantry', version: '1' },
    { capabilities: { tools: { listChanged: false }, resources: { subscribe: true, listChanged: false } } },
  );
  const run = ({ operation, payloadFields }: ToolCall, extra: Extra) => {
    const { query, documentId, variables, operationName } = operation;
    return runOperation(yoga, admission, knockOf(extra, { query, documentId }), { variables, operationName, callerGone: extra.signal }).then((result) =>
      toolResult(result, payloadFields),
    );
  };
  /** Adds or removes a URI of the session's subscriptions, and tells the stream's holder. */
  const changeSubscriptions = async (sessionId: string | undefined, uri: string, subscribe: boolean) => {
    if (!resourceStream(uri)) throw new McpError(ErrorCode.InvalidParams, `Unknown resource: ${uri} (see resources/templates/list)`);
    const record = sessionId === undefined ? undefined : await store.get(sessionId);
    if (!sessionId || !record) throw new McpError(ErrorCode.InvalidRequest, 'This session is gone: initialize a new one.');
    const others = record.subscriptions.filter((known) => known !== uri);
    await store.put(sessionId, { ...record, subscriptions: subscribe ? [...others, uri] : others });
    await store.announce(sessionId);
    return {};
  };

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.list }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name, arguments: args = {} } = request.params;
    const plan = tools.plan(name, args);
    if (plan === undefined) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
    return isToolCall(plan) ? run(plan, extra) : plan;
  });
  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [] }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: RESOURCE_TEMPLATES }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
    const { uri } = request.params;
    const read = resourceOperation(uri);
    const call = read && tools.operation(read.operation, read.variables);
    if (!call) throw new McpError(ErrorCode.InvalidParams, `Unknown resource: ${uri} (see resources/templates/list)`);
    const result = await run(call, extra);
    if (result.isError) throw new McpError(ErrorCode.InvalidParams, `Cannot read ${uri}: ${(result.content[0] as { text: string }).text}`);
    return resourceContents(uri, (result.structuredContent as { container: unknown }).container);
  });
  server.setRequestHandler(SubscribeRequestSchema, (request, extra) => changeSubscriptions(extra.sessionId, request.params.uri, true));
  server.setRequestHandler(UnsubscribeRequestSchema, (request, extra) => changeSubscriptions(extra.sessionId, request.params.uri, false));
  return server;
}
