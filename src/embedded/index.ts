import type { BackendKey } from '../backend-keys.js';
import { startCiImagesServer } from './ci-images/server.js';
import { startContainerImagesServer } from './container-images/server.js';
import { startContainersServer } from './containers/server.js';
import { openDatabase } from './db.js';
import type { RunningService, StartService } from './service.js';
import { startServerlessServer } from './serverless/server.js';
import { systemClock, type Clock } from './simulation.js';
import type { EmbeddedTokens } from './tokens.js';
import { startVmImagesServer } from './vm-images/server.js';

/** Options of `startEmbedded`. */
export interface EmbeddedOptions {
  /** Interface every service listens on. @default '127.0.0.1' */
  host?: string;
  /** Port per service; 0 picks a free one. @default 0 for each */
  ports?: Partial<Record<BackendKey, number>>;
  /** Where the SQLite file, blobs and generated tokens live. */
  dataDir: string;
  /** The principals' tokens, already resolved (see `resolveEmbeddedTokens`). */
  tokens: EmbeddedTokens;
  /** Start only these services; unknown keys are ignored (the CLI validates them). @default all */
  only?: BackendKey[];
  /** Largest image upload accepted, in bytes. @default 64 GiB */
  maxImageBytes?: number;
  /**
   * Now in epoch milliseconds, read whenever a service needs the time of simulated events
   * (container power transitions, logs, metrics). Tests pass a fake clock they advance.
   * @default Date.now
   */
  clock?: Clock;
}

/** The running embedded services. */
export interface EmbeddedServices {
  /** Service roots by backend key (no `/v2` or other API prefix), e.g. `{ vmImages: 'http://127.0.0.1:41234' }`. */
  urls: Partial<Record<BackendKey, string>>;
  tokens: EmbeddedTokens;
  /** Stops every service, then closes the database. Safe to call twice. */
  close(): Promise<void>;
}

const DEFAULT_MAX_IMAGE_BYTES = 64 * 1024 ** 3;

/** One entry per embedded API; each runs as its own Fastify instance on its own port, like the real services. */
const SERVICES: Partial<Record<BackendKey, StartService>> = {
  vmImages: startVmImagesServer,
  ciImages: startCiImagesServer,
  containerImages: startContainerImagesServer,
  containers: startContainersServer,
  serverless: startServerlessServer,
};

/** Starts the embedded services over one shared SQLite database in `dataDir`. */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServices> {
  const host = options.host ?? '127.0.0.1';
  const db = openDatabase(options.dataDir);
  const running: Array<[BackendKey, RunningService]> = [];
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      // Last started first; the database closes only after every server has stopped using it.
      for (const [, service] of [...running].reverse()) await service.close();
      db.close();
    })();
    return closing;
  };
  try {
    for (const [key, start] of Object.entries(SERVICES) as Array<[BackendKey, StartService]>) {
      if (options.only !== undefined && !options.only.includes(key)) continue;
      running.push([
        key,
        await start({
          db,
          dataDir: options.dataDir,
          host,
          port: options.ports?.[key] ?? 0,
          tokens: options.tokens,
          maxImageBytes: options.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES,
          clock: options.clock ?? systemClock,
        }),
      ]);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { urls: Object.fromEntries(running.map(([key, service]) => [key, service.url])), tokens: options.tokens, close };
}
