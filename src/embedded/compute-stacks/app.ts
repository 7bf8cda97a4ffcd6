import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createServiceApp, installRequestId } from '../http.js';
import { BAD_REQUEST_MESSAGE, CsError, installCsErrors } from './errors.js';

/**
 * A Fastify app that reads and answers like ComputeStacks' Rails API: an `X-Request-Id` on every
 * response, JSON request bodies (an empty one is no parameters; malformed JSON is 400), other
 * bodies read and ignored as Rails ignores what it cannot parse, and Rails-style errors.
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
  return app;
}
