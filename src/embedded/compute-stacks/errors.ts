import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/**
 * An error that becomes a ComputeStacks (Rails) response: a status, a JSON body or none at all
 * (Rails' `head :not_found`), and headers. ComputeStacks' bodies are `{"errors": [...]}`, except
 * the refused delete, whose `errors` is a string.
 */
export class CsError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body?: Readonly<Record<string, unknown>>,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`HTTP ${statusCode}`);
    this.name = 'CsError';
  }
}

/** 422 listing every validation message, as `api_obj_error(record.errors.full_messages)`. */
export const unprocessable = (messages: readonly string[]): CsError => new CsError(422, { errors: [...messages] });

/** 400 from `params.require(key)` when the key is missing or blank. */
export const paramMissing = (key: string): CsError => new CsError(400, { errors: [`param is missing or the value is empty: ${key}`] });

/** 404 with an empty body: not found, not visible and not yours look the same (`api_obj_missing`). */
export const notFound = (): CsError => new CsError(404);

/** The catch-all route's answer for a path or method the API does not have. */
const UNKNOWN_ROUTE_MESSAGE = 'Unknown API Call. Please check the documentation.';
/** What ComputeStacks answers when it cannot read the request. */
export const BAD_REQUEST_MESSAGE = 'Bad Request. Please check the documentation.';

/** Sends a CsError: its headers, then JSON (`application/json; charset=utf-8`) or an empty body. */
function sendCsError(reply: FastifyReply, error: CsError): FastifyReply {
  reply.code(error.statusCode);
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  if (error.body === undefined) return reply.send();
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(error.body));
}

/** Maps anything thrown (ours, Fastify's, unexpected) to a CsError without leaking internals. */
function toCsError(error: unknown): CsError {
  if (error instanceof CsError) return error;
  const fastifyError = error as Partial<FastifyError> | undefined;
  if (fastifyError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new CsError(413, { errors: ['Request Entity Too Large'] });
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new CsError(400, { errors: [BAD_REQUEST_MESSAGE] });
  return new CsError(500, { errors: ['Internal Server Error'] });
}

/** Routes every error and every unknown route through `sendCsError`. */
export function installCsErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => sendCsError(reply, toCsError(error)));
  // Rails' catch-all route answers before any authentication, for any method.
  app.setNotFoundHandler((_request, reply) => sendCsError(reply, new CsError(404, { errors: [UNKNOWN_ROUTE_MESSAGE] })));
}
