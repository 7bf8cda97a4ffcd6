import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { CiImageByIdDocument, CiImagesPageDocument, CiImageUploadUrlDocument, DeleteCiImageDocument } from '../generated/graphql.js';
import { startDelayProxy } from '../helpers/delay-proxy.js';
import { startStack, startTestGateway, TOKENS, type Stack } from '../helpers/harness.js';
import { qcow2 } from '../helpers/qcow2.js';
import { waitFor } from '../helpers/wait-for.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});

const auth = (token: string = TOKENS.admin) => ({ authorization: `Bearer ${token}` });

async function uploadUrl(name: string, namespace?: string) {
  const { data } = await stack.gql(CiImageUploadUrlDocument, { name, ...(namespace ? { namespace } : {}) });
  return data.ciImageUploadUrl;
}

async function names(): Promise<string[]> {
  const all: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const { data }: any = await stack.gql(CiImagesPageDocument, { first: 100, after });
    all.push(...data.ciImages.edges.map((e: any) => e.node.name));
    if (!data.ciImages.pageInfo.hasNextPage) return all;
    after = data.ciImages.pageInfo.endCursor;
  }
  return all;
}

describe('ciImages connection', () => {
  it('crosses the 25-per-page boundary: first 40 is two upstream pages, in order, no duplicates', async () => {
    const { data, errors } = await stack.gql(CiImagesPageDocument, { first: 40 });
    expect(errors).toBeUndefined();
    const nodes = data.ciImages!.edges.map((e) => e.node);
    expect(nodes).toHaveLength(40);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(40);
    const times = nodes.map((n) => Date.parse(n.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const { data: next } = await stack.gql(CiImagesPageDocument, { first: 10, after: data.ciImages!.pageInfo.endCursor });
    const { data: fifty } = await stack.gql(CiImagesPageDocument, { first: 50 });
    expect([...nodes, ...next.ciImages!.edges.map((e) => e.node)].map((n) => n.id)).toEqual(fifty.ciImages!.edges.map((e) => e.node.id));
  });

  it('searches by name and embeds user, author and namespace', async () => {
    const { data } = await stack.gql(CiImagesPageDocument, { first: 25, search: 'dev' });
    expect(data.ciImages!.edges.length).toBeGreaterThan(0);
    expect(data.ciImages!.edges.every((e) => e.node.name.includes('dev'))).toBe(true);
    const node = data.ciImages!.edges[0]!.node;
    expect(node.user?.username).toBeTruthy();
    expect(node.driver).toBe('qemu');
    const withNamespace = (await stack.gql(CiImagesPageDocument, { first: 100 })).data.ciImages!.edges.find((e) => e.node.namespace);
    expect(withNamespace?.node.namespace?.name).toBeTruthy();
  });
});

describe('CI image bytes through the gateway', () => {
  it('creates an image from a streamed QCOW2 body and downloads the same bytes, Range included', async () => {
    const body = qcow2(300 * 1024, 3);
    const post = await request(`${stack.gateway.url}${await uploadUrl('gateway-roundtrip')}`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body,
    });
    expect(post.statusCode).toBe(201);
    const created = (await post.body.json()) as { id: string; name: string; downloadUrl: string };
    expect(created.name).toBe('gateway-roundtrip');
    const { data } = await stack.gql(CiImageByIdDocument, { id: created.id });
    expect(data.ciImage?.name).toBe('gateway-roundtrip');
    const get = await request(`${stack.gateway.url}${created.downloadUrl}`, { headers: auth() });
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe('application/x-qemu-disk');
    expect(get.headers['content-disposition']).toBe(`attachment; filename="gateway-roundtrip.qcow2"; filename*=UTF-8''gateway-roundtrip.qcow2`);
    const downloaded = Buffer.from(await get.body.arrayBuffer());
    expect(createHash('sha256').update(downloaded).digest('hex')).toBe(createHash('sha256').update(body).digest('hex'));
    const ranged = await request(`${stack.gateway.url}${created.downloadUrl}`, { headers: { ...auth(), range: 'bytes=100-199' } });
    expect(ranged.statusCode).toBe(206);
    expect(Buffer.from(await ranged.body.arrayBuffer()).equals(body.subarray(100, 200))).toBe(true);
  });

  it('passes a bzip2-compressed QCOW2 file through; the service stores it decompressed', async () => {
    const compressed = readFileSync(new URL('../fixtures/small.qcow2.bz2', import.meta.url));
    const post = await request(`${stack.gateway.url}${await uploadUrl('from-bzip2')}`, { method: 'POST', headers: auth(), body: compressed });
    expect(post.statusCode).toBe(201);
    const created = (await post.body.json()) as { downloadUrl: string };
    const get = await request(`${stack.gateway.url}${created.downloadUrl}`, { headers: auth() });
    const bytes = Buffer.from(await get.body.arrayBuffer());
    // test/fixtures/small.qcow2.bz2 is `bzip2 -c` of a 4 KiB QCOW2 v3 file with this sha256.
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('b12da40c825f5b9d3daa0f7b58f147412011971d9233d954376e11b5a1d109b9');
  });

  it('refuses a file that is not QCOW2 before the backend sees it', async () => {
    const post = await request(`${stack.gateway.url}${await uploadUrl('not-a-disk')}`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body: Buffer.from('%PDF-1.7 definitely not a disk image'),
    });
    expect(post.statusCode).toBe(400);
    const error = ((await post.body.json()) as any).errors[0];
    expect(error.extensions.upstream).toBeUndefined();
    expect(await names()).not.toContain('not-a-disk');
  });

  it('refuses an oversize file with 413 and stores nothing', async () => {
    const small = await startTestGateway(stack.embedded.urls, { GANTRY_MAX_UPLOAD_BYTES: String(64 * 1024) });
    const body = new PassThrough();
    const pending = request(`${small.url}/files/ci-images?name=too-big`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body,
    });
    body.write(qcow2(32 * 1024));
    body.end(Buffer.alloc(64 * 1024));
    const response = await pending;
    expect(response.statusCode).toBe(413);
    await response.body.dump();
    await waitFor(async () => !(await names()).includes('too-big'));
  });

  it("answers 401 without a token and the backend's 404 for a wrong one", async () => {
    const anonymous = await request(`${stack.gateway.url}/files/ci-images?name=anon`, { method: 'POST', body: qcow2(1024) });
    expect(anonymous.statusCode).toBe(401);
    await anonymous.body.dump();
    const wrong = await request(`${stack.gateway.url}/files/ci-images?name=wrong-token`, { method: 'POST', headers: auth('nope'), body: qcow2(1024) });
    expect(wrong.statusCode).toBe(404);
    expect(((await wrong.body.json()) as any).errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { backend: 'ciImages', status: 404 } });
  });

  it('leaves nothing behind when the client disconnects half way', async () => {
    // A pass-through proxy shows when the upload has reached the backend.
    const proxy = await startDelayProxy(stack.embedded.urls.ciImages!, 0);
    const gateway = await startTestGateway({ ...stack.embedded.urls, ciImages: proxy.url });
    const body = new PassThrough();
    const pending = request(`${gateway.url}/files/ci-images?name=half-client`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body,
    }).catch((error: unknown) => error);
    body.write(qcow2(256 * 1024));
    await waitFor(() => proxy.seen.some((r) => r.method === 'POST'));
    body.destroy(new Error('client gave up'));
    // The client sees its own error, or the gateway's 502 if that raced in first; never a 201.
    const outcome = (await pending) as Error | { statusCode: number };
    expect(outcome instanceof Error || outcome.statusCode >= 500).toBe(true);
    await waitFor(async () => !(await names()).includes('half-client'));
  });

  it('answers 502 and leaves nothing behind when the backend dies half way through an upload', async () => {
    const proxy = await startDelayProxy(stack.embedded.urls.ciImages!, { cutRequestAfter: 100 * 1024 });
    const gateway = await startTestGateway({ ...stack.embedded.urls, ciImages: proxy.url });
    const response = await request(`${gateway.url}/files/ci-images?name=half-backend`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body: qcow2(1024 * 1024),
    });
    expect(response.statusCode).toBe(502);
    expect(((await response.body.json()) as any).errors[0].extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    await waitFor(async () => !(await names()).includes('half-backend'));
  });

  it('cuts the client connection when the backend dies half way through a download', async () => {
    const post = await request(`${stack.gateway.url}${await uploadUrl('cut-download')}`, { method: 'POST', headers: auth(), body: qcow2(512 * 1024) });
    const created = (await post.body.json()) as { downloadUrl: string };
    const proxy = await startDelayProxy(stack.embedded.urls.ciImages!, { cutResponseAfter: 128 * 1024 });
    const gateway = await startTestGateway({ ...stack.embedded.urls, ciImages: proxy.url });
    const get = await request(`${gateway.url}${created.downloadUrl}`, { headers: auth() });
    expect(get.statusCode).toBe(200);
    await expect(get.body.arrayBuffer()).rejects.toThrow();
  });
});

describe('deleteCiImage', () => {
  it('deletes an image, then answers NotFoundError', async () => {
    const post = await request(`${stack.gateway.url}${await uploadUrl('to-delete')}`, { method: 'POST', headers: auth(), body: qcow2(1024) });
    const created = (await post.body.json()) as { id: string };
    const { data } = await stack.gql(DeleteCiImageDocument, { input: { id: created.id } });
    expect(data.deleteCiImage).toEqual({ __typename: 'DeleteCiImageSuccess', deletedId: created.id });
    const again = await stack.gql(DeleteCiImageDocument, { input: { id: created.id } });
    expect(again.data.deleteCiImage.__typename).toBe('NotFoundError');
  });
});
