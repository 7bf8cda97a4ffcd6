import { PassThrough } from 'node:stream';
import { createClient as createWsClient } from 'graphql-ws';
import { request } from 'undici';
import WebSocket from 'ws';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/config/schema.js';
import { exited, gantry, outputOf } from '../helpers/gantry-process.js';
import { tempDataDir, track } from '../helpers/leftovers.js';

describe('gantry process', () => {
  it('starts with embedded backends, prints URL and dev tokens, serves, and drains on SIGTERM', async () => {
    const dataDir = await tempDataDir();
    const child = gantry([], { PORT: '0', GANTRY_DATA_DIR: dataDir });
    const output = outputOf(child);
    const [, url] = await output.waitFor(/Gantry is up: (http:\/\/[^\s]+)\/graphql/);
    const [, adminToken] = await output.waitFor(/admin\s+(\S+)/);
    const response = await request(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query: '{ vmImages(first: 1) { nodes { name } } }' }),
    });
    const body = (await response.body.json()) as any;
    expect(body.data.vmImages.nodes).toHaveLength(1);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  }, 30_000);

  it('on SIGTERM finishes an upload in flight, closes WebSockets with 1001, then exits 0', async () => {
    const dataDir = await tempDataDir();
    const child = gantry([], { PORT: '0', GANTRY_DATA_DIR: dataDir, GANTRY_TOKEN_ADMIN: 'drain-admin' });
    const [, url] = await outputOf(child).waitFor(/Gantry is up: (http:\/\/[^\s]+)\/graphql/);
    const auth = { authorization: 'Bearer drain-admin' };
    const created = await request(`${url}/graphql`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation { createVmImage(input: { name: "drain", diskFormat: RAW, containerFormat: BARE }) { ... on CreateVmImageSuccess { vmImage { uploadUrl } } } }',
      }),
    });
    const dataUrl = ((await created.body.json()) as any).data.createVmImage.vmImage.uploadUrl as string;

    const ws = createWsClient({
      url: `${url!.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => {},
      connectionParams: auth,
    });
    track(() => ws.dispose());
    const closeCode = new Promise<number>((resolve) => ws.on('closed', (event) => resolve((event as { code: number }).code)));
    await ws.iterate({ query: '{ __typename }' }).next();

    const body = new PassThrough();
    const upload = request(`${url}${dataUrl}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/octet-stream', 'content-length': '8' },
      body,
    });
    body.write('half');
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the first half reach the backend
    child.kill('SIGTERM');
    expect(await closeCode).toBe(1001);
    body.end('done');
    expect((await upload).statusCode).toBe(204);
    expect(await exited(child)).toBe(0);
  }, 30_000);

  it('stops with exit code 2 and names the variable when a setting is wrong', async () => {
    const child = gantry([], { PORT: 'eighty' });
    const output = outputOf(child);
    expect(await exited(child)).toBe(2);
    expect(output.stderr()).toMatch(/PORT/);
    expect(output.stderr()).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  }, 30_000);

  it('`gantry embedded --only vmImages` prints one JSON line of URLs and serves the REST API', async () => {
    const dataDir = await tempDataDir();
    // Logs on too: whatever else it says must go to stderr.
    const child = gantry(['embedded', '--only', 'vmImages'], { GANTRY_DATA_DIR: dataDir, GANTRY_TOKEN_ADMIN: 'cli-admin', LOG_LEVEL: 'debug' });
    const output = outputOf(child);
    const [line] = await output.waitFor(/^\{.*\}$/m);
    const urls = JSON.parse(line) as Record<string, string>;
    expect(Object.keys(urls)).toEqual(['vmImages']);
    const response = await request(`${urls.vmImages}/v2/images?limit=1`, { headers: { 'x-auth-token': 'cli-admin' } });
    expect(response.statusCode).toBe(200);
    expect(((await response.body.json()) as any).images).toHaveLength(1);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    // Exactly what the README says: one JSON line on stdout, the dev tokens on stderr.
    expect(output.stdout()).toBe(`${line}\n`);
    expect(output.stderr()).toMatch(/Dev tokens: .*cli-admin/);
  }, 30_000);

  it('`gantry --help` lists every setting with its env var, file key and default', async () => {
    const child = gantry(['--help'], {});
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    expect(await exited(child)).toBe(0);
    for (const setting of SETTINGS) {
      expect(out).toContain(setting.env);
      expect(out).toContain(`config file key: ${setting.file}`);
    }
    expect(out).toContain('check-config');
  }, 30_000);

  it('`gantry check-config` says a configuration is valid, or names what is wrong and exits 2', async () => {
    const dir = await tempDataDir();
    const good = join(dir, 'good.yaml');
    writeFileSync(good, 'port: 4100\nlimits:\n  maxDepth: 8\n');
    const ok = gantry(['check-config', '--config', good], {});
    const okOutput = outputOf(ok);
    expect(await exited(ok)).toBe(0);
    await expect(okOutput.waitFor(/Configuration is valid/)).resolves.toBeTruthy();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'port: 4100\nlimits:\n  maxDepht: 8\n');
    const refused = gantry(['check-config', '--config', bad], { GANTRY_MAX_COST: 'lots' });
    const refusedOutput = outputOf(refused);
    expect(await exited(refused)).toBe(2);
    expect(refusedOutput.stderr()).toMatch(/limits\.maxDepht/);
    expect(refusedOutput.stderr()).toMatch(/GANTRY_MAX_COST/);
  }, 30_000);

  it('`gantry embedded --port-vm-images <port>` serves on that fixed port', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const child = gantry(['embedded', '--only', 'vmImages', '--port-vm-images', String(port)], { GANTRY_DATA_DIR: await tempDataDir() });
    const [line] = await outputOf(child).waitFor(/^\{.*\}$/m);
    expect(JSON.parse(line)).toEqual({ vmImages: `http://127.0.0.1:${port}` });
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  }, 30_000);

  it('`gantry embedded --only` refuses an unknown backend key', async () => {
    const child = gantry(['embedded', '--only', 'glance'], {});
    const output = outputOf(child);
    expect(await exited(child)).toBe(2);
    expect(output.stderr()).toMatch(/unknown backend "glance"/);
  }, 30_000);
});
