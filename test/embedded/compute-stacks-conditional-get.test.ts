import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newImage, seedId, startContainerImages, type ContainerImagesHarness } from './container-images-harness.js';
import { startContainers, type ContainersHarness } from './containers-harness.js';

/**
 * Rails' default middleware on the ComputeStacks services: Rack::ETag (a weak ETag on a GET's
 * 200) and Rack::ConditionalGet (304 with no body when If-None-Match names it).
 */

let images: ContainerImagesHarness;
let containers: ContainersHarness;

beforeAll(async () => {
  images = await startContainerImages();
  containers = await startContainers();
});

afterAll(async () => {
  await images.close();
  await containers.close();
});

describe('conditional GETs (Rack::ETag, Rack::ConditionalGet)', () => {
  it('tags a GET 200 with a weak ETag and answers 304 without a body when it is named', async () => {
    for (const [call, path] of [
      [images.call, '/api/container_images?page=1&per_page=100'],
      [images.call, `/api/container_images/${seedId('nginx')}`],
      [containers.call, '/api/containers?page=1&per_page=50'],
    ] as const) {
      const first = await call('GET', path);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toMatch(/^W\/"[0-9a-f]{32}"$/);
      expect(first.headers['cache-control']).toBe('max-age=0, private, must-revalidate');
      const again = await call('GET', path, { headers: { 'if-none-match': first.headers.etag as string } });
      expect(again.status).toBe(304);
      expect(again.raw.length).toBe(0);
      expect(again.headers.etag).toBe(first.headers.etag);
      const other = await call('GET', path, { headers: { 'if-none-match': 'W/"0000"' } });
      expect(other.status).toBe(200);
      expect(other.raw.equals(first.raw)).toBe(true);
    }
  });

  it('gives a changed resource a new ETag, so the old one gets the new body', async () => {
    const created = await images.create(newImage({ label: 'Conditional One' }));
    const path = `/api/container_images/${created.id}`;
    const before = await images.call('GET', path);
    await images.update(created.id, { description: 'changed' });
    const after = await images.call('GET', path, { headers: { 'if-none-match': before.headers.etag as string } });
    expect(after.status).toBe(200);
    expect(after.body.container_image.description).toBe('changed');
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it("tags no error, no write and no other caller's view alike", async () => {
    expect((await images.call('GET', '/api/container_images/999999')).headers.etag).toBeUndefined();
    const created = await images.call('POST', '/api/container_images', { body: { container_image: newImage({ label: 'Conditional Two' }) } });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBeUndefined();
    // The reader sees another list than the admin: another body, another tag.
    const admin = await images.call('GET', '/api/container_images?page=1&per_page=100');
    const reader = await images.call('GET', '/api/container_images?page=1&per_page=100', {
      as: 'reader',
      headers: { 'if-none-match': admin.headers.etag as string },
    });
    expect(reader.status).toBe(200);
    expect(reader.headers.etag).not.toBe(admin.headers.etag);
  });
});
