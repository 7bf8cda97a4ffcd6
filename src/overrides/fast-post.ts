import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DocumentNode, type ExecutionResult, GraphQLError, getOperationAST } from 'graphql';
import { processRegularResult, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Admission, Admitted } from '../admission/admission.js';
import { clientAddress, knockFromHeaders, nodeHeaders } from '../admission/knock.js';
import { AttemptAbort } from './attempt-abort.js';
import type { Metrics } from '../metrics.js';

/**
 * The fast path for the commonest request of all: a POST of a JSON query or mutation that
 * wants a JSON answer. Yoga serves it through the fetch API (a Request and a Response object,
 * header maps, a body stream and promise chains around each), a large share of a small
 * request's CPU (the ledger, README.md here, has the figures). This path calls the same
 * admission step, runs the very same envelope as Yoga (`yoga.getEnveloped`: every plugin, the
 * parse and validation caches, error masking, the operation log), and writes the answer
 * straight to the socket, formatted by Yoga's own `processRegularResult` whenever it carries
 * errors. GANTRY_FAST_EXECUTION=false turns it off.
 *
 * Whatever is not plainly that case goes to Yoga, with the body already read, so that every
 * refusal looks exactly as Yoga makes it: another content type or Accept, an `Origin` (Yoga
 * answers CORS), a body Yoga would refuse (not an object, unknown keys, wrong types), a refusal
 * of the admission step, a document that does not parse or validate, or a subscription.
 * Decided from the headers first, then from the body, never after anything ran; a request
 * handed over after admission carries its verdict, so Yoga does not admit (or charge) it twice.
 */
export interface FastPost {
  /** Serves `req` and returns true, or returns false without reading it (Yoga's turn). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/** What Yoga's regular result processor answers, in its order of preference. */
const REGULAR_MEDIA_TYPES = ['application/graphql-response+json', 'application/json'];
const PARAM_KEYS = new Set(['query', 'variables', 'operationName', 'extensions']);
/** With trusted documents, clients send the document's hash instead of its text. */
const TRUSTED_PARAM_KEYS = new Set([...PARAM_KEYS, 'documentId']);

/**
 * The media type Yoga's result processing would pick for this Accept header, when it is one of
 * the regular (non-streaming) ones; undefined when Yoga would choose a stream or refuse. The
 * same walk as Yoga's `useResultProcessors`: the last match wins, over Accept reversed.
 */
export function regularMediaType(accept: string | undefined): string | undefined {
  const asked: string[] = [];
  for (const entry of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [mediaType, ...params] = entry.split(';');
    const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8';
    if (mediaType !== undefined && charset === 'charset=utf-8') asked.push(mediaType);
  }
  let chosen: string | undefined;
  for (const mediaType of asked.reverse()) {
    const [pre, suf] = mediaType.split('/');
    for (const offered of REGULAR_MEDIA_TYPES) {
      const [offeredPre, offeredSuf] = offered.split('/');
      if ((pre === '*' || pre === offeredPre) && (suf === '*' || suf === offeredSuf)) chosen = offered;
    }
  }
  return chosen;
}

function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const [type, ...params] = value
    .toLowerCase()
    .split(';')
    .map((part) => part.trim());
  return type === 'application/json' && params.every((p) => p === 'charset=utf-8' || p === '');
}

const isObjectOrNull = (value: unknown) => value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value));

