import { beforeAll, describe, expect, it } from 'vitest';
import type { As } from './harness.js';
import { startServerless, type ServerlessHarness } from './serverless-harness.js';

/** The 25 models of the shared specs README, in its order. */
const EXPECTED = [
  ['h100', 'Nvidia h100'],
  ['a100', 'Nvidia a100'],
  ['a40', 'Nvidia a40'],
  ['a16', 'Nvidia a16'],
  ['t4', 'Nvidia t4'],
  ['v100', 'Nvidia v100'],
  ['p4', 'Nvidia tesla-p4'],
  ['p100', 'Nvidia tesla-p100'],
  ['k80', 'Nvidia tesla-k80'],
  ['3050', 'Nvidia rtx-3050'],
  ['3060', 'Nvidia rtx-3060'],
  ['3060ti', 'Nvidia rtx-3060-ti'],
  ['3070', 'Nvidia rtx-3070'],
  ['3070ti', 'Nvidia rtx-3070-ti'],
  ['3080', 'Nvidia rtx-3080'],
  ['3080ti', 'Nvidia rtx-3080-ti'],
  ['3090', 'Nvidia rtx-3090'],
  ['3090ti', 'Nvidia rtx-3090-ti'],
  ['1050', 'Nvidia gtx-1050'],
  ['1050ti', 'Nvidia gtx-1050-ti'],
  ['1060', 'Nvidia gtx-1060'],
  ['1070', 'Nvidia gtx-1070'],
  ['1070ti', 'Nvidia gtx-1070-ti'],
  ['1080', 'Nvidia gtx-1080'],
  ['1080ti', 'Nvidia gtx-1080-ti'],
].map(([code, name]) => ({ code, name }));

describe('GET /v1/gpu-models', () => {
  let h: ServerlessHarness;
  beforeAll(async () => {
    h = await startServerless();
  });

  it('lists exactly the 25 models as {"items", "total": 25, "page": 1, "rowsPerPage": 100}, the same for every principal', async () => {
    for (const as of ['admin', 'reader', 'other'] as As[]) {
      const reply = await h.call('GET', '/v1/gpu-models', { as });
      expect(reply.status, as).toBe(200);
      expect(reply.body).toEqual({ items: EXPECTED, total: 25, page: 1, rowsPerPage: 100 });
    }
  });

  it('pages with page and rows, and refuses unusable values with 400', async () => {
    const third = await h.call('GET', '/v1/gpu-models?page=3&rows=10');
    expect(third.body).toEqual({ items: EXPECTED.slice(20), total: 25, page: 3, rowsPerPage: 10 });
    expect((await h.call('GET', '/v1/gpu-models?page=4&rows=10')).body.items).toEqual([]);
    const bad = await h.call('GET', '/v1/gpu-models?rows=many');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'data validation error', fields: { rows: 'must be an integer from 1 to 1000' } });
  });

  it('needs a token like every other route', async () => {
    expect(await h.call('GET', '/v1/gpu-models', { as: 'none' })).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
  });
});
