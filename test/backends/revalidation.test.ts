import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BackendHttp } from '../../src/backends/http.js';
import type { BackendHttpOptions } from '../../src/backends/http/types.js';
import { track } from '../helpers/leftovers.js';

/**
 * Conditional GETs (src/backends/revalidation.ts) against a server the test writes: what is
 * sent, what a 304 answers, and what is never shared or kept.
 */

interface Seen {
  token: string | undefined;
  ifNoneMatch: string | undefined;
}

/** A backend whose one resource has ETag `"v<version>"`; `version` and `total` are the test's to change. */
async function taggedBackend(body: (version: number) => string) {
  const state = { version: 1, total: 1, tagging: true, seen: [] as Seen[] };
  const server = createServer((req: IncomingMessage, res) => {
    state.seen.push({ token: req.headers.authorization, ifNoneMatch: req.headers['if-none-match'] });
    if (!state.tagging) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(body(state.version));
      return;
    }
    const etag = `"v${state.version}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, total: String(state.total) }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', etag, total: String(state.total) }).end(body(state.version));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  track(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, state };
}

function http(url: string, options: Partial<BackendHttpOptions> = {}): BackendHttp {
  const client = new BackendHttp(
    { backend: 'containerImages', url, connectTimeoutMs: 500, headersTimeoutMs: 500, bodyTimeoutMs: 500, connections: 2, ...options },
    () => ({}),
    (token) => ({ authorization: `Bearer ${token}` }),
  );
  track(() => client.close());
  return client;
}

const get = (client: BackendHttp, token: string) => client.requestJson<{ version: number }>({ method: 'GET', path: '/thing' }, { token });

describe('conditional GETs', () => {
  it('asks with If-None-Match and answers a 304 from the kept body, under the headers the 304 brought', async () => {
    const backend = await taggedBackend((version) => JSON.stringify({ version }));
    const client = http(backend.url);
    const first = await get(client, 'alice');
    backend.state.total = 2;
    const second = await get(client, 'alice');
    expect(backend.state.seen.map((s) => s.ifNoneMatch)).toEqual([undefined, '"v1"']);
    expect(second.body).toBe(first.body);
    // Shared by every caller of that credential and path, so frozen all the way down.
    expect(Object.isFrozen(second.body)).toBe(true);
    expect(second.status).toBe(200);
    expect(second.headers.total).toBe('2');
    expect(first.headers.total).toBe('1');
  });

  it('sends no If-None-Match while the backend tags nothing, and starts with its first tagged answer', async () => {
    const backend = await taggedBackend((version) => JSON.stringify({ version }));
    backend.state.tagging = false;
    const client = http(backend.url);
    await get(client, 'alice');
    await get(client, 'alice');
    backend.state.tagging = true;
    await get(client, 'alice');
    const revalidated = await get(client, 'alice');
    expect(backend.state.seen.map((s) => s.ifNoneMatch)).toEqual([undefined, undefined, undefined, '"v1"']);
    expect(revalidated.body).toEqual({ version: 1 });
  });

  it('takes the new body when the resource changed, and revalidates against the new tag', async () => {
    const backend = await taggedBackend((version) => JSON.stringify({ version }));
    const client = http(backend.url);
    await get(client, 'alice');
    backend.state.version = 2;
    expect((await get(client, 'alice')).body).toEqual({ version: 2 });
    expect((await get(client, 'alice')).body).toEqual({ version: 2 });
    expect(backend.state.seen.map((s) => s.ifNoneMatch)).toEqual([undefined, '"v1"', '"v2"']);
  });

  it('never revalidates one credential against what another was sent', async () => {
    const backend = await taggedBackend((version) => JSON.stringify({ version }));
    const client = http(backend.url);
    await get(client, 'alice');
    await get(client, 'bob');
    await get(client, 'bob');
    expect(backend.state.seen).toEqual([
      { token: 'Bearer alice', ifNoneMatch: undefined },
      { token: 'Bearer bob', ifNoneMatch: undefined },
      { token: 'Bearer bob', ifNoneMatch: '"v1"' },
    ]);
  });

  it('keeps nothing when turned off (0 bytes) or when a body is over the bound', async () => {
    const backend = await taggedBackend((version) => JSON.stringify({ version, padding: 'x'.repeat(2000) }));
    const off = http(backend.url, { revalidationBytes: 0 });
    await get(off, 'alice');
    await get(off, 'alice');
    const small = http(backend.url, { revalidationBytes: 1000 });
    await get(small, 'alice');
    await get(small, 'alice');
    expect(backend.state.seen.map((s) => s.ifNoneMatch)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
