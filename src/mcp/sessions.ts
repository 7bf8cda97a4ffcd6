import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { InitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from 'pino';
import { clientAddress, knockFromHeaders, nodeHeaders } from '../admission/knock.js';
import { ResourceFeeds } from './resource-feeds.js';
import { resourceStream } from './resources.js';
import { streamOperation } from './run-operation.js';
import { createMcpServer, type ServerDeps } from './server.js';
import type { SessionStore } from './session-store.js';

/**
 * MCP sessions as the SDK keeps them (a transport and a server per session, the id in
 * `Mcp-Session-Id`), made to work on any replica. The session's record (owner, initialize
 * parameters, subscriptions) is in the session store, in Redis with REDIS_URL. A request for a
 * session this replica has not seen takes the session up: a transport with the same id is made
 * and the session's initialize is replayed into it (public SDK calls only), then the request is
 * served. Only the credential that opened a session may use it; any other is told it does not
 * exist (404), as for an id nobody issued.
 *
 * The replica that serves a session's GET (its event stream) runs the feeds of its resource
 * subscriptions, and follows the record's changes on the store's channel.
 */
interface LocalSession {
  id: string;
  owner: string;
  transport: WebStandardStreamableHTTPServerTransport;
  server: Server;
  /** Set while this replica serves the session's event stream. */
  feeds?: ResourceFeeds;
  unwatch?: () => Promise<void>;
  /** Closed here only (idle, or the gateway stopping): the record stays for other replicas. */
  evicting: boolean;
  lastSeen: number;
}

export interface Sessions {
  /** Serves one request whose body (if any) is parsed; `owner` is the caller's credential digest. */
  serve(req: IncomingMessage, res: ServerResponse, owner: string, body: unknown): Promise<void>;
  close(): Promise<void>;
}

/** A local session nobody used for this long, with no event stream open, is let go (its record stays). */
const IDLE_MS = 10 * 60 * 1000;

const rpcError = (res: ServerResponse, status: number, code: number, message: string) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));

/** node's request as a fetch Request, without its body (the entry read and parsed it). */
function webRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/mcp'}`, { method: req.method ?? 'GET', headers });
}

/**
 * Writes a fetch Response to node's response. An answer to a POST is written whole, with its
 * length: it is one JSON-RPC answer (as JSON, or as an SSE body that ends with it), and piping
 * it as a stream costs a node stream per call and ends it after its last byte. The session's
 * event stream (GET) is piped, and cancelled when the client goes.
 */
async function writeResponse(response: Response, res: ServerResponse, whole: boolean): Promise<void> {
  const headers = Object.fromEntries(response.headers);
  if (!response.body || whole) {
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...headers, 'content-length': String(body.length) }).end(body);
    return;
  }
  res.writeHead(response.status, headers);
  const body = Readable.fromWeb(response.body as never);
  res.once('close', () => body.destroy());
  body.on('error', () => res.destroy());
  body.pipe(res);
}

const isInitialize = (body: unknown): body is InitializeRequest =>
  typeof body === 'object' && body !== null && (body as { method?: unknown }).method === 'initialize';

