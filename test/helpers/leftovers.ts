import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Everything a test starts registers its stop here; the list is drained in `afterAll`, last
 * started first, so a failing test never leaves a server, socket or temp dir behind.
 */
const leftovers: Array<() => unknown> = [];

export function track<T extends () => unknown>(stop: T): T {
  leftovers.push(stop);
  return stop;
}

afterAll(async () => {
  while (leftovers.length > 0) {
    const stop = leftovers.pop()!;
    await stop();
  }
});

/** A fresh directory under the OS temp dir, removed after the file's tests. */
export async function tempDataDir(prefix = 'gantry-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  track(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Listens on 127.0.0.1:0 and closes (connections included) after the file's tests; the server's URL. */
export async function listenTracked(server: import('node:http').Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  track(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
}
