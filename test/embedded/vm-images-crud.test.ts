import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_MAIN, PROJECT_OTHER } from '../../src/embedded/principals.js';
import { ids, seedId, startVmImages, type VmImagesHarness } from './vm-images-harness.js';

const IMAGE_KEYS = [
  'id',
  'name',
  'status',
  'visibility',
  'protected',
  'tags',
  'container_format',
  'disk_format',
  'min_disk',
  'min_ram',
  'size',
  'virtual_size',
  'checksum',
  'os_hash_algo',
  'os_hash_value',
  'os_hidden',
  'owner',
  'created_at',
  'updated_at',
  'self',
  'file',
  'schema',
];
const REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RFC3339_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('authentication, errors and versions', () => {
  let h: VmImagesHarness;
  beforeAll(async () => {
    h = await startVmImages();
  });

  it('answers 401 without a token or with an unknown one', async () => {
    for (const as of ['none', 'bogus'] as const) {
      const reply = await h.call('GET', '/v2/images', { as });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({
        message:
          'This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.<br /><br />\n\n\n',
        code: '401 Unauthorized',
        title: 'Unauthorized',
      });
    }
    expect((await h.call('GET', '/v2/images/whatever/file', { as: 'none' })).status).toBe(401);
    expect((await h.call('GET', '/v2/nothing-here', { as: 'none' })).status).toBe(401);
  });

  it('serves /versions without a token, pointing at <root>/v2/', async () => {
    const reply = await h.call('GET', '/versions', { as: 'none' });
    expect(reply.status).toBe(200);
    // The versions Glance 25.1 lists, v2.15 current.
    expect(reply.body.versions[0]).toEqual({ id: 'v2.15', status: 'CURRENT', links: [{ rel: 'self', href: `${h.url}/v2/` }] });
    expect(reply.body.versions.map((v: { id: string }) => v.id)).toContain('v2.0');
  });

  it('puts a req-<uuid> X-Openstack-Request-Id on every response, errors included', async () => {
    const replies = await Promise.all([
      h.call('GET', '/versions'),
      h.call('GET', '/v2/images'),
      h.call('GET', '/v2/images', { as: 'none' }),
      h.call('GET', `/v2/images/${randomUUID()}`),
      h.call('GET', '/nowhere'),
      h.call('POST', '/v2/images', { body: '{', headers: { 'content-type': 'application/json' } }),
    ]);
    const seen = replies.map((reply) => String(reply.headers['x-openstack-request-id']));
    for (const id of seen) expect(id).toMatch(REQUEST_ID);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('sends a JSON error body when JSON is accepted and webob-style HTML otherwise', async () => {
    const id = randomUUID();
    const json = await h.call('GET', `/v2/images/${id}`);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.body).toEqual({ message: `No image found with ID ${id}<br /><br />\n\n\n`, code: '404 Not Found', title: 'Not Found' });
    const html = await h.call('GET', `/v2/images/${id}`, { json: false });
    expect(html.status).toBe(404);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toBe(
      `<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID ${id}<br /><br />\n\n\n\n </body>\n</html>`,
    );
  });

  it('escapes HTML in HTML error bodies and never shows a stack', async () => {
    const reply = await h.call('GET', '/v2/images/%3Cscript%3E', { json: false });
    expect(reply.status).toBe(404);
    expect(reply.body).toContain('No image found with ID &lt;script&gt;');
    expect(reply.body).not.toContain('<script>');
    const bad = await h.call('POST', '/v2/images', { body: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Malformed JSON in request body.<br /><br />\n\n\n');
    expect(JSON.stringify(bad.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('answers an unknown path with a Glance 404 and a wrong method with 405 and Allow', async () => {
    const missing = await h.call('GET', '/v2/flavors');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('404 Not Found');
    const wrong = await h.call('PUT', '/v2/images');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, POST');
    expect(wrong.body.title).toBe('Method Not Allowed');
  });
});

describe('POST /v2/images', () => {
  let h: VmImagesHarness;
  beforeAll(async () => {
    h = await startVmImages();
  });

  it('creates a queued, shared image owned by the caller’s project, with Location', async () => {
    const reply = await h.call('POST', '/v2/images', {
      body: { name: 'my-image', disk_format: 'qcow2', container_format: 'bare', tags: ['a', 'b', 'a'], os_distro: 'debian' },
    });
    expect(reply.status).toBe(201);
    const image = reply.body;
    expect(reply.headers.location).toBe(`${h.url}/v2/images/${image.id}`);
    expect(Object.keys(image).sort()).toEqual([...IMAGE_KEYS, 'os_distro'].sort());
    expect(image).toMatchObject({
      name: 'my-image',
      status: 'queued',
      visibility: 'shared',
      protected: false,
      os_hidden: false,
      min_disk: 0,
      min_ram: 0,
      size: null,
      virtual_size: null,
      checksum: null,
      os_hash_algo: null,
      os_hash_value: null,
      owner: PROJECT_MAIN,
      self: `/v2/images/${image.id}`,
      file: `/v2/images/${image.id}/file`,
      schema: '/v2/schemas/image',
      os_distro: 'debian',
    });
    expect(image.tags.sort()).toEqual(['a', 'b']);
    expect(image.created_at).toMatch(RFC3339_SECONDS);
    expect(image.updated_at).toBe(image.created_at);
    expect((await h.call('GET', `/v2/images/${image.id}`)).body).toEqual(image);
    expect(ids(await h.list('limit=1'))).toEqual([image.id]);
  });

  it('creates an image from an empty object with every attribute null or default', async () => {
    const image = await h.create({});
    expect(image).toMatchObject({ name: null, container_format: null, disk_format: null, tags: [], visibility: 'shared' });
  });

  it('uses a caller-chosen UUID, and refuses it again with 409, also after deletion', async () => {
    const id = randomUUID();
    expect((await h.create({ id, name: 'chosen' })).id).toBe(id);
    const again = await h.call('POST', '/v2/images', { body: { id, name: 'again' } });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(id);
    expect((await h.call('DELETE', `/v2/images/${id}`)).status).toBe(204);
    expect((await h.call('POST', '/v2/images', { body: { id } })).status).toBe(409);
  });

  it.each<[string, unknown]>([
    ['id that is not a UUID', { id: 'not-a-uuid' }],
    ['unknown disk_format', { disk_format: 'floppy' }],
    ['unknown container_format', { container_format: 'zip' }],
    ['unknown visibility', { visibility: 'everyone' }],
    ['name over 255 characters', { name: 'n'.repeat(256) }],
    ['name that is not a string', { name: 42 }],
    ['negative min_disk', { min_disk: -1 }],
    ['fractional min_ram', { min_ram: 1.5 }],
    ['min_disk as a string', { min_disk: '10' }],
    ['protected that is not a boolean', { protected: 'yes' }],
    ['os_hidden that is not a boolean', { os_hidden: 1 }],
    ['tags that are not an array', { tags: 'a,b' }],
    ['a tag that is not a string', { tags: ['ok', 5] }],
    ['a tag over 255 characters', { tags: ['t'.repeat(256)] }],
    ['a custom property that is not a string', { os_version: 22.04 }],
    ['a custom property that is null', { os_version: null }],
    ['a custom property name over 255 characters', { ['k'.repeat(256)]: 'v' }],
    ['a body that is an array', [{ name: 'x' }]],
    ['a body that is a string', 'just text'],
  ])('refuses %s with 400', async (_what, body) => {
    const reply = await h.call('POST', '/v2/images', { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('400 Bad Request');
  });

  it('refuses an empty body and malformed JSON with 400', async () => {
    expect((await h.call('POST', '/v2/images', { body: '', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await h.call('POST', '/v2/images')).status).toBe(400);
    expect((await h.call('POST', '/v2/images', { body: '{"a":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
  });

  it.each([
    'status',
    'size',
    'virtual_size',
    'checksum',
    'os_hash_algo',
    'created_at',
    'updated_at',
    'self',
    'file',
    'schema',
    'direct_url',
    'locations',
    'stores',
  ])('refuses to set the read-only attribute %s with 403', async (key) => {
    const reply = await h.call('POST', '/v2/images', { body: { name: 'ro', [key]: 'x' } });
    expect(reply.status).toBe(403);
    expect(reply.body.message).toBe(`Attribute '${key}' is read-only.<br /><br />\n\n\n`);
  });

  it('refuses reader with 403 and lets only admin create public images', async () => {
    expect((await h.call('POST', '/v2/images', { as: 'reader', body: { name: 'r' } })).status).toBe(403);
    expect((await h.call('POST', '/v2/images', { as: 'other', body: { name: 'p', visibility: 'public' } })).status).toBe(403);
    const community = await h.create({ name: 'c', visibility: 'community' }, 'other');
    expect(community).toMatchObject({ visibility: 'community', owner: PROJECT_OTHER });
    expect((await h.create({ name: 'p', visibility: 'public' }, 'admin')).visibility).toBe('public');
  });

  it('reads a create as JSON whatever its media type says, as Glance does', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const reply = await h.call('POST', '/v2/images', { body: 'name=x', headers: { 'content-type': type } });
      expect(reply.status, type).toBe(400);
      expect(reply.body.message).toBe('Malformed JSON in request body.<br /><br />\n\n\n');
    }
    const typed = await h.call('POST', '/v2/images', { body: '{"name":"x"}', headers: { 'content-type': 'text/plain' } });
    expect(typed.status).toBe(201);
    expect(typed.body.name).toBe('x');
  });

  it('refuses reserved names with 403, ignores os_hash_value, and lets only an admin name another owner', async () => {
    for (const key of ['location', 'deleted', 'deleted_at', 'os_glance_x']) {
      const reply = await h.call('POST', '/v2/images', { body: { [key]: 'x' } });
      expect(reply.status, key).toBe(403);
      expect(reply.body.message).toBe(`Access was denied to this resource.<br /><br />\nAttribute '${key}' is reserved.\n\n`);
    }
    expect((await h.create({ os_hash_value: 'abc' })).os_hash_value).toBeNull();
    expect((await h.create({ owner: 'another-project' })).owner).toBe('another-project');
    const member = await h.call('POST', '/v2/images', { as: 'other', body: { owner: 'another-project' } });
    expect(member.status).toBe(403);
    expect((await h.create({ owner: PROJECT_OTHER }, 'other')).owner).toBe(PROJECT_OTHER);
  });

  it('refuses a JSON body over 1 MiB with 413', async () => {
    const reply = await h.call('POST', '/v2/images', { body: { name: 'big', note: 'x'.repeat(1024 * 1024 + 10) } });
    expect(reply.status).toBe(413);
    expect(reply.body.code).toBe('413 Request Entity Too Large');
  });
});

describe('DELETE /v2/images/{id}', () => {
  let h: VmImagesHarness;
  beforeAll(async () => {
    h = await startVmImages();
  });

  it('deletes an image and its data: 204, then 404 and gone from lists', async () => {
    const id = seedId('debian-12');
    const blob = join(h.dataDir, 'blobs', 'vmImages', id);
    expect(existsSync(blob)).toBe(true);
    const reply = await h.call('DELETE', `/v2/images/${id}`);
    expect(reply.status).toBe(204);
    expect(reply.raw.length).toBe(0);
    expect((await h.call('GET', `/v2/images/${id}`)).status).toBe(404);
    expect(ids(await h.list('limit=1000'))).not.toContain(id);
    expect(existsSync(blob)).toBe(false);
    expect((await h.call('DELETE', `/v2/images/${id}`)).status).toBe(404);
  });

  it('refuses to delete a protected image with 403 until protection is lifted', async () => {
    const id = seedId('ubuntu-22.04');
    const refused = await h.call('DELETE', `/v2/images/${id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('protected');
    expect((await h.call('GET', `/v2/images/${id}`)).status).toBe(200);
  });

  it('refuses reader and a non-owner with 403, and hides invisible images with 404', async () => {
    const mine = await h.create({ name: 'to-delete' });
    expect((await h.call('DELETE', `/v2/images/${mine.id}`, { as: 'reader' })).status).toBe(403);
    expect((await h.call('DELETE', `/v2/images/${seedId('fedora-40')}`, { as: 'other' })).status).toBe(403);
    expect((await h.call('DELETE', `/v2/images/${mine.id}`, { as: 'other' })).status).toBe(404);
    expect((await h.call('GET', `/v2/images/${mine.id}`)).status).toBe(200);
    expect((await h.call('DELETE', `/v2/images/${randomUUID()}`)).status).toBe(404);
  });

  it('lets a project member delete its own image and admin delete anyone’s', async () => {
    const theirs = await h.create({ name: 'theirs' }, 'other');
    expect((await h.call('DELETE', `/v2/images/${theirs.id}`, { as: 'other' })).status).toBe(204);
    expect((await h.call('DELETE', `/v2/images/${seedId('other-scratch')}`, { as: 'admin' })).status).toBe(204);
  });
});
