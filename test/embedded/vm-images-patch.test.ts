import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { JSON_PATCH_TYPE } from '../../src/embedded/vm-images/errors.js';
import type { As, Reply } from './harness.js';
import { seedId, startVmImages, type VmImagesHarness } from './vm-images-harness.js';

describe('PATCH /v2/images/{id}', () => {
  let h: VmImagesHarness;
  const patch = (id: string, ops: unknown, as: As = 'admin'): Promise<Reply> =>
    h.call('PATCH', `/v2/images/${id}`, { as, body: JSON.stringify(ops), headers: { 'content-type': JSON_PATCH_TYPE } });
  const show = async (id: string) => (await h.call('GET', `/v2/images/${id}`)).body;

  beforeAll(async () => {
    h = await startVmImages();
  });

  it('applies add, replace and remove and returns the updated image with a newer updated_at', async () => {
    const id = seedId('rocky-9.4');
    const before = await show(id);
    const reply = await patch(id, [
      { op: 'replace', path: '/name', value: 'Rocky-9.4-patched' },
      { op: 'add', path: '/hw_scsi_model', value: 'virtio-scsi' },
      { op: 'replace', path: '/os_version', value: '9.4.1' },
      { op: 'remove', path: '/hw_disk_bus' },
      { op: 'replace', path: '/tags', value: ['rocky', 'x', 'x'] },
      { op: 'add', path: '/min_disk', value: 12 },
      { op: 'replace', path: '/min_ram', value: 2048 },
      { op: 'replace', path: '/os_hidden', value: true },
      { op: 'replace', path: '/visibility', value: 'community' },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      name: 'Rocky-9.4-patched',
      hw_scsi_model: 'virtio-scsi',
      os_version: '9.4.1',
      min_disk: 12,
      min_ram: 2048,
      os_hidden: true,
      visibility: 'community',
      created_at: before.created_at,
      checksum: before.checksum,
    });
    expect(reply.body).not.toHaveProperty('hw_disk_bus');
    expect(reply.body.tags.sort()).toEqual(['rocky', 'x']);
    expect(Date.parse(reply.body.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
    expect(await show(id)).toEqual(reply.body);
  });

  it('sets and clears protection', async () => {
    const id = seedId('fedora-40');
    expect((await patch(id, [{ op: 'replace', path: '/protected', value: true }])).body.protected).toBe(true);
    expect((await h.call('DELETE', `/v2/images/${id}`)).status).toBe(403);
    expect((await patch(id, [{ op: 'replace', path: '/protected', value: false }])).body.protected).toBe(false);
  });

  it('decodes ~1 and ~0 in a property path', async () => {
    const image = await h.create({ name: 'escapes' });
    const reply = await patch(image.id, [{ op: 'add', path: '/a~1b~0c', value: 'v' }]);
    expect(reply.status).toBe(200);
    expect(reply.body['a/b~c']).toBe('v');
  });

  it('refuses any other content type with 415 and Accept-Patch naming both patch types', async () => {
    const id = seedId('rocky-9.4');
    const both = `application/openstack-images-v2.0-json-patch, ${JSON_PATCH_TYPE}`;
    for (const headers of [{ 'content-type': 'application/json' }, { 'content-type': 'text/plain' }]) {
      const reply = await h.call('PATCH', `/v2/images/${id}`, { body: '[]', headers });
      expect(reply.status, headers['content-type']).toBe(415);
      expect(reply.headers['accept-patch']).toBe(both);
    }
    const untyped = await h.call('PATCH', `/v2/images/${id}`, { body: Buffer.from('[]') });
    expect(untyped.status).toBe(415);
    expect(untyped.headers['accept-patch']).toBe(both);
  });

  it("takes v2.0's older patch form too", async () => {
    const id = seedId('rocky-9.4');
    const reply = await h.call('PATCH', `/v2/images/${id}`, {
      body: JSON.stringify([{ replace: '/min_ram', value: 256 }]),
      headers: { 'content-type': 'application/openstack-images-v2.0-json-patch' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.min_ram).toBe(256);
  });

  it.each<[string, unknown]>([
    ['a body that is not an array', { op: 'replace', path: '/name', value: 'x' }],
    ['an operation that is not an object', ['replace']],
    ['the move operation', [{ op: 'move', from: '/name', path: '/x' }]],
    ['the test operation', [{ op: 'test', path: '/name', value: 'x' }]],
    ['a path into the tag list', [{ op: 'add', path: '/tags/-', value: 'new' }]],
    ['a nested path', [{ op: 'add', path: '/os_distro/x', value: 'new' }]],
    ['a path without a leading slash', [{ op: 'replace', path: 'name', value: 'x' }]],
    ['an empty path', [{ op: 'replace', path: '/', value: 'x' }]],
    ['a missing path', [{ op: 'replace', value: 'x' }]],
    ['a missing value', [{ op: 'replace', path: '/name' }]],
    ['an unknown disk_format', [{ op: 'replace', path: '/disk_format', value: 'floppy' }]],
    ['an unknown visibility', [{ op: 'replace', path: '/visibility', value: 'all' }]],
    ['a name over 255 characters', [{ op: 'replace', path: '/name', value: 'n'.repeat(256) }]],
    ['a negative min_ram', [{ op: 'replace', path: '/min_ram', value: -1 }]],
    ['a min_disk that is a string', [{ op: 'replace', path: '/min_disk', value: '1' }]],
    ['protected that is not a boolean', [{ op: 'replace', path: '/protected', value: 'true' }]],
    ['tags with a number', [{ op: 'replace', path: '/tags', value: [1] }]],
    ['a property value that is not a string', [{ op: 'add', path: '/os_version', value: 24.04 }]],
    ['a property name over 255 characters', [{ op: 'add', path: `/${'k'.repeat(256)}`, value: 'v' }]],
  ])('refuses %s with 400', async (_what, ops) => {
    const id = seedId('cirros-0.6.2');
    const before = await show(id);
    const reply = await patch(id, ops);
    expect(reply.status).toBe(400);
    expect(await show(id)).toEqual(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const reply = await h.call('PATCH', `/v2/images/${seedId('cirros-0.6.2')}`, { body: '[{', headers: { 'content-type': JSON_PATCH_TYPE } });
    expect(reply.status).toBe(400);
  });

  it.each(['status', 'size', 'virtual_size', 'checksum', 'os_hash_value', 'owner', 'id', 'created_at', 'self', 'locations', 'direct_url'])(
    'refuses to change the read-only attribute %s with 403',
    async (key) => {
      const reply = await patch(seedId('cirros-0.6.2'), [{ op: 'replace', path: `/${key}`, value: 'x' }]);
      expect(reply.status).toBe(403);
      expect(reply.body.message).toContain(`'${key}' is read-only`);
    },
  );

  it('refuses to remove a base attribute with 403 and a missing property with 409', async () => {
    const id = seedId('cirros-0.6.2');
    expect((await patch(id, [{ op: 'remove', path: '/name' }])).status).toBe(403);
    const missing = await patch(id, [{ op: 'remove', path: '/no_such_property' }]);
    expect(missing.status).toBe(409);
    expect(missing.body.message).toBe('There was a conflict when trying to complete your request.<br /><br />\nProperty no_such_property does not exist.\n\n');
    expect((await patch(id, [{ op: 'replace', path: '/no_such_property', value: 'x' }])).status).toBe(409);
  });

  it('applies a patch whole or not at all', async () => {
    const id = seedId('cirros-0.6.2');
    const before = await show(id);
    const reply = await patch(id, [
      { op: 'replace', path: '/name', value: 'half-applied' },
      { op: 'add', path: '/new_property', value: 'v' },
      { op: 'remove', path: '/os_distro' },
      { op: 'remove', path: '/no_such_property' },
    ]);
    expect(reply.status).toBe(409);
    expect(await show(id)).toEqual(before);
  });

  it('lets formats change only while the image is queued', async () => {
    const active = await patch(seedId('cirros-0.6.2'), [{ op: 'replace', path: '/disk_format', value: 'raw' }]);
    expect(active.status).toBe(403);
    expect((await patch(seedId('cirros-0.6.2'), [{ op: 'replace', path: '/container_format', value: 'ovf' }])).status).toBe(403);
    const queued = await patch(seedId('arch'), [
      { op: 'add', path: '/disk_format', value: 'qcow2' },
      { op: 'add', path: '/container_format', value: 'bare' },
    ]);
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({ disk_format: 'qcow2', container_format: 'bare' });
  });

  it('lets only admin make an image public', async () => {
    const theirs = await h.create({ name: 'theirs' }, 'other');
    expect((await patch(theirs.id, [{ op: 'replace', path: '/visibility', value: 'public' }], 'other')).status).toBe(403);
    expect((await patch(theirs.id, [{ op: 'replace', path: '/visibility', value: 'private' }], 'other')).status).toBe(200);
    expect((await patch(theirs.id, [{ op: 'replace', path: '/visibility', value: 'public' }], 'admin')).body.visibility).toBe('public');
  });

  it('refuses reader and non-owners with 403 and unknown images with 404', async () => {
    const ops = [{ op: 'replace', path: '/name', value: 'nope' }];
    expect((await patch(seedId('debian-12-nocloud'), ops, 'reader')).status).toBe(403);
    expect((await patch(seedId('debian-12'), ops, 'other')).status).toBe(403);
    expect((await patch(seedId('debian-12-nocloud'), ops, 'other')).status).toBe(404);
    expect((await patch(randomUUID(), ops)).status).toBe(404);
    expect((await patch(seedId('other-hardened'), ops, 'admin')).status).toBe(200);
  });
});
