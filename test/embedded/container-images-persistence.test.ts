import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTAINER_IMAGE_SEEDS } from '../../src/embedded/container-images/seed.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { newImage, seedId, startContainerImages } from './container-images-harness.js';

describe('the embedded container image service across restarts', () => {
  it('keeps created, updated and deleted images, their params and dependencies after a restart on the same data dir', async () => {
    const dataDir = await tempDataDir();
    const first = await startContainerImages({ dataDir });
    const created = await first.create(
      newImage({
        label: 'Kept',
        min_cpu: '0.75',
        required_containers: [seedId('redis-7')],
        setting_params_attributes: [{ name: 'secret', param_type: 'password' }],
        volume_attributes: [{ label: 'data', mount_path: '/data', borg_strategy: 'mysql' }],
      }),
      'other',
    );
    const renamed = await first.update(seedId('acme-docs'), { label: 'Acme Handbook', registry_auth: true, registry_password: 'hidden' });
    expect((await first.call('DELETE', `/api/container_images/${seedId('acme-status-page')}`)).status).toBe(202);
    const before = await first.all('per_page=100');
    await first.close();

    const second = await startContainerImages({ dataDir });
    expect(await second.all('per_page=100')).toEqual(before);
    expect(await second.show(created.id, 'other')).toEqual(created);
    expect(await second.show(seedId('acme-docs'))).toEqual(renamed);
    expect((await second.call('GET', `/api/container_images/${seedId('acme-status-page')}`)).status).toBe(404);
    expect((await second.show(seedId('redis-7'))).required_by).toContain(created.id);
    // Ids keep counting up: neither the deleted seed's id nor the last one is handed out again.
    const next = await second.create(newImage({ label: 'After Restart' }));
    expect(next.id).toBe(created.id + 1);
    const db = new Database(join(dataDir, 'gantry.sqlite'), { readonly: true });
    try {
      const stored = db.prepare('SELECT registry_password FROM cs_container_images WHERE id = ?').get(seedId('acme-docs')) as { registry_password: string };
      expect(stored.registry_password).toBe('hidden');
    } finally {
      db.close();
    }
  });

  it('seeds once per data directory: deleted seed images stay deleted', async () => {
    const dataDir = await tempDataDir();
    const first = await startContainerImages({ dataDir });
    const leaves = CONTAINER_IMAGE_SEEDS.filter((seed) => seed.userId === 2 && !CONTAINER_IMAGE_SEEDS.some((other) => other.requires.includes(seed.id)));
    expect(leaves.length).toBeGreaterThan(10);
    for (const leaf of leaves) expect((await first.call('DELETE', `/api/container_images/${leaf.id}`)).status).toBe(202);
    await first.close();
    const second = await startContainerImages({ dataDir });
    expect(await second.total('')).toBe(CONTAINER_IMAGE_SEEDS.length - leaves.length);
    for (const leaf of leaves) expect((await second.call('GET', `/api/container_images/${leaf.id}`)).status).toBe(404);
  });
});
