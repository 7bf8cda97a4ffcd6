import { isObject } from '../http.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from './errors.js';

/**
 * Reads every body as text, whatever its Content-Type (a Go handler decodes the body as JSON
 * without looking at the header). Parsing waits for the handler, so the caller's rights and the
 * container are checked before the body is judged.
 */
export function installRawBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, text, done) => done(null, text));
}

/** The request body as a JSON object; 400 when it is empty, malformed or not an object. */
export function jsonObjectBody(request: FastifyRequest): Record<string, unknown> {
  const text = typeof request.body === 'string' ? request.body : '';
  if (text.trim() === '') throw badRequest('request body must be a JSON object');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('malformed JSON in request body');
  }
  if (!isObject(parsed)) throw badRequest('request body must be a JSON object');
  return parsed;
}