export function createSessions(deps: ServerDeps & { store: SessionStore; logger: Logger }): Sessions {
  const { store, logger } = deps;
  const local = new Map<string, LocalSession>();

  function open(id: string | undefined, owner: string, onInitialized?: (id: string) => Promise<void>): LocalSession {
    // Answers as SSE, not JSON: in JSON mode the SDK (1.32.2) never removes an answered
    // request's stream entry, so a long session keeps every answer it gave (~8 KB a call).
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => id ?? crypto.randomUUID(),
      ...(onInitialized ? { onsessioninitialized: onInitialized } : {}),
    });
    const session: LocalSession = { id: id ?? '', owner, transport, server: createMcpServer(deps), evicting: false, lastSeen: Date.now() };
    transport.onclose = () => {
      stopFeeds(session);
      local.delete(session.id);
      // A DELETE ends the session everywhere; an eviction only here.
      if (!session.evicting && session.id) void store.delete(session.id).then(() => store.announce(session.id));
    };
    return session;
  }

  /** A new session: kept here and in the store once the SDK has issued its id. */
  async function create(owner: string, init: InitializeRequest['params']): Promise<LocalSession> {
    const session = open(undefined, owner, async (id) => {
      session.id = id;
      local.set(id, session);
      await store.put(id, { owner, init, subscriptions: [] });
    });
    await session.server.connect(session.transport);
    return session;
  }

  /** A session another replica (or this one, before an eviction) opened: its initialize replayed here. */
  async function adopt(id: string, owner: string, init: InitializeRequest['params']): Promise<LocalSession> {
    const session = open(id, owner);
    session.id = id;
    await session.server.connect(session.transport);
    const replay = new Request('http://localhost/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    });
    const answer = await session.transport.handleRequest(replay, {
      parsedBody: { jsonrpc: '2.0', id: 'replayed-initialize', method: 'initialize', params: init },
    });
    await answer.text(); // nobody reads the answer; the stream ends once it is written

    local.set(id, session);
    return session;
  }

  function stopFeeds(session: LocalSession): void {
    session.feeds?.close();
    session.feeds = undefined;
    void session.unwatch?.();
    session.unwatch = undefined;
  }

  /** This replica serves the session's event stream: its feeds run here, following the record. */
  async function holdStream(session: LocalSession, req: IncomingMessage, res: ServerResponse): Promise<void> {
    stopFeeds(session);
    const feeds = new ResourceFeeds(
      (uri, stop) => {
        const stream = resourceStream(uri)!;
        const call = deps.tools.operation(stream.operation, stream.variables)!;
        const knock = knockFromHeaders('mcp', clientAddress(req), nodeHeaders(req), { query: call.operation.query, documentId: call.operation.documentId });
        return streamOperation(deps.yoga, deps.admission, knock, { variables: stream.variables, operationName: stream.operation, callerGone: stop });
      },
      (uri) => session.server.sendResourceUpdated({ uri }),
      logger,
    );
    session.feeds = feeds;
    const follow = async () => {
      const record = await store.get(session.id);
      if (!record) {
        // Deleted on another replica: gone here too.
        session.evicting = true;
        await session.transport.close();
        return;
      }
      if (session.feeds === feeds) feeds.reconcile(record.subscriptions);
    };
    session.unwatch = await store.watch(session.id, () => void follow().catch(() => {}));
    res.once('close', () => {
      if (session.feeds === feeds) stopFeeds(session);
    });
    await follow();
  }

  const sweep = setInterval(() => {
    const idleSince = Date.now() - IDLE_MS;
    for (const session of local.values()) {
      if (session.lastSeen < idleSince && !session.feeds) {
        session.evicting = true;
        void session.transport.close();
      }
    }
  }, 60_000);
  sweep.unref();

  return {
    async serve(req, res, owner, body) {
      const id = req.headers['mcp-session-id'];
      let session: LocalSession | undefined;
      if (typeof id !== 'string') {
        if (!isInitialize(body)) {
          rpcError(res, 400, -32000, 'Bad Request: send initialize first, or the Mcp-Session-Id header of your session.');
          return;
        }
        session = await create(owner, body.params);
      } else {
        session = local.get(id);
        if (!session) {
          const record = await store.get(id);
          if (record && record.owner === owner) session = await adopt(id, owner, record.init);
        }
        if (!session || session.owner !== owner) {
          rpcError(res, 404, -32001, 'Session not found: initialize a new one.');
          return;
        }
      }
      session.lastSeen = Date.now();
      const response = await session.transport.handleRequest(webRequest(req), {
        ...(req.method === 'POST' ? { parsedBody: body } : {}),
        authInfo: { token: '', clientId: 'mcp', scopes: [], extra: { address: clientAddress(req) } },
      });
      if (req.method === 'GET' && response.status === 200) await holdStream(session, req, res);
      await writeResponse(response, res, req.method !== 'GET');
    },
    async close() {
      clearInterval(sweep);
      for (const session of [...local.values()]) {
        session.evicting = true;
        await session.transport.close();
      }
      await store.close();
    },
  };
}
