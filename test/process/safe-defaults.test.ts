import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { exited, gantry, outputOf } from '../helpers/gantry-process.js';
import { tempDataDir } from '../helpers/leftovers.js';

/**
 * What a start does by default, read from the real process: demo backends refused in the
 * production profile unless allowed, dev tokens kept out of pages and the banner when the
 * gateway listens beyond loopback, a banner that says only what is served, and /metrics on a
 * port of its own or off.
 */

const TOKEN = 'safe-defaults-admin-token';
const UP = /Gantry is up: (http:\/\/\S+)\/graphql/;

/** GET /graphql as a browser asks for a page. */
const graphiqlPage = (url: string) => request(`${url}/graphql`, { headers: { accept: 'text/html' } });

describe('safe defaults at start', () => {
  it('the production profile with demo backends refuses to start, naming the URLs and the setting that allows it', async () => {
    const child = gantry([], { PORT: '0', GANTRY_PROFILE: 'production', GANTRY_DATA_DIR: await tempDataDir() });
    const output = outputOf(child);
    expect(await exited(child)).toBe(2);
    expect(output.stderr()).toMatch(/production profile needs a URL for every backend/);
    expect(output.stderr()).toContain('GANTRY_VM_IMAGES_URL');
    expect(output.stderr()).toContain('GANTRY_ALLOW_DEMO_BACKENDS=true');
    expect(output.stdout()).not.toMatch(UP);
    // check-config says the same before a rollout.
    const check = gantry(['check-config'], { NODE_ENV: 'production' });
    const checked = outputOf(check);
    expect(await exited(check)).toBe(2);
    expect(checked.stderr()).toContain('GANTRY_SERVERLESS_URL');
  }, 30_000);

  it('beyond loopback: no dev token in the banner or GraphiQL, and it says where they are; /metrics only on its own port', async () => {
    const dataDir = await tempDataDir();
    // 0.0.0.0 stands for any non-loopback address; the test still talks to it over 127.0.0.1.
    const child = gantry([], { HOST: '0.0.0.0', PORT: '0', GANTRY_DATA_DIR: dataDir, GANTRY_TOKEN_ADMIN: TOKEN, GANTRY_METRICS_PORT: '0' });
    const output = outputOf(child);
    const [, shown] = await output.waitFor(UP);
    const [, metricsAt] = await output.waitFor(/Metrics: (http:\/\/\S+)\n/);
    await output.waitFor(/Dev tokens are not shown, nor put into GraphiQL: HOST=0\.0\.0\.0 is not a loopback address\. They are in (\S+)/);
    expect(output.stdout() + output.stderr()).not.toContain(TOKEN);
    const url = shown!.replace('0.0.0.0', '127.0.0.1');
    const page = await graphiqlPage(url);
    expect(page.statusCode).toBe(200);
    const html = await page.body.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toContain(TOKEN);
    // The token still works as a credential: only its display was withheld.
    const answer = await request(`${url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ vmImages(first: 1) { nodes { id } } }' }),
    });
    expect(((await answer.body.json()) as { data: { vmImages: { nodes: unknown[] } } }).data.vmImages.nodes).toHaveLength(1);

    const metrics = await request(metricsAt!.replace('0.0.0.0', '127.0.0.1'));
    expect(metrics.statusCode).toBe(200);
    expect(await metrics.body.text()).toContain('gantry_operations_total');
    const onGatewayPort = await request(`${url}/metrics`);
    expect(onGatewayPort.statusCode).toBe(404);
    await onGatewayPort.body.dump();
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  }, 30_000);

  it('on loopback the banner prints the tokens and GraphiQL holds the admin one', async () => {
    const child = gantry([], { PORT: '0', GANTRY_DATA_DIR: await tempDataDir(), GANTRY_TOKEN_ADMIN: TOKEN });
    const output = outputOf(child);
    const [, url] = await output.waitFor(UP);
    await output.waitFor(new RegExp(`admin\\s+${TOKEN}`));
    expect(output.stdout()).toMatch(/\(open it in a browser for GraphiQL\)/);
    expect(await (await graphiqlPage(url!)).body.text()).toContain(TOKEN);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  }, 30_000);

  it('the production banner promises no GraphiQL it will not serve, and says /metrics is off', async () => {
    const child = gantry([], {
      PORT: '0',
      GANTRY_PROFILE: 'production',
      GANTRY_ALLOW_DEMO_BACKENDS: 'true',
      GANTRY_DATA_DIR: await tempDataDir(),
      GANTRY_METRICS_PORT: 'off',
      GANTRY_METRICS_KEY: 'a-metrics-key-of-some-length',
    });
    const output = outputOf(child);
    const [line, url] = await output.waitFor(UP);
    expect(line).not.toMatch(/browser/);
    await output.waitFor(/production profile: no GraphiQL, no introspection/);
    await output.waitFor(/Metrics: off/);
    const page = await graphiqlPage(url!);
    expect(await page.body.text()).not.toContain('GraphiQL');
    const metrics = await request(`${url}/metrics`, { headers: { authorization: 'Bearer a-metrics-key-of-some-length' } });
    expect(metrics.statusCode).toBe(404);
    await metrics.body.dump();
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  }, 30_000);
});
