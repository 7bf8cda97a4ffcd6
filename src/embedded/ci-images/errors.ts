import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/** An error that becomes a Djinn-shaped JSON response: `{"message": ...}` or a field map. */
export class DjinnError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: Readonly<Record<string, unknown>>,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`HTTP ${statusCode}`);
    this.name = 'DjinnError';
  }
}

/** The fields of the create form that can carry validation messages. */
export type FormField = 'namespace' | 'name' | 'file';

/** Validation messages by field, as Djinn's form validator collects them. */
export type FieldErrors = Partial<Record<FormField, string[]>>;

/** Adds `message` under `field`. */
export function addFieldError(errors: FieldErrors, field: FormField, message: string): void {
  errors[field] ??= [];
  errors[field].push(message);
}

/** 400 with the field map itself as the body: `{"name": ["Name is required"]}`. */
export const invalidForm = (errors: FieldErrors): DjinnError => new DjinnError(400, errors);

/**
 * Djinn's one answer for a missing or bad token, a missing permission, an unknown image and
 * another user's image alike: nothing tells a caller which it was.
 */
export const notFound = (): DjinnError => new DjinnError(404, { message: 'Not found' });

/** 413 for an upload over the size limit. */
export const fileTooLarge = (): DjinnError => new DjinnError(413, { message: 'File too large' });

/** Maps anything thrown (ours, Fastify's, unexpected) to a DjinnError without leaking internals. */
function toDjinnError(error: unknown): DjinnError {
  if (error instanceof DjinnError) return error;
  const status = (error as Partial<FastifyError> | undefined)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new DjinnError(400, { message: 'Bad request' });
  return new DjinnError(500, { message: 'Something went wrong' });
}

function sendDjinnError(reply: FastifyReply, error: DjinnError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(JSON.stringify(error.body));
}

/** A path pattern and the methods it answers, so a known path with another method is 405, not 404. */
export interface KnownPath {
  pattern: RegExp;
  methods: readonly string[];
}

/** Routes every error and every unknown route or method through Djinn's JSON error shape. */
export function installDjinnErrors(app: FastifyInstance, knownPaths: readonly KnownPath[]): void {
  app.setErrorHandler((error, _request, reply) => sendDjinnError(reply, toDjinnError(error)));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const known = knownPaths.find((entry) => entry.pattern.test(path));
    if (known === undefined) return sendDjinnError(reply, notFound());
    reply.header('allow', known.methods.join(', '));
    return sendDjinnError(reply, new DjinnError(405, { message: 'Method not allowed' }));
  });
}
