import { waitFor } from '../helpers/wait-for.js';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { request } from 'undici';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { JSON_PATCH_TYPE } from '../../src/embedded/vm-images/errors.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { TOKENS } from './harness.js';
import { ids, seedId, startVmImages } from './vm-images-harness.js';

describe('the embedded VM image service across restarts', () => {
  it('keeps created, updated and deleted state and the data after a restart on the same data dir', async () => {
    const dataDir = await tempDataDir();
    const first = await startVmImages({ dataDir });
    const created = await first.create({ name: 'kept', disk_format: 'raw', container_format: 'bare', os_distro: 'custom' });
    const data = randomBytes(20_000);
    expect((await first.upload(created.id, data)).status).toBe(204);
    const renamed = await first.call('PATCH', `/v2/images/${seedId('fedora-40')}`, {
      body: JSON.stringify([
        { op: 'replace', path: '/name', value: 'fedora-renamed' },
        { op: 'remove', path: '/hw_disk_bus' },
      ]),
      headers: { 'content-type': JSON_PATCH_TYPE },
    });
    expect(renamed.status).toBe(200);
    expect((await first.call('DELETE', `/v2/images/${seedId('debian-12-nocloud')}`)).status).toBe(204);
    expect((await first.call('POST', `/v2/images/${seedId('rocky-9.4')}/actions/deactivate`)).status).toBe(204);
    const before = ids(await first.list('limit=1000'));
    const shownBefore = (await first.call('GET', `/v2/images/${created.id}`)).body;
    await first.close();

    const second = await startVmImages({ dataDir });
    expect(second.url).not.toBe('');
    expect(ids(await second.list('limit=1000'))).toEqual(before);
    expect((await second.call('GET', `/v2/images/${created.id}`)).body).toEqual(shownBefore);
    const downloaded = await second.call('GET', `/v2/images/${created.id}/file`, { json: false });
    expect(downloaded.raw.equals(data)).toBe(true);
    const fedora = (await second.call('GET', `/v2/images/${seedId('fedora-40')}`)).body;
    expect(fedora.name).toBe('fedora-renamed');
    expect(fedora).not.toHaveProperty('hw_disk_bus');
    expect((await second.call('GET', `/v2/images/${seedId('debian-12-nocloud')}`)).status).toBe(404);
    expect((await second.call('GET', `/v2/images/${seedId('rocky-9.4')}`)).body.status).toBe('deactivated');
    await second.close();
  });

  it('does not seed again after every seeded image was deleted', async () => {
    const dataDir = await tempDataDir();
    const first = await startVmImages({ dataDir });
    const everything = [...(await first.list('visibility=all&limit=1000')), ...(await first.list('os_hidden=true'))];
    for (const image of everything) {
      if (image.protected) {
        await first.call('PATCH', `/v2/images/${image.id}`, {
          body: JSON.stringify([{ op: 'replace', path: '/protected', value: false }]),
          headers: { 'content-type': JSON_PATCH_TYPE },
        });
      }
      expect((await first.call('DELETE', `/v2/images/${image.id}`)).status).toBe(204);
    }
    await first.close();
    const second = await startVmImages({ dataDir });
    expect(await second.list('limit=1000&visibility=all')).toEqual([]);
    expect(await second.blobFiles()).toEqual([]);
  });

  it('puts an upload interrupted by a crash back to queued and removes stray files on start', async () => {
    const dataDir = await tempDataDir();
    const first = await startVmImages({ dataDir });
    await first.close();
    const id = seedId('opensuse-15.6');
    // What a kill -9 mid-upload leaves behind: status saving, a temp file, and an orphan blob.
    const db = new Database(join(dataDir, 'gantry.sqlite'));
    db.prepare(`UPDATE vm_images SET status = 'saving' WHERE id = ?`).run(id);
    db.close();
    const blobs = join(dataDir, 'blobs', 'vmImages');
    writeFileSync(join(blobs, `${id}.abc123.tmp`), 'partial');
    writeFileSync(join(blobs, id), 'renamed but never recorded');

    const second = await startVmImages({ dataDir });
    expect((await second.call('GET', `/v2/images/${id}`)).body).toMatchObject({ status: 'queued', size: null });
    expect(existsSync(join(blobs, `${id}.abc123.tmp`))).toBe(false);
    expect(existsSync(join(blobs, id))).toBe(false);
    expect(existsSync(join(blobs, seedId('ubuntu-24.04')))).toBe(true);
    expect((await second.upload(id, randomBytes(64))).status).toBe(400);
  });

  it('lets an upload in flight finish when the service closes, and keeps it', async () => {
    const dataDir = await tempDataDir();
    const first = await startVmImages({ dataDir });
    const image = await first.create({ name: 'in-flight', disk_format: 'raw', container_format: 'bare' });
    const body = new PassThrough();
    const upload = request(`${first.url}/v2/images/${image.id}/file`, {
      method: 'PUT',
      headers: { 'x-auth-token': TOKENS.admin, 'content-type': 'application/octet-stream' },
      body,
    });
    const head = randomBytes(32 * 1024);
    body.write(head);
    await waitFor(async () => (await first.call('GET', `/v2/images/${image.id}`)).body.status === 'saving', { what: 'saving' });
    const closed = first.close();
    const tail = randomBytes(1000);
    body.end(tail);
    expect((await upload).statusCode).toBe(204);
    await closed;

    const second = await startVmImages({ dataDir });
    const shown = (await second.call('GET', `/v2/images/${image.id}`)).body;
    expect(shown).toMatchObject({ status: 'active', size: head.length + tail.length });
    expect(shown.checksum).toBe(
      createHash('md5')
        .update(Buffer.concat([head, tail]))
        .digest('hex'),
    );
  });
});
