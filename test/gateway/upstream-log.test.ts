import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createBackends } from '../../src/backends/index.js';
import { loadConfig } from '../../src/config.js';
import { readCredentials } from '../../src/admission/credentials.js';
import { createContext } from '../../src/context.js';
import { TOKENS, startTestEmbedded } from '../helpers/harness.js';
import { tempDataDir, track } from '../helpers/leftovers.js';

describe('upstream call log', () => {
  it('logs every upstream call at debug with the request id, and never the token', async () => {
    const embedded = await startTestEmbedded(await tempDataDir());
    const config = loadConfig({});
    const backends = createBackends(config, embedded.urls);
    track(() => backends.close());
    const lines: string[] = [];
    const logger = pino(
      { level: 'debug' },
      new Writable({
        write: (chunk, _enc, done) => {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const context = createContext({ config, backends, logger }, readCredentials({ authorization: `Bearer ${TOKENS.admin}` }, config), { requestId: 'req-42' });
    await backends.vmImages.list(context.call('vmImages'), { limit: 1 });
    const entries = lines.map((l) => JSON.parse(l) as { requestId: string; upstream: Record<string, unknown> });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ requestId: 'req-42', upstream: { backend: 'vmImages', method: 'GET', status: 200, batchSize: 1, shared: false } });
    expect(lines.join('')).not.toContain(TOKENS.admin);
    expect(context.upstreamCalls).toHaveLength(1);
  });
});