interface PlainParams {
  query?: string;
  documentId?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

/**
 * The body as Yoga would accept it for a plain POST, or undefined (Yoga's turn). With trusted
 * documents a `documentId` may stand in for the query text (trusted-documents.ts resolves it).
 */
function plainParams(body: Buffer, trusted: boolean): PlainParams | undefined {
  let params: unknown;
  try {
    params = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return undefined;
  const p = params as Record<string, unknown>;
  const keys = trusted ? TRUSTED_PARAM_KEYS : PARAM_KEYS;
  for (const key in p) if (!keys.has(key)) return undefined;
  if (!isObjectOrNull(p.variables) || !isObjectOrNull(p.extensions)) return undefined;
  if (trusted ? p.query !== undefined && typeof p.query !== 'string' : typeof p.query !== 'string') return undefined;
  if (p.documentId !== undefined && typeof p.documentId !== 'string') return undefined;
  if (p.operationName !== undefined && p.operationName !== null && typeof p.operationName !== 'string') return undefined;
  return p as never;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/**
 * The few Request members the envelope's plugins read (headers, and the signal that aborts
 * when the client goes before its answer), over node's own request and response.
 */
function requestView(req: IncomingMessage, res: ServerResponse, url: string) {
  const headers = req.headers;
  const get = (name: string): string | null => {
    const value = headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };
  const gone = new AttemptAbort();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort('gone');
  });
  return { method: 'POST', url, headers: { get, has: (name: string) => get(name) !== null }, signal: gone };
}

export function createFastPost(options: {
  yoga: YogaServerInstance<Record<string, unknown>, Record<string, unknown>>;
  admission: Admission;
  trustedDocuments: boolean;
  logger: Logger;
  metrics: Metrics;
}): FastPost {
  const { yoga, admission, trustedDocuments, logger, metrics } = options;

  /** Yoga serves the request from the body already read (whatwg-node takes `req.body` as is), with this path's verdict. */
  const handOver = async (req: IncomingMessage, res: ServerResponse, body: Buffer, verdict?: Admitted | GraphQLError) => {
    metrics.fastPost('handed_over');
    (req as IncomingMessage & { body?: Buffer }).body = body;
    // whatwg-node merges extra arguments into the server context Yoga's plugins see.
    const listener = yoga.requestListener as (req: IncomingMessage, res: ServerResponse, serverContext?: object) => Promise<void>;
    await listener(req, res, verdict ? { verdict } : undefined);
    return true;
  };

  const send = async (res: ServerResponse, result: ExecutionResult, mediaType: string) => {
    metrics.fastPost('served');
    if (!result.errors?.length && !(result.extensions as { http?: unknown } | undefined)?.http) {
      const text = JSON.stringify(result);
      res.writeHead(200, { 'content-type': `${mediaType}; charset=utf-8`, 'content-length': Buffer.byteLength(text) }).end(text);
      return;
    }
    // Errors: Yoga's own formatter decides the status (401, 429, …) and strips internals.
    const response = processRegularResult(result, yoga.fetchAPI, mediaType as 'application/json');
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    res.writeHead(response.status, { ...headers, 'content-length': Buffer.byteLength(text) }).end(text);
  };

  return {
    async handle(req, res) {
      if (req.headers.origin !== undefined || !isJsonContentType(req.headers['content-type'])) return false;
      const mediaType = regularMediaType(req.headers.accept);
      if (mediaType === undefined) return false;
      const body = await readBody(req);
      const params = plainParams(body, trustedDocuments);
      if (!params) return handOver(req, res, body);
      let admitted: Admitted;
      try {
        admitted = await admission.admit(knockFromHeaders('http', clientAddress(req), nodeHeaders(req), params));
      } catch (refusal) {
        return handOver(req, res, body, refusal as GraphQLError);
      }
      const query = admitted.query;
      if (typeof query !== 'string') return handOver(req, res, body, admitted);

      const request = requestView(req, res, `http://${req.headers.host ?? 'localhost'}${req.url ?? '/graphql'}`);
      const enveloped = yoga.getEnveloped({ req, res, request, params: { ...params, query }, admitted, path: 'fast' });
      let document: DocumentNode;
      try {
        document = enveloped.parse(query);
      } catch {
        return handOver(req, res, body, admitted);
      }
      const operation = getOperationAST(document, params.operationName ?? undefined);
      if (!operation || operation.operation === 'subscription') return handOver(req, res, body, admitted);
      if (enveloped.validate(enveloped.schema, document).length > 0) return handOver(req, res, body, admitted);
      const contextValue = await enveloped.contextFactory();
      try {
        const result = (await enveloped.execute({
          schema: enveloped.schema,
          document,
          contextValue,
          variableValues: params.variables ?? undefined,
          operationName: params.operationName ?? undefined,
        })) as ExecutionResult;
        await send(res, result, mediaType);
      } catch (error) {
        // The executor reports field errors in the result; a throw here is a gateway bug.
        logger.error({ err: error }, 'execution failed on the fast path');
        await send(res, { errors: [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL', unexpected: true } })] }, mediaType);
      }
      return true;
    },
  };
}
