import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobDir, openDatabase } from '../../src/embedded/db.js';
import { buildVmImagesApp } from '../../src/embedded/vm-images/server.js';
import { VmImageStore } from '../../src/embedded/vm-images/store.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { type RealGlance, startRealGlance } from '../helpers/real-glance.js';
import { EMBEDDED_TOKENS, runContract } from './glance-contract.js';
import { GLANCE_STEPS } from './glance-steps.js';

/**
 * The embedded VM image service against a real Glance (Debian's glance-api, started by
 * test/helpers/real-glance.ts, or the one at GLANCE_URL): the same requests, the same answers,
 * except for the differences src/embedded/vm-images/README.md lists as deliberate.
 */

/** The steps the embedded README names (step `…`) under "Deliberate differences". */
function deliberate(): Set<string> {
  const readme = readFileSync(new URL('../../src/embedded/vm-images/README.md', import.meta.url), 'utf8');
  const section = readme.split('## Deliberate differences')[1] ?? '';
  return new Set([...section.matchAll(/step `([^`]+)`/g)].map((match) => match[1]!));
}

let glance: RealGlance;
let embedded: FastifyInstance;
let embeddedUrl: string;

beforeAll(async () => {
  glance = await startRealGlance();
  const dir = await tempDataDir();
  const db = openDatabase(dir);
  embedded = buildVmImagesApp({ store: new VmImageStore(db, blobDir(dir, 'vmImages')), tokens: EMBEDDED_TOKENS, maxImageBytes: 64 * 1024 * 1024 });
  embeddedUrl = await embedded.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);

afterAll(async () => {
  await embedded?.close();
  await glance?.stop();
});

describe('the embedded VM image service against a real Glance', () => {
  it('answers every step of the contract as Glance does, but for the deliberate differences', async () => {
    const allowed = deliberate();
    const differences = await runContract(glance.url, embeddedUrl, GLANCE_STEPS);
    const unexpected = differences.filter((difference) => !allowed.has(difference.step));
    expect(unexpected, JSON.stringify(unexpected, null, 1)).toEqual([]);
    // A deliberate difference that no longer differs is stale: the README must say what is true.
    const stale = [...allowed].filter((step) => !differences.some((difference) => difference.step === step));
    expect(stale).toEqual([]);
  }, 120_000);
});
