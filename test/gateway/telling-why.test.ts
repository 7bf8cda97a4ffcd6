import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import pino from 'pino';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { whyUnreachable } from '../../src/backends/http/why-unavailable.js';
import { listenTracked, track } from '../helpers/leftovers.js';
import { startTestGateway, TOKENS } from '../helpers/harness.js';
import { freePort } from '../helpers/free-port.js';
import { waitFor } from '../helpers/wait-for.js';

/**
 * An operator reads why a backend is unavailable on /readyz and in the log: refused, timeout,
 * TLS, the HTTP status, each with host:port and never a token; a warning when a backend misses
 * its first probe, and when a circuit opens and closes. Each failure here is real: a closed
 * port, a server that never answers, TLS spoken to a plain HTTP server, a 503.
 */

/** A pino logger whose lines land in an array, parsed. */
function capturingLogger() {
  const lines: Array<{ level: number; msg: string; [key: string]: unknown }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines, warnings: () => lines.filter((line) => line.level === 40) };
}

/** Accepts connections and never answers. */
async function silentServer(): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  track(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return (server.address() as { port: number }).port;
}

/** Answers every request with `status()`. */
async function statusServer(status: () => number): Promise<string> {
  return listenTracked(createHttpServer((_req, res) => res.writeHead(status(), { 'content-type': 'application/json' }).end('{"versions":[]}')));
}

/** Every backend at one URL (the tests watch one of them). */
const allAt = (url: string) => ({ vmImages: url, ciImages: url, containerImages: url, containers: url, serverless: url });

describe('why a backend is unavailable', () => {
  it('/readyz and the start-up warning name refused, timeout, TLS and HTTP status failures with host:port', async () => {
    const refused = await freePort();
    const silent = await silentServer();
    const failing = await statusServer(() => 503);
    const plain = await statusServer(() => 200);
    const { logger, warnings, lines } = capturingLogger();
    const gateway = await startTestGateway(
      {
        vmImages: `http://127.0.0.1:${refused}`,
        ciImages: `http://127.0.0.1:${silent}`,
        containerImages: failing,
        // TLS spoken to a plain HTTP server: a real handshake failure.
        containers: plain.replace('http:', 'https:'),
        serverless: plain,
      },
      {},
      { logger },
    );
    const ready = await request(`${gateway.url}/readyz`);
    expect(ready.statusCode).toBe(503);
    const { backends } = (await ready.body.json()) as { backends: Record<string, { ok: boolean; reason?: string }> };
    const failingTarget = failing.slice('http://'.length);
    const plainTarget = plain.slice('http://'.length);
    expect(backends.vmImages!.reason).toBe(`connection refused by 127.0.0.1:${refused}`);
    expect(backends.ciImages!.reason).toBe(`no answer from 127.0.0.1:${silent} in time`);
    expect(backends.containerImages!.reason).toBe(`HTTP 503 from ${failingTarget}`);
    expect(backends.containers!.reason).toMatch(new RegExp(`^TLS error with ${plainTarget} \\((ERR_SSL_|EPROTO)`));
    expect(backends.serverless).toMatchObject({ ok: true });
    expect(backends.serverless!.reason).toBeUndefined();

    const firstProbe = warnings().filter((line) => /did not answer its first probe/.test(line.msg));
    expect(firstProbe.map((line) => line.backend).sort()).toEqual(['ciImages', 'containerImages', 'containers', 'vmImages']);
    expect(firstProbe.find((line) => line.backend === 'vmImages')!.msg).toContain(`connection refused by 127.0.0.1:${refused}`);
    expect(JSON.stringify(lines)).not.toContain(TOKENS.admin);
  }, 20_000);

  it('classifies DNS failures (a real lookup would leave loopback), resets and unknown codes by their code alone', () => {
    expect(whyUnreachable(Object.assign(new Error('getaddrinfo ENOTFOUND glance.internal'), { code: 'ENOTFOUND' }), 'glance.internal:9292')).toBe(
      'DNS lookup failed for glance.internal:9292 (ENOTFOUND)',
    );
    expect(whyUnreachable({ cause: { code: 'ECONNRESET' } }, 'a:1')).toBe('connection reset by a:1');
    // A message never shows: it could hold anything the failing library put there.
    expect(whyUnreachable(new Error('secret-token-in-message'), 'a:1')).toBe('a:1 failed (Error)');
  });

  it('logs once when a backend goes down and when it answers again', async () => {
    let status = 200;
    const backend = await statusServer(() => status);
    const { logger, lines } = capturingLogger();
    const gateway = await startTestGateway(allAt(backend), { GANTRY_READINESS_INTERVAL_MS: '50' }, { logger });
    status = 503;
    await waitFor(() => lines.some((line) => line.level === 40 && /backend vmImages is unavailable: HTTP 503/.test(line.msg)), {
      what: 'the unavailable warning',
    });
    status = 200;
    await waitFor(() => lines.some((line) => /backend vmImages answers again/.test(line.msg)), { what: 'the recovery line' });
    expect(lines.filter((line) => /backend vmImages is unavailable/.test(line.msg))).toHaveLength(1);
    expect((await request(`${gateway.url}/readyz`)).statusCode).toBe(200);
  });

  it('warns when a circuit opens and again when its probe call closes it', async () => {
    let failing = true;
    // Probes (/versions) pass; API calls fail while `failing`.
    const backend = await listenTracked(
      createHttpServer((req, res) => {
        if (req.url?.startsWith('/versions')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"versions":[]}');
        if (failing) return void res.writeHead(500, { 'content-type': 'application/json' }).end('{}');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ images: [] }));
      }),
    );
    const { logger, warnings } = capturingLogger();
    const gateway = await startTestGateway(
      allAt(backend),
      { GANTRY_UPSTREAM_BREAKER_THRESHOLD: '2', GANTRY_UPSTREAM_BREAKER_COOLDOWN_MS: '200', GANTRY_UPSTREAM_RETRIES: '0' },
      { logger },
    );
    const query = () =>
      request(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}` },
        body: JSON.stringify({ query: '{ vmImages(first: 1) { nodes { id } } }' }),
      }).then((response) => response.body.json() as Promise<{ data?: { vmImages: unknown } }>);
    await query();
    await query();
    const target = backend.slice('http://'.length);
    const opened = warnings().filter((line) => /circuit for backend vmImages/.test(line.msg));
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ backend: 'vmImages', target, state: 'open', failures: 2 });
    failing = false;
    await waitFor(async () => (await query()).data?.vmImages != null, { what: 'a call through the closed circuit' });
    const changes = warnings().filter((line) => /circuit for backend vmImages/.test(line.msg));
    expect(changes.map((line) => line.state)).toEqual(['open', 'closed']);
    expect(changes[1]!.msg).toContain(`(${target}) closed`);
  });
});
