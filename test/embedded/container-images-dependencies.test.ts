import { beforeAll, describe, expect, it } from 'vitest';
import { CONTAINER_IMAGE_SEEDS } from '../../src/embedded/container-images/seed.js';
import { newImage, seedId, startContainerImages, type ContainerImagesHarness } from './container-images-harness.js';

/** Every image's required_by must be exactly the images listing it in required_containers. */
function expectConsistent(images: any[]): void {
  const requiredBy = new Map<number, number[]>(images.map((image) => [image.id, []]));
  for (const image of images) {
    for (const id of image.required_containers) requiredBy.get(id)?.push(image.id);
  }
  for (const image of images) expect(image.required_by, image.name).toEqual(requiredBy.get(image.id)!.sort((a, b) => a - b));
}

describe('dependencies between container images', () => {
  let h: ContainerImagesHarness;
  beforeAll(async () => {
    h = await startContainerImages();
  });

  it('seeds chains two and three levels deep, with required_by the mirror of required_containers', async () => {
    const all = await h.all();
    expect(all).toHaveLength(CONTAINER_IMAGE_SEEDS.length);
    expectConsistent(all);
    const byId = new Map(all.map((image) => [image.id, image]));
    const names = (ids: number[]) => ids.map((id) => byId.get(id).name);
    expect(names(byId.get(seedId('acme-shop')).required_containers)).toEqual(['acme-api']);
    expect(names(byId.get(seedId('acme-api')).required_containers)).toEqual(['postgres-16', 'redis-7']);
    expect(names(byId.get(seedId('team-blog')).required_containers)).toEqual(['wordpress-6']);
    expect(names(byId.get(seedId('wordpress-6')).required_containers)).toEqual(['mariadb-11']);
    expect(names(byId.get(seedId('invoice-generator')).required_containers)).toEqual(['acme-billing-worker']);
    expect(names(byId.get(seedId('globex-web')).required_containers)).toEqual(['globex-api']);
    expect(names(byId.get(seedId('globex-api')).required_containers)).toEqual(['redis-7', 'acme-shared-postgres']);
  });

  it('puts required images beyond the first 100 by label, so a two-level walk crosses pages', async () => {
    const firstPage = (await h.page('per_page=100')).images.map((image) => image.id);
    const shop = firstPage.indexOf(seedId('acme-shop'));
    expect(shop).toBeGreaterThanOrEqual(0);
    expect(firstPage).toContain(seedId('acme-api'));
    expect(firstPage).not.toContain(seedId('postgres-16'));
    expect(firstPage).not.toContain(seedId('redis-7'));
    const readerSecond = (await h.page('per_page=100&page=2', 'reader')).images.map((image) => image.name);
    expect(readerSecond).toEqual(['valkey-8', 'video-transcoder', 'wordpress-6']);
  });

  it('sets dependencies on create from dependency_parents and required_containers, merged, and updates the other side', async () => {
    const redis = seedId('redis-7');
    const postgres = seedId('postgres-16');
    const created = await h.create(
      newImage({
        label: 'Depends',
        dependency_parents: [{ requires_container_id: postgres }, { requires_container_id: String(redis) }],
        required_containers: [redis],
      }),
    );
    expect(created.required_containers).toEqual([postgres, redis].sort((a, b) => a - b));
    expect(created.required_by).toEqual([]);
    expect((await h.show(redis)).required_by).toContain(created.id);
    expect((await h.show(postgres)).required_by).toContain(created.id);
    expectConsistent(await h.all());
  });

  it('replaces dependencies on update when given, keeps them when not, and clears them with an empty list', async () => {
    const created = await h.create(newImage({ label: 'Rewired', required_containers: [seedId('mysql-8')] }));
    const moved = await h.update(created.id, { required_containers: [seedId('mariadb-11')] });
    expect(moved.required_containers).toEqual([seedId('mariadb-11')]);
    expect((await h.show(seedId('mysql-8'))).required_by).not.toContain(created.id);
    expect((await h.show(seedId('mariadb-11'))).required_by).toContain(created.id);
    expect((await h.update(created.id, { description: 'no dependency keys' })).required_containers).toEqual([seedId('mariadb-11')]);
    expect((await h.update(created.id, { dependency_parents: [] })).required_containers).toEqual([]);
    expect((await h.show(seedId('mariadb-11'))).required_by).not.toContain(created.id);
    expectConsistent(await h.all());
  });

  it('refuses an update that would close a cycle, naming it, and changes nothing', async () => {
    const before = await h.all();
    const reply = await h.call('PATCH', `/api/container_images/${seedId('postgres-16')}`, {
      body: { container_image: { description: 'cyclic', required_containers: [seedId('acme-shop')] } },
    });
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({ errors: ['Dependency cycle: postgres-16 -> acme-shop -> acme-api -> postgres-16'] });
    const direct = await h.call('PATCH', `/api/container_images/${seedId('acme-api')}`, {
      body: { container_image: { dependency_parents: [{ requires_container_id: seedId('acme-admin-panel') }] } },
    });
    expect(direct.body).toEqual({ errors: ['Dependency cycle: acme-api -> acme-admin-panel -> acme-api'] });
    expect(await h.all()).toEqual(before);
  });

  it('lets other depend on active system images and images shared with them', async () => {
    const created = await h.create(newImage({ label: 'Other Deps', required_containers: [seedId('nginx'), seedId('acme-docs')] }), 'other');
    expect(created.required_containers).toEqual([seedId('nginx'), seedId('acme-docs')]);
    const adminMade = await h.create(newImage({ label: 'Legacy Too', required_containers: [seedId('mysql-5')] }));
    expect(adminMade.required_containers).toEqual([seedId('mysql-5')]);
  });

  it('keeps required_by right after deletes, and lets a required image go once nothing requires it', async () => {
    const api = seedId('acme-api');
    const dependants = (await h.show(api)).required_by as number[];
    expect(dependants.length).toBeGreaterThan(3);
    const refused = await h.call('DELETE', `/api/container_images/${api}`);
    expect(refused.status).toBe(500);
    expect(refused.body.errors).toBe(
      `Image is required by: ${CONTAINER_IMAGE_SEEDS.filter((s) => dependants.includes(s.id))
        .map((s) => s.name)
        .join(', ')}`,
    );
    // Leaves first: acme-billing-worker is itself required by invoice-generator.
    expect((await h.call('DELETE', `/api/container_images/${seedId('acme-billing-worker')}`)).status).toBe(500);
    expect((await h.call('DELETE', `/api/container_images/${seedId('invoice-generator')}`)).status).toBe(202);
    expect((await h.show(seedId('acme-billing-worker'))).required_by).toEqual([]);
    for (const id of dependants) {
      expect((await h.call('DELETE', `/api/container_images/${id}`)).status, String(id)).toBe(202);
      expect((await h.show(api)).required_by).not.toContain(id);
    }
    expect((await h.show(api)).required_by).toEqual([]);
    expect((await h.call('DELETE', `/api/container_images/${api}`)).status).toBe(202);
    expect((await h.show(seedId('postgres-16'))).required_by).not.toContain(api);
    expectConsistent(await h.all());
  });
});
