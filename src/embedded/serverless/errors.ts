import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/** Validation messages by field: `{"cpu": "must be greater than 0", "env.MY VAR": "…"}`. */
export type FieldErrors = Record<string, string>;

/** An error that becomes a Quasarch response: a status and `{"error": "…"}` (with `fields` for validation). */
export class QuasarchError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: Readonly<{ error: string; fields?: FieldErrors }>,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`HTTP ${statusCode}: ${body.error}`);
    this.name = 'QuasarchError';
  }
}

/** What every validation failure says; the details are in `fields`. */
const VALIDATION_MESSAGE = 'data validation error';

export const unauthorized = (): QuasarchError => new QuasarchError(401, { error: 'Unauthorized' });
export const forbidden = (): QuasarchError => new QuasarchError(403, { error: 'Forbidden' });
export const containerNotFound = (): QuasarchError => new QuasarchError(404, { error: 'container not found' });
export const badRequest = (message: string): QuasarchError => new QuasarchError(400, { error: message });
/** 400 naming every bad field at once. */
export const invalid = (fields: FieldErrors): QuasarchError => new QuasarchError(400, { error: VALIDATION_MESSAGE, fields: { ...fields } });

/** Maps anything thrown (ours, Fastify's, unexpected) to a QuasarchError without leaking internals. */
function toQuasarchError(error: unknown): QuasarchError {
  if (error instanceof QuasarchError) return error;
  const fastifyError = error as Partial<FastifyError> | undefined;
  if (fastifyError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new QuasarchError(413, { error: 'request body too large' });
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return badRequest('bad request');
  return new QuasarchError(500, { error: 'internal server error' });
}

function send(reply: FastifyReply, error: QuasarchError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply.code(error.statusCode).type('application/json').send(JSON.stringify(error.body));
}

/** For `createServiceApp({ frameworkErrors })`: what Fastify refuses before routing (a malformed URL) is a plain 400. */
export function sendFrameworkError(error: unknown, _request: unknown, reply: FastifyReply): void {
  void send(reply, toQuasarchError(error));
}

/** A path pattern and the methods it answers, so a known path with another method is 405, not 404. */
export interface KnownPath {
  pattern: RegExp;
  methods: readonly string[];
}

/** Routes every error, unknown route and unknown method through Quasarch's `{"error": …}` shape. */
export function installQuasarchErrors(app: FastifyInstance, knownPaths: readonly KnownPath[]): void {
  app.setErrorHandler((error, _request, reply) => send(reply, toQuasarchError(error)));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const known = knownPaths.find((entry) => entry.pattern.test(path));
    if (known === undefined || known.methods.includes(request.method)) return send(reply, new QuasarchError(404, { error: 'not found' }));
    return send(reply, new QuasarchError(405, { error: 'method not allowed' }, { allow: known.methods.join(', ') }));
  });
}
