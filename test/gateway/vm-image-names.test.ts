import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';

/**
 * Names Glance would misread. Glance reads `a:b` in its `name` filter as operator `a` (400) and
 * `eq:alpha` as `alpha`, so the gateway sends every name as `eq:<name>`. In a `names` list, a
 * quoted value keeps its backslashes on Glance, so a name with a double quote matches nothing
 * there and here alike, and the other names still match.
 */
let gateway: Gateway;

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  gateway = await startTestGateway(embedded.urls);
  for (const name of ['a:b', 'eq:alpha', 'alpha', 'say "hi"']) {
    const response = await fetch(`${embedded.urls.vmImages}/v2/images`, {
      method: 'POST',
      headers: { 'x-auth-token': TOKENS.admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name, disk_format: 'qcow2', container_format: 'bare' }),
    });
    expect(response.status).toBe(201);
  }
});

const names = async (filter: Record<string, unknown>) => {
  const { data, errors } = await gqlAt(gateway.url, 'query($filter: VmImageFilter) { vmImages(first: 50, filter: $filter) { nodes { name } } }', { filter });
  expect(errors).toBeUndefined();
  return (data.vmImages.nodes as Array<{ name: string }>).map((node) => node.name).sort();
};

describe('VM image names that Glance would misread', () => {
  it('finds a name with a colon, and one that looks like an operator, as written', async () => {
    expect(await names({ name: 'a:b' })).toEqual(['a:b']);
    expect(await names({ name: 'eq:alpha' })).toEqual(['eq:alpha']);
    expect(await names({ name: 'alpha' })).toEqual(['alpha']);
  });

  it('matches the other names of a list that holds a name with a double quote, without an error', async () => {
    expect(await names({ names: ['say "hi"', 'alpha', 'a:b'] })).toEqual(['a:b', 'alpha']);
  });
});
