import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { readCredentials } from '../admission/credentials.js';
import { clientAddress, knockFromHeaders, nodeHeaders } from '../admission/knock.js';
import { MCP_PATH, type McpEntry, type McpOptions, PROTECTED_RESOURCE_PATH } from '../entries/mcp.js';
import { memorySessionStore, redisSessionStore } from './session-store.js';
import { createSessions } from './sessions.js';
import { createTools } from './tools.js';

/**
 * /mcp's requests, once the first one came (src/entries/mcp.ts loads this module then): the
 * protected resource metadata, the 401 for a caller with no credential, the body read as
 * JSON-RPC, and the sessions.
 */
/** The public origin the client reached, for the metadata's URLs. */
function originOf(req: IncomingMessage): string {
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${proto}://${req.headers.host ?? 'localhost'}`;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

/** The caller's credential as the owner of its sessions: a digest, never the token. */
function ownerOf(credentials: { sent: readonly string[] }): string {
  return createHash('sha256')
    .update([...credentials.sent].sort().join('\n'))
    .digest('base64url');
}

/** The JSON-RPC body of a POST (its size was checked at the door), or undefined when it does not parse. */
async function readBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

export function createMcpHandler(options: McpOptions): McpEntry {
  const { yoga, admission, config, logger } = options;
  const tools = createTools(yoga.getEnveloped({}).schema, config);
  const store = config.redisUrl ? redisSessionStore(config.redisUrl) : memorySessionStore();
  const sessions = createSessions({ yoga, admission, tools, store, logger });

  /** The caller's credentials when it brings something to reach the backends with (its own token, or the service tokens). */
  const credentialsOf = (req: IncomingMessage) => {
    try {
      const credentials = readCredentials(knockFromHeaders('mcp', clientAddress(req), nodeHeaders(req)), config);
      return credentials.present.size > 0 ? credentials : undefined;
    } catch {
      return undefined; // a malformed Authorization is no credential
    }
  };

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
      const credentials = credentialsOf(req);
      if (!credentials) {
        json(
          res,
          401,
          { jsonrpc: '2.0', error: { code: -32001, message: 'Send "Authorization: Bearer <token>": the token is passed on to the backends.' }, id: null },
          { 'www-authenticate': `Bearer resource_metadata="${originOf(req)}${PROTECTED_RESOURCE_PATH}"` },
        );
        return;
      }
      let body: unknown;
      if (req.method === 'POST') {
        const read = await readBody(req);
        if (!read.ok) {
          json(res, 400, { jsonrpc: '2.0', error: { code: ErrorCode.ParseError, message: 'Parse error: the body is not JSON.' }, id: null });
          return;
        }
        body = read.value;
      }
      try {
        await sessions.serve(req, res, ownerOf(credentials), body);
      } catch (error) {
        logger.error({ err: error }, 'MCP request failed');
        if (!res.headersSent) json(res, 500, { jsonrpc: '2.0', error: { code: ErrorCode.InternalError, message: 'Internal error.' }, id: null });
      }
    },
    close: () => sessions.close(),
  };
}
