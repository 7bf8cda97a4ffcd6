import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Admission } from '../admission/admission.js';
import type { Config } from '../config/schema.js';
import type { GatewayYoga } from './yoga.js';

export const MCP_PATH = '/mcp';
export const PROTECTED_RESOURCE_PATH = '/.well-known/oauth-protected-resource';

/**
 * The Model Context Protocol over Streamable HTTP at /mcp, with the official SDK: POST for
 * requests, GET for a session's event stream (resource updates), DELETE to end a session.
 * Sessions are the SDK's, kept so that any replica can serve any request (src/mcp/sessions.ts).
 * The request passed the admission step's door (budget, body size) in the router; each tool
 * call, resource read and feed is admitted as an operation of transport `mcp` (credential
 * budget, trusted documents, profile) and runs in Yoga's envelope (src/mcp/run-operation.ts).
 *
 * A caller with no credential, where no backend has a service token either, gets 401 with
 * `WWW-Authenticate` pointing at the OAuth Protected Resource Metadata (RFC 9728), which names
 * the authorization servers of GANTRY_MCP_AUTHORIZATION_SERVERS.
 */
export interface McpEntry {
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  /** Ends this replica's sessions' streams (their records stay for the other replicas). */
  close(): Promise<void>;
}

export interface McpOptions {
  yoga: GatewayYoga;
  admission: Admission;
  config: Config;
  logger: Logger;
}

/**
 * The entry the router calls. The SDK, the tool catalog and the sessions are loaded on the first
 * request to /mcp: a gateway nobody asks for MCP never pays their memory (as GraphiQL's bundle
 * and the embedded services are loaded only when used).
 */
export function createMcpEntry(options: McpOptions): McpEntry {
  let loaded: Promise<McpEntry> | undefined;
  const load = () => (loaded ??= import('../mcp/http.js').then(({ createMcpHandler }) => createMcpHandler(options)));
  return {
    handle: async (req, res, path) => (await load()).handle(req, res, path),
    close: async () => {
      if (loaded) await (await loaded).close();
    },
  };
}
