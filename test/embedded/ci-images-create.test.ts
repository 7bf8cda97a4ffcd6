import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { DJINN_USER_MAIN, DJINN_USER_OTHER } from '../../src/embedded/principals.js';
import { buildQcow2Header } from '../../src/embedded/qcow2.js';
import { TOKENS, type As } from './harness.js';
import { waitFor } from '../helpers/wait-for.js';
import { qcow2File, startCiImages, type CiImagesHarness } from './ci-images-harness.js';

const ME = { id: DJINN_USER_MAIN, email: 'me@example.com', username: 'me', created_at: '2024-02-05T09:12:44Z' };
const ALEX = { id: DJINN_USER_OTHER, email: 'alex@example.com', username: 'alex', created_at: '2024-06-17T14:03:10Z' };
const RFC3339_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A QCOW header whose version field is `version`. */
function qcowWithVersion(version: number): Buffer {
  const data = qcow2File(2);
  data.writeUInt32BE(version, 4);
  return data;
}

describe('POST /images on the embedded Djinn CI image API', () => {
  let h: CiImagesHarness;
  beforeAll(async () => {
    h = await startCiImages();
  });

  it('creates an image from the raw body: 201 with the image, user and author embedded, no namespace', async () => {
    const data = qcow2File(12);
    const reply = await h.upload('name=my-runner', data);
    expect(reply.status).toBe(201);
    const image = reply.body;
    expect(image).toEqual({
      id: expect.any(Number),
      author_id: DJINN_USER_MAIN,
      user_id: DJINN_USER_MAIN,
      namespace_id: null,
      driver: 'qemu',
      name: 'my-runner',
      created_at: expect.stringMatching(RFC3339_SECONDS),
      url: `${h.url}/images/${image.id}`,
      author: ME,
      user: ME,
    });
    expect(image.id).toBeGreaterThan(48);
    expect(Math.abs(Date.parse(image.created_at) - Date.now())).toBeLessThan(60_000);
    expect((await h.show(image.id)).body).toEqual(image);
    expect((await h.page()).images[0]).toEqual(image);
    const got = await h.download(image.id);
    expect(sha256(got.raw)).toBe(sha256(data));
  });

  it('lets a collaborator add to another user’s namespace (`path@owner`): the owner’s image, authored by the caller', async () => {
    const image = await h.create('alex-cross-build', qcow2File(4), { namespace: 'djinn@me', as: 'other' });
    expect(image).toMatchObject({ user_id: DJINN_USER_MAIN, author_id: DJINN_USER_OTHER, namespace_id: 1, user: ME, author: ALEX });
    expect(image.namespace).toEqual({
      id: 1,
      user_id: DJINN_USER_MAIN,
      root_id: 1,
      parent_id: null,
      name: 'djinn',
      path: 'djinn',
      description: "Build images for Djinn's own pipelines",
      visibility: 'private',
      created_at: '2024-02-06T10:00:00Z',
      url: `${h.url}/n/me/djinn`,
      builds_url: `${h.url}/n/me/djinn/-/builds`,
      namespaces_url: `${h.url}/n/me/djinn/-/namespaces`,
      images_url: `${h.url}/n/me/djinn/-/images`,
      objects_url: `${h.url}/n/me/djinn/-/objects`,
      variables_url: `${h.url}/n/me/djinn/-/variables`,
      keys_url: `${h.url}/n/me/djinn/-/keys`,
      invites_url: `${h.url}/n/me/djinn/-/invites`,
      collaborators_url: `${h.url}/n/me/djinn/-/collaborators`,
      webhooks_url: `${h.url}/n/me/djinn/-/webhooks`,
      user: ME,
    });
    expect((await h.show(image.id, 'admin')).body).toEqual(image);
    expect((await h.show(image.id, 'other')).status).toBe(200);
  });

  it('resolves a bare namespace path among the caller’s own namespaces', async () => {
    const infra = await h.create('vault-tools', qcow2File(2), { namespace: 'infra' });
    expect(infra).toMatchObject({ namespace_id: 2, namespace: { path: 'infra', user_id: DJINN_USER_MAIN } });
    const sandbox = await h.create('wasm-dev', qcow2File(2), { namespace: 'sandbox', as: 'other' });
    expect(sandbox).toMatchObject({ user_id: DJINN_USER_OTHER, namespace: { path: 'sandbox', url: `${h.url}/n/alex/sandbox` } });
    expect((await h.show(sandbox.id, 'admin')).status).toBe(404);
  });

  it('takes a body with any other content type, or none', async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['typed-none', {}],
      ['typed-qemu', { 'content-type': 'application/x-qemu-disk' }],
      ['typed-text', { 'content-type': 'text/plain; charset=utf-8' }],
    ];
    for (const [name, headers] of cases) {
      const reply = await h.upload(`name=${name}`, qcow2File(2), 'admin', headers);
      expect(reply.status, name).toBe(201);
    }
    expect((await h.all('search=typed-')).map((image) => image.name)).toEqual(['typed-text', 'typed-qemu', 'typed-none']);
  });

  it('allows a name again in another namespace, for another user, or outside the namespace', async () => {
    // Seeded: me has alpine at the top and in djinn, debian only at the top; alex has alpine and go-dev.
    expect((await h.create('debian', qcow2File(2), { namespace: 'djinn' })).namespace_id).toBe(1);
    expect((await h.create('alpine', qcow2File(2), { namespace: 'infra' })).namespace_id).toBe(2);
    expect((await h.create('ubuntu', qcow2File(2), { as: 'other' })).user_id).toBe(DJINN_USER_OTHER);
    expect((await h.create('alpine', qcow2File(2), { namespace: 'sandbox', as: 'other' })).namespace_id).toBe(3);
    const again = await h.upload('name=debian&namespace=djinn', qcow2File(2));
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ name: ['Name already exists'] });
  });

  describe('validation: 400 with a field map, storing nothing', () => {
    const required = { file: ['File is required'] };
    const notQcow = { file: ['File not a valid QCOW file format'] };
    const nameTaken = { name: ['Name already exists'] };
    const noNamespace = { namespace: ['Namespace not found'] };
    const badName = { name: ['Name can only contain letters, numbers, dashes, and underscores'] };
    const cases: Array<[string, string, Buffer | string, As, Record<string, string> | undefined, Record<string, string[]>]> = [
      ['a missing name', '', qcow2File(2), 'admin', undefined, { name: ['Name is required'] }],
      ['an empty name', 'name=', qcow2File(2), 'admin', undefined, { name: ['Name is required'] }],
      ['a name with a space', 'name=has%20space', qcow2File(2), 'admin', undefined, badName],
      ['a name with dots', 'name=ubuntu-24.04', qcow2File(2), 'admin', undefined, badName],
      ['a name with a slash', 'name=a%2Fb', qcow2File(2), 'admin', undefined, badName],
      ['a non-ASCII name', 'name=d%C3%A9bian', qcow2File(2), 'admin', undefined, badName],
      ['a duplicate name', 'name=alpine', qcow2File(2), 'admin', undefined, nameTaken],
      ['a duplicate name in a namespace', 'name=go-dev&namespace=djinn', qcow2File(2), 'admin', undefined, nameTaken],
      ['another user’s duplicate name', 'name=go-dev', qcow2File(2), 'other', undefined, nameTaken],
      ['a collaborator’s duplicate in the namespace', 'name=redis-7&namespace=djinn@me', qcow2File(2), 'other', undefined, nameTaken],
      ['an unknown namespace', 'name=fresh&namespace=nope', qcow2File(2), 'admin', undefined, noNamespace],
      ['a namespace the caller does not collaborate on', 'name=fresh&namespace=sandbox@alex', qcow2File(2), 'admin', undefined, noNamespace],
      ['a bare path the caller does not own', 'name=fresh&namespace=djinn', qcow2File(2), 'other', undefined, noNamespace],
      ['an unknown namespace owner', 'name=fresh&namespace=djinn@ghost', qcow2File(2), 'admin', undefined, noNamespace],
      ['no body', 'name=fresh', '', 'admin', undefined, required],
      ['no name and no body', '', '', 'admin', undefined, { name: ['Name is required'], ...required }],
      [
        'a JSON body',
        'name=fresh',
        '{"file":"x"}',
        'admin',
        { 'content-type': 'application/json' },
        { file: ['File must be sent as the request body, not as application/json'] },
      ],
      [
        'a multipart body',
        'name=fresh',
        '--x\r\n\r\n--x--',
        'admin',
        { 'content-type': 'multipart/form-data; boundary=x' },
        { file: ['File must be sent as the request body, not as multipart/form-data'] },
      ],
      ['a body that is not QCOW2', 'name=fresh', randomBytes(8192), 'admin', undefined, notQcow],
      ['the QCOW magic with version 1', 'name=fresh', qcowWithVersion(1), 'admin', undefined, notQcow],
      ['the QCOW magic with version 4', 'name=fresh', qcowWithVersion(4), 'admin', undefined, notQcow],
      ['the QCOW magic alone', 'name=fresh', Buffer.from([0x51, 0x46, 0x49, 0xfb]), 'admin', undefined, notQcow],
      [
        'a corrupt bzip2 body',
        'name=fresh',
        Buffer.concat([Buffer.from('BZh91AY&SY'), randomBytes(2000)]),
        'admin',
        undefined,
        { file: ['File not a valid bzip2 file'] },
      ],
      ['a bad name and a bad file at once', 'name=a.b&namespace=nope', randomBytes(100), 'admin', undefined, { ...noNamespace, ...badName, ...notQcow }],
    ];

    it.each(cases)('refuses %s', async (_what, query, body, as, headers, expected) => {
      const before = await h.snapshot();
      const reply = await h.upload(query, body, as, headers ?? { 'content-type': 'application/octet-stream' });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual(expected);
      await h.expectUnchanged(before);
    });
  });

  it('refuses the loser of two uploads racing for one name with 400, keeping only the winner’s file', async () => {
    const before = await h.blobFiles();
    const body = new PassThrough();
    const slow = request(`${h.url}/images?name=raced`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.admin}`, 'content-type': 'application/octet-stream' },
      body,
    });
    body.write(qcow2File(64));
    await waitFor(async () => (await h.blobFiles()).some((name) => name.endsWith('.tmp')), { what: 'the slow upload streaming' });
    const winner = await h.create('raced', qcow2File(2));
    body.end(randomBytes(1024));
    const reply = await slow;
    expect(reply.statusCode).toBe(400);
    expect(await reply.body.json()).toEqual({ name: ['Name already exists'] });
    expect((await h.all('search=raced')).map((image) => image.id)).toEqual([winner.id]);
    expect((await h.blobFiles()).length).toBe(before.length + 1);
  });

  it('stores nothing for an upload the client aborts mid-body', async () => {
    const before = await h.snapshot();
    const body = new PassThrough();
    const pending = request(`${h.url}/images?name=aborted`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.admin}`, 'content-type': 'application/octet-stream' },
      body,
    });
    body.write(qcow2File(256));
    await waitFor(async () => (await h.blobFiles()).some((name) => name.endsWith('.tmp')), { what: 'a temp file' });
    body.destroy(new Error('client gave up'));
    await expect(pending).rejects.toThrow();
    await waitFor(async () => (await h.blobFiles()).length === before.blobs.length, { what: 'the temp file removed' });
    await h.expectUnchanged(before);
    // The name is still free.
    expect((await h.create('aborted', qcow2File(2))).name).toBe('aborted');
  });

  describe('with a 16 KiB size limit', () => {
    let small: CiImagesHarness;
    beforeAll(async () => {
      small = await startCiImages({ maxImageBytes: 16 * 1024 });
    });

    it('refuses a declared Content-Length over the limit with 413, storing nothing', async () => {
      const before = await small.snapshot();
      const reply = await small.upload('name=big', qcow2File(17));
      expect(reply.status).toBe(413);
      expect(reply.body).toEqual({ message: 'File too large' });
      await small.expectUnchanged(before);
    });

    it('stops a chunked upload once it passes the limit with 413, storing nothing, and keeps the connection usable', async () => {
      const before = await small.snapshot();
      const chunks = [qcow2File(8), ...Array.from({ length: 64 }, () => randomBytes(64 * 1024))];
      const reply = await request(`${small.url}/images?name=chunked`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKENS.admin}`, 'content-type': 'application/octet-stream' },
        // A stream without a length goes out chunked, so only the bytes can tell the server it is too big.
        body: Readable.from(chunks),
      });
      expect(reply.statusCode).toBe(413);
      expect(await reply.body.json()).toEqual({ message: 'File too large' });
      await small.expectUnchanged(before);
      // Exactly at the limit is fine.
      const exact = Buffer.concat([buildQcow2Header(1024 ** 3), randomBytes(16 * 1024 - 104)]);
      expect((await small.upload('name=chunked', exact)).status).toBe(201);
    });
  });
});
