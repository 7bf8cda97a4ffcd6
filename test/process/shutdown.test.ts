import { waitFor } from '../helpers/wait-for.js';
import { createClient as createSseClient } from 'graphql-sse';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { exited, gantry, outputOf } from '../helpers/gantry-process.js';
import { tempDataDir, track } from '../helpers/leftovers.js';

describe('shutdown and crashes', () => {
  it('on SIGTERM completes open SSE streams and exits 0 well within the drain deadline', async () => {
    const child = gantry([], { PORT: '0', GANTRY_DATA_DIR: await tempDataDir(), GANTRY_TOKEN_ADMIN: 'sse-admin', GANTRY_POLL_INTERVAL_MS: '200' });
    const [, url] = await outputOf(child).waitFor(/Gantry is up: (http:\/\/[^\s]+)\/graphql/);
    const auth = { authorization: 'Bearer sse-admin' };
    const list = await request(`${url}/graphql`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ containers(first: 50) { nodes { id state } } }' }),
    });
    const online = ((await list.body.json()) as any).data.containers.nodes.find((c: { state: string }) => c.state === 'ONLINE').id as string;
    const sse = createSseClient({ url: `${url}/graphql`, headers: auth, retryAttempts: 0 });
    track(() => sse.dispose());
    const events: unknown[] = [];
    let completed = false;
    const ended = new Promise<void>((resolve) =>
      sse.subscribe(
        { query: 'subscription($id: ID!) { containerState(id: $id) { state } }', variables: { id: online } },
        {
          next: (e) => void events.push(e),
          error: () => resolve(),
          complete: () => {
            completed = true;
            resolve();
          },
        },
      ),
    );
    await waitFor(() => events.length > 0, { deadlineMs: 10_000, what: 'a first event' });
    expect(events.length).toBeGreaterThan(0);
    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    await ended;
    expect(completed).toBe(true);
    expect(await exited(child)).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
  }, 30_000);

  it('embedded services lose no acknowledged write when killed with -9', async () => {
    const dataDir = await tempDataDir();
    const env = { GANTRY_DATA_DIR: dataDir, GANTRY_TOKEN_ADMIN: 'crash-admin' };
    const auth = { authorization: 'Bearer crash-admin', 'content-type': 'application/json' };
    const first = gantry(['embedded', '--only', 'serverless,containerImages,vmImages'], env);
    const urls = JSON.parse((await outputOf(first).waitFor(/^\{.*\}$/m))[0]) as Record<string, string>;
    const created = await request(`${urls.serverless}/v1/containers`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'survivor', image: 'nginx:1.27-alpine' }),
    });
    expect(created.statusCode).toBe(201);
    const container = (await created.body.json()) as { id: string };
    const image = await request(`${urls.vmImages}/v2/images`, {
      method: 'POST',
      headers: { 'x-auth-token': 'crash-admin', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'survivor-image' }),
    });
    expect(image.statusCode).toBe(201);
    const imageId = ((await image.body.json()) as { id: string }).id;
    // The answer was sent: the write is acknowledged. Now the process dies without a chance to flush anything.
    first.kill('SIGKILL');
    await exited(first);

    const second = gantry(['embedded', '--only', 'serverless,containerImages,vmImages'], env);
    const again = JSON.parse((await outputOf(second).waitFor(/^\{.*\}$/m))[0]) as Record<string, string>;
    const read = await request(`${again.serverless}/v1/containers/${container.id}`, { headers: auth });
    expect(read.statusCode).toBe(200);
    expect(((await read.body.json()) as { name: string }).name).toBe('survivor');
    const readImage = await request(`${again.vmImages}/v2/images/${imageId}`, { headers: { 'x-auth-token': 'crash-admin' } });
    expect(readImage.statusCode).toBe(200);
    expect(((await readImage.body.json()) as { name: string }).name).toBe('survivor-image');
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  }, 40_000);
});
