import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The JSON Patch media type Glance v2.1 accepts for PATCH /v2/images/{id}. */
export const JSON_PATCH_TYPE = 'application/openstack-images-v2.1-json-patch';

/** webob's reason phrases, used as `title` and in `code`. */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  416: 'Requested Range Not Satisfiable',
  500: 'Internal Server Error',
};

/** An error that becomes a Glance-shaped error response with this status. */
export class GlanceError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GlanceError';
  }
}

/** Shorthands for the statuses handlers raise most. */
export const badRequest = (message: string): GlanceError => new GlanceError(400, message);
export const forbidden = (message: string): GlanceError => new GlanceError(403, message);
const notFound = (message: string): GlanceError => new GlanceError(404, message);
export const conflict = (message: string): GlanceError => new GlanceError(409, message);

/** 404 for an image the caller may not see or that does not exist: Glance does not tell them apart. */
export const imageNotFound = (id: string): GlanceError => notFound(`No image found with ID ${id}`);

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.toLowerCase().includes('application/json');
}

/**
 * Sends an error the way Glance (webob) does: JSON when the caller accepts it, else HTML. Both
 * keep Glance's trailing `<br /><br />` so clients learn to strip it.
 */
function sendGlanceError(request: FastifyRequest, reply: FastifyReply, error: GlanceError): FastifyReply {
  const status = error.statusCode;
  const title = TITLES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');
  const code = `${status} ${title}`;
  reply.code(status);
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  if (wantsJson(request)) {
    reply.header('content-type', 'application/json; charset=UTF-8');
    return reply.send(JSON.stringify({ message: `${error.message}<br /><br />\n\n\n`, code, title }));
  }
  reply.header('content-type', 'text/html; charset=UTF-8');
  return reply.send(`<html><head><title>${code}</title></head><body><h1>${code}</h1>${escapeHtml(error.message)}<br /><br /></body></html>`);
}

/** Maps anything thrown (ours, Fastify's, unexpected) to a GlanceError without leaking internals. */
function toGlanceError(error: unknown): GlanceError {
  if (error instanceof GlanceError) return error;
  const fastifyError = error as Partial<FastifyError> | undefined;
  switch (fastifyError?.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new GlanceError(415, 'Unsupported Content-Type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new GlanceError(413, 'The request body is too large.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return badRequest('Body expected in request.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return badRequest('Malformed JSON in request body.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return badRequest('Request body size did not match Content-Length.');
    default:
      break;
  }
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new GlanceError(status, 'The server could not comply with the request since it is either malformed or otherwise incorrect.');
  }
  return new GlanceError(500, 'The server has either erred or is incapable of performing the requested operation.');
}

/** A path pattern and the methods it answers, so an unknown method is 405 rather than 404. */
export interface KnownPath {
  pattern: RegExp;
  methods: readonly string[];
}

/**
 * Routes every Fastify error (bad JSON, 404 route, 415, 413) through `sendGlanceError`. A 415
 * on PATCH carries `Accept-Patch`, as Glance's does.
 */
export function installGlanceErrors(app: FastifyInstance, knownPaths: readonly KnownPath[]): void {
  app.setErrorHandler((error, request, reply) => {
    const glance = toGlanceError(error);
    if (glance.statusCode === 415 && request.method === 'PATCH') reply.header('accept-patch', JSON_PATCH_TYPE);
    return sendGlanceError(request, reply, glance);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const known = knownPaths.find((entry) => entry.pattern.test(path));
    if (known !== undefined) {
      return sendGlanceError(
        request,
        reply,
        new GlanceError(405, 'The method specified is not allowed for this resource.', { allow: known.methods.join(', ') }),
      );
    }
    return sendGlanceError(request, reply, notFound('The resource could not be found.'));
  });
}
