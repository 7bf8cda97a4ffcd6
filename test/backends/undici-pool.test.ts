import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as undici from 'undici';
import { describe, expect, it } from 'vitest';
import { Pool } from '../../src/overrides/undici-pool.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Run in a process of its own: here, undici's index is loaded (by this file) and would mask a missing piece. */
const ALONE = `
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { Pool } from './src/overrides/undici-pool.ts';
const server = createServer((req, res) => res.end(req.method + ' ' + req.url));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const pool = new Pool('http://127.0.0.1:' + server.address().port, { connections: 1 });
const answers = [];
for (let i = 0; i < 2; i++) {
  const answer = await pool.request({ path: '/v2/images?n=' + i, method: 'GET' });
  answers.push(answer.statusCode + ' ' + (await answer.body.text()));
}
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('/node_modules/undici/'));
await pool.close();
server.close();
console.log(JSON.stringify({ answers, indexLoaded: loaded.some((path) => path.endsWith('/undici/index.js')), fetchLoaded: loaded.some((path) => path.includes('/lib/web/')), modules: loaded.length }));
`;

describe('undici Pool loaded from its own module (src/overrides/undici-pool.ts)', () => {
  it('is the very class undici exports, so an upgrade that moves it fails here', () => {
    expect(Pool).toBe(undici.Pool);
  });

  it("sends requests on a keep-alive connection without loading undici's index", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ALONE], { cwd: ROOT });
    const report = JSON.parse(stdout.trim()) as { answers: string[]; indexLoaded: boolean; fetchLoaded: boolean; modules: number };
    expect(report.answers).toEqual(['200 GET /v2/images?n=0', '200 GET /v2/images?n=1']);
    expect(report.indexLoaded).toBe(false);
    expect(report.fetchLoaded).toBe(false);
    expect(report.modules).toBeGreaterThan(0);
  });
});
