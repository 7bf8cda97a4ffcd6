import { beforeAll, describe, expect, it } from 'vitest';
import { startStack, startTestGateway, TOKENS, type Stack } from '../helpers/harness.js';

/**
 * The gateway revalidates what the ComputeStacks services tagged (src/backends/revalidation.ts):
 * the second identical query makes the same calls, answered 304, with the same data; a change
 * shows at once; credentials never share a kept answer.
 */

const QUERY = '{ containers(first: 50) { nodes { id name image { id label description } } } }';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});

async function traced(url: string, token: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-gantry-trace': 'upstream' },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown; extensions: { upstream: Array<{ backend: string; path: string; status: number }> } };
  expect(body.errors).toBeUndefined();
  return { data: body.data, calls: body.extensions.upstream.map((c) => `${c.status} ${c.backend} ${c.path}`) };
}

describe('revalidation of tagged backend answers', () => {
  it('makes the same calls the second time, answered 304, with the same data', async () => {
    const first = await traced(stack.gateway.url, TOKENS.admin);
    const second = await traced(stack.gateway.url, TOKENS.admin);
    expect(first.calls.every((c) => c.startsWith('200 '))).toBe(true);
    expect(second.calls.map((c) => c.replace(/^\d+ /, ''))).toEqual(first.calls.map((c) => c.replace(/^\d+ /, '')));
    expect(second.calls.filter((c) => c.includes('/container_images?')).every((c) => c.startsWith('304 '))).toBe(true);
    expect(second.data).toEqual(first.data);
  });

  it('shows a change at once: the changed page comes back 200 with the new value', async () => {
    const before = await traced(stack.gateway.url, TOKENS.admin);
    const image = before.data.containers.nodes.find((c: any) => c.image).image;
    const description = `revalidated ${Date.now()}`;
    const update = await stack.gql(`mutation($id: ID!, $d: String!) { updateContainerImage(input: { id: $id, description: $d }) { __typename } }`, {
      id: image.id,
      d: description,
    });
    expect(update.errors).toBeUndefined();
    const after = await traced(stack.gateway.url, TOKENS.admin);
    expect(after.data.containers.nodes.find((c: any) => c.image?.id === image.id).image.description).toBe(description);
    expect(after.calls.some((c) => c.startsWith('200 containerImages'))).toBe(true);
  });

  it('never answers one credential from what another was sent', async () => {
    await traced(stack.gateway.url, TOKENS.admin);
    const reader = await traced(stack.gateway.url, TOKENS.reader);
    expect(reader.calls.every((c) => c.startsWith('200 '))).toBe(true);
  });

  it('is off with GANTRY_UPSTREAM_REVALIDATION_BYTES=0', async () => {
    const gateway = await startTestGateway(stack.embedded.urls, { GANTRY_UPSTREAM_REVALIDATION_BYTES: '0' });
    await traced(gateway.url, TOKENS.admin);
    const second = await traced(gateway.url, TOKENS.admin);
    expect(second.calls.every((c) => c.startsWith('200 '))).toBe(true);
  });
});
