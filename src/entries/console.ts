import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { EmbeddedTokens } from '../embedded/tokens.js';

/**
 * The Gantry Console at /console: the built page (console/dist, written by `npm run
 * build:console`, which `npm start` and `npm run build` run), read once, compressed once with
 * brotli and gzip, and served with an ETag. Hashed assets (`/console/assets/*`) are cached for a
 * year; the page itself is revalidated, so a new build is picked up at once. Any other path under
 * /console is the page (the console routes in the browser).
 *
 * `/console/session.json` tells the page whether only trusted documents run, and offers the
 * embedded dev principals to its sign-in only where the gateway would print them itself
 * (embedded mode, listening on loopback); elsewhere the list is empty and the page asks for a
 * token.
 */
export const CONSOLE_PATH = '/console';
const DIST = fileURLToPath(new URL('../../console/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

interface Asset {
  type: string;
  etag: string;
  raw: Buffer;
  br: Buffer;
  gzip: Buffer;
}

function load(path: string): Asset {
  const raw = readFileSync(path);
  return {
    type: TYPES[extname(path)] ?? 'application/octet-stream',
    etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
    raw,
    br: brotliCompressSync(raw),
    gzip: gzipSync(raw, { level: 9 }),
  };
}

/** Every file of the build, by its path under /console, or undefined when there is no build. */
function loadBuild(): Map<string, Asset> | undefined {
  if (!existsSync(join(DIST, 'index.html'))) return undefined;
  const files = new Map<string, Asset>([['/index.html', load(join(DIST, 'index.html'))]]);
  const assets = join(DIST, 'assets');
  if (existsSync(assets)) for (const name of readdirSync(assets)) files.set(`/assets/${name}`, load(join(assets, name)));
  return files;
}

function send(req: IncomingMessage, res: ServerResponse, asset: Asset, cacheControl: string): void {
  const headers: Record<string, string | number> = { 'content-type': asset.type, etag: asset.etag, 'cache-control': cacheControl, vary: 'accept-encoding' };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const [body, encoding] = /\bbr\b/.test(accepts) ? [asset.br, 'br'] : /\bgzip\b/.test(accepts) ? [asset.gzip, 'gzip'] : [asset.raw, undefined];
  if (encoding) headers['content-encoding'] = encoding;
  res.writeHead(200, { ...headers, 'content-length': body.length }).end(req.method === 'HEAD' ? undefined : body);
}

export type ConsoleRoute = (req: IncomingMessage, res: ServerResponse, path: string) => void;

export function createConsoleRoute(options: { devTokens: EmbeddedTokens | undefined; trustedDocuments: boolean }): ConsoleRoute {
  const principals = Object.entries(options.devTokens ?? {}).map(([name, token]) => ({ name, token }));
  const session = JSON.stringify({ trustedDocuments: options.trustedDocuments, principals });
  let build: Map<string, Asset> | undefined;
  return (req, res, path) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const sub = path.slice(CONSOLE_PATH.length) || '/';
    if (sub === '/session.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(session);
      return;
    }
    build ??= loadBuild();
    if (!build) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The console is not built: run `npm run build:console`.\n');
      return;
    }
    const asset = sub.startsWith('/assets/') ? build.get(sub) : build.get('/index.html');
    if (!asset) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.\n');
      return;
    }
    send(req, res, asset, sub.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
}
