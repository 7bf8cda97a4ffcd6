import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BackendError, cleanMessage, codeForStatus } from '../../src/backends/http/errors.js';
import { readGlanceError, VmImagesClient } from '../../src/backends/vm-images/client.js';
import { track } from '../helpers/leftovers.js';

/** A throwaway HTTP server on 127.0.0.1:0 whose handler the test writes. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  track(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const timeouts = { connectTimeoutMs: 500, headersTimeoutMs: 300, bodyTimeoutMs: 300, connections: 2 };

function client(url: string) {
  const c = new VmImagesClient({ ...timeouts, url });
  track(() => c.close());
  return c;
}

async function failure(promise: Promise<unknown>): Promise<BackendError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

describe('status mapping', () => {
  it('maps upstream statuses to the error contract', () => {
    expect([400, 401, 403, 404, 409, 413, 422, 429, 500, 503].map(codeForStatus)).toEqual([
      'BAD_USER_INPUT',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'PAYLOAD_TOO_LARGE',
      'BAD_USER_INPUT',
      'RATE_LIMITED',
      'UPSTREAM_UNAVAILABLE',
      'UPSTREAM_UNAVAILABLE',
    ]);
    // A redirect is never followed (the credential would go along): the backend is not where it should be.
    expect([301, 302, 307, 308].map(codeForStatus)).toEqual(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE']);
  });

  it('cleans Glance messages of markup and blank lines', () => {
    expect(cleanMessage('Image 1 not found.<br /><br />\n\n\n')).toBe('Image 1 not found.');
    expect(readGlanceError(404, '{"message": "No image<br /><br />\\n\\n", "code": "404 Not Found"}', 'application/json')).toEqual({
      message: 'No image<br /><br />\n\n',
    });
    // An HTML page (a proxy's, a framework's) is never read: only JSON messages may reach a client.
    expect(readGlanceError(404, '<html><body><h1>404 Not Found</h1>Gone away<br /><br /></body></html>', 'text/html')).toEqual({});
  });
});

describe('BackendHttp against misbehaving servers', () => {
  it('sends the token in X-Auth-Token under the configured path prefix', async () => {
    let seen: { url?: string; token?: string } = {};
    const url = await serve((req, res) => {
      seen = { url: req.url, token: req.headers['x-auth-token'] as string };
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"images":[]}');
    });
    await client(`${url}/glance`).list({ token: 'tok-1' }, { limit: 2, tags: ['a', 'b'] });
    expect(seen).toEqual({ url: '/glance/v2/images?limit=2&tag=a&tag=b', token: 'tok-1' });
  });

  it('keeps a 5xx body out of the message and reports the status', async () => {
    const url = await serve((_req, res) => res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"db password is hunter2"}'));
    const error = await failure(client(url).get({ token: 't' }, 'x'));
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 500 });
    expect(error.message).not.toMatch(/hunter2/);
  });

  it('reads Retry-After on 429', async () => {
    const url = await serve((_req, res) => res.writeHead(429, { 'retry-after': '7' }).end());
    expect(await failure(client(url).get({ token: 't' }, 'x'))).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 7 });
  });

  it('turns a hanging backend into UPSTREAM_TIMEOUT within the headers timeout', async () => {
    const url = await serve(() => {
      /* never answers */
    });
    const started = Date.now();
    expect(await failure(client(url).get({ token: 't' }, 'x'))).toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: null });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('turns a malformed JSON body and a reset connection into UPSTREAM_UNAVAILABLE', async () => {
    const broken = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"images": ['));
    expect(await failure(client(broken).list({ token: 't' }, {}))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    const reset = await serve((req) => req.socket.destroy());
    expect(await failure(client(reset).list({ token: 't' }, {}))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: null });
  });

  it('reports a refused connection as UPSTREAM_UNAVAILABLE', async () => {
    expect(await failure(client('http://127.0.0.1:9').list({ token: 't' }, {}))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: null });
  });
});
