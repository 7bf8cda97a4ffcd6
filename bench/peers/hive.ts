/**
 * The peer: GraphQL Mesh composes a supergraph from the embedded services' OpenAPI documents
 * (peers/mesh.config.ts), and Hive Gateway serves it, each as its own process.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { children, firstMatch, ROOT } from '../processes.js';

const BIN = join(ROOT, 'bench/node_modules/.bin');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Composes the supergraph for `backends` into `dir` and starts Hive Gateway on it; its URL and process. */
export async function startHiveGateway(backends: Record<string, string>, dir: string): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env, ...Object.fromEntries(Object.entries(backends).map(([key, url]) => [`BENCH_URL_${key}`, url])) };
  const supergraph = join(dir, 'supergraph.graphql');
  // Not execFileSync: the counting proxies mesh-compose reads the documents through live in this process.
  await promisify(execFile)(join(BIN, 'mesh-compose'), ['-c', join(ROOT, 'bench/peers/mesh.config.ts'), '-o', supergraph], { env });
  const port = await freePort();
  const child = spawn(join(BIN, 'hive-gateway'), ['supergraph', supergraph, '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  // Hive Gateway logs to either stream, depending on the level: watch both.
  child.stderr!.on('data', (chunk: Buffer) => child.stdout!.emit('data', chunk));
  await firstMatch(child, /Listening on/, 60_000);
  return { url: `http://127.0.0.1:${port}`, child };
}
