import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The JSON Patch media type Glance v2.1 accepts for PATCH /v2/images/{id}. */
export const JSON_PATCH_TYPE = 'application/openstack-images-v2.1-json-patch';
/** Both patch media types Glance accepts: v2.1's JSON Patch, and v2.0's older draft (`{"replace": "/name", ...}`). */
export const JSON_PATCH_TYPES: readonly string[] = [JSON_PATCH_TYPE, 'application/openstack-images-v2.0-json-patch'];
/** The `Accept-Patch` of a 415 to a PATCH, as Glance words it. */
export const ACCEPT_PATCH = 'application/openstack-images-v2.0-json-patch, application/openstack-images-v2.1-json-patch';

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
  416: 'Request Range Not Satisfiable',
  500: 'Internal Server Error',
};

/** webob's own explanation of a status, which heads the body when Glance passes only a detail. */
const EXPLANATIONS: Record<number, string> = {
  401: 'This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.',
  403: 'Access was denied to this resource.',
  409: 'There was a conflict when trying to complete your request.',
  416: 'The Range requested is not available.',
};

/**
 * How webob words the body: Glance raises most errors with an `explanation` (the message, then
 * `<br /><br />`), some with a `detail` under webob's own explanation of the status, and a
 * few (an unsupported media type) in a template of their own, kept as is (`verbatim`).
 */
type Form = 'explanation' | 'detail' | 'verbatim';

/** An error that becomes a Glance-shaped error response with this status. */
export class GlanceError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly form: Form = 'explanation',
  ) {
    super(message);
    this.name = 'GlanceError';
  }

  /** The `message` of the JSON body, as webob writes it; `quote` escapes it for its HTML page. */
  body(quote: (text: string) => string = (text) => text): string {
    if (this.form === 'verbatim') return this.message;
    if (this.form === 'detail') return `${EXPLANATIONS[this.statusCode] ?? ''}<br /><br />\n${quote(this.message)}\n\n`;
    return `${quote(this.message)}<br /><br />\n\n\n`;
  }
}

/** 401 in webob's words. */
export const unauthorized = (): GlanceError => new GlanceError(401, EXPLANATIONS[401]!);

/** Shorthands for the statuses handlers raise most. */
export const badRequest = (message: string): GlanceError => new GlanceError(400, message);
export const forbidden = (message: string): GlanceError => new GlanceError(403, message);
/** A 403 Glance raises with a detail, under webob's "Access was denied to this resource." */
export const forbiddenDetail = (message: string): GlanceError => new GlanceError(403, message, {}, 'detail');
export const notFound = (message: string): GlanceError => new GlanceError(404, message);
export const conflict = (message: string): GlanceError => new GlanceError(409, message);
/** A 409 Glance raises with a detail. */
export const conflictDetail = (message: string): GlanceError => new GlanceError(409, message, {}, 'detail');
/** webob's 415, in its own template. */
export const unsupportedMediaType = (type: string | undefined, headers: Record<string, string> = {}): GlanceError =>
  new GlanceError(415, `The request media type ${type ?? 'None'} is not supported by this server.\n<br /><br />\n`, headers, 'verbatim');

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
    reply.header('content-type', 'application/json');
    return reply.send(JSON.stringify({ message: error.body(), code, title }));
  }
  reply.header('content-type', 'text/html; charset=UTF-8');
  return reply.send(`<html>\n <head>\n  <title>${code}</title>\n </head>\n <body>\n  <h1>${code}</h1>\n  ${error.body(escapeHtml)}\n </body>\n</html>`);
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
  /** A path Glance knows but does not serve here: 404 with these words. */
  missing?: string;
}

/**
 * Routes every Fastify error (bad JSON, 404 route, 415, 413) through `sendGlanceError`. A 415
 * on PATCH carries `Accept-Patch`, as Glance's does.
 */
export function installGlanceErrors(app: FastifyInstance, knownPaths: readonly KnownPath[]): void {
  app.setErrorHandler((error, request, reply) => {
    const glance = toGlanceError(error);
    if (glance.statusCode === 415 && request.method === 'PATCH') reply.header('accept-patch', ACCEPT_PATCH);
    return sendGlanceError(request, reply, glance);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const known = knownPaths.find((entry) => entry.pattern.test(path));
    if (known?.missing !== undefined) return sendGlanceError(request, reply, notFound(known.missing));
    if (known !== undefined) {
      return sendGlanceError(
        request,
        reply,
        new GlanceError(405, `The method ${request.method} is not allowed for this resource. <br /><br />\n`, { allow: known.methods.join(', ') }, 'verbatim'),
      );
    }
    return sendGlanceError(request, reply, notFound('The resource could not be found.'));
  });
}
