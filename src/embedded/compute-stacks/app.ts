import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createServiceApp, installRequestId } from '../http.js';
import { BAD_REQUEST_MESSAGE, CsError, installCsErrors } from './errors.js';

/**
 * A Fastify app that reads and answers like ComputeStacks' Rails API: an `X-Request-Id` on every
 * response, JSON request bodies (an empty one is no parameters; malformed JSON is 400), other
 * bodies read and ignored as Rails ignores what it cannot parse, Rails-style errors, and the
 * conditional GETs of Rails' default middleware (Rack::ETag, Rack::ConditionalGet).
 */
export function createComputeStacksApp(): FastifyInstance {
  const app = createServiceApp();
  installRequestId(app, 'x-request-id', randomUUID);
  installCsErrors(app);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    if ((text as string).trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text as string));
    } catch {
      done(new CsError(400, { errors: [BAD_REQUEST_MESSAGE] }), undefined);
    }
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
  installConditionalGet(app);
  return app;
}

/**
 * What every Rails app does by default: Rack::ETag gives a GET's 200 a weak ETag (a digest of
 * the body) and `Cache-Control: max-age=0, private, must-revalidate`; Rack::ConditionalGet
 * answers 304 with no body when `If-None-Match` names that ETag. The body is still built, as
 * in Rails: only its bytes are saved.
 */
function installConditionalGet(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200 || typeof payload !== 'string' || reply.hasHeader('etag'))
      return payload;
    const etag = `W/"${createHash('sha256').update(payload).digest('hex').slice(0, 32)}"`;
    reply.header('etag', etag).header('cache-control', 'max-age=0, private, must-revalidate');
    const asked = request.headers['if-none-match'];
    if (asked === undefined || !asked.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) return payload;
    reply.code(304).removeHeader('content-type').removeHeader('content-length');
    return '';
  });
}
