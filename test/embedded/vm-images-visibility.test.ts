import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_MAIN } from '../../src/embedded/principals.js';
import { VM_IMAGE_SEEDS } from '../../src/embedded/vm-images/seed.js';
import { JSON_PATCH_TYPE } from '../../src/embedded/vm-images/errors.js';
import type { As } from './harness.js';
import { ids, seedId, startVmImages, type VmImagesHarness } from './vm-images-harness.js';

const sorted = (values: string[]) => [...values].sort();
const bySlug = (...slugs: string[]) => sorted(slugs.map(seedId));

/** Public images of PROJECT_MAIN, other than the hidden one. */
const MAIN_PUBLIC = [
  'ubuntu-24.04',
  'ubuntu-22.04',
  'ubuntu-24.04-minimal',
  'debian-12',
  'fedora-40',
  'fedora-39',
  'cirros-0.6.2',
  'alpine-3.20',
  'rocky-9.4',
  'opensuse-15.6',
  'freebsd-14.1',
];
const OTHER_OWNED = ['other-hardened', 'other-build-agent', 'other-scratch', 'other-debian-gpu', 'other-nixos'];
const COMMUNITY = ['alpine-3.19', 'other-nixos', 'vendor-firewall'];

describe('image visibility across the three principals', () => {
  let h: VmImagesHarness;
  const listIds = async (query: string, as: As) => sorted(ids(await h.list(`limit=1000&${query}`, as)));

  beforeAll(async () => {
    h = await startVmImages();
  });

  it('lets admin list every image of every project (with visibility=all), hidden ones on request', async () => {
    const visible = await listIds('visibility=all', 'admin');
    const hidden = await listIds('os_hidden=true', 'admin');
    expect(sorted([...visible, ...hidden])).toEqual(sorted(VM_IMAGE_SEEDS.map((seed) => seed.id)));
  });

  it('lists for reader its project’s images, public ones and shares its project accepted', async () => {
    const mainOwned = VM_IMAGE_SEEDS.filter((seed) => seed.owner === PROJECT_MAIN && seed.slug !== 'cirros-0.5.2').map((seed) => seed.id);
    expect(await listIds('', 'reader')).toEqual(sorted([...mainOwned, seedId('other-debian-gpu'), seedId('other-build-agent')]));
  });

  it('lists for other its own images, public ones and accepted shares, not pending or rejected ones', async () => {
    const expected = bySlug(...OTHER_OWNED, ...MAIN_PUBLIC, 'rocky-8.10', 'postgres-16');
    const listed = await listIds('', 'other');
    expect(listed).toEqual(expected);
    for (const slug of ['almalinux-9.4', 'centos-stream-9', 'windows-2022', 'alpine-3.19', 'vendor-firewall', 'vendor-rhel', 'vendor-netbox']) {
      expect(listed, slug).not.toContain(seedId(slug));
    }
  });

  it('selects shares by member_status for a member project', async () => {
    expect(await listIds('visibility=shared', 'other')).toEqual(bySlug('other-build-agent', 'rocky-8.10', 'postgres-16'));
    expect(await listIds('visibility=shared&member_status=pending', 'other')).toEqual(bySlug('other-build-agent', 'almalinux-9.4'));
    expect(await listIds('visibility=shared&member_status=rejected', 'other')).toEqual(bySlug('other-build-agent', 'centos-stream-9'));
    expect(await listIds('visibility=shared&member_status=all', 'other')).toEqual(
      bySlug('other-build-agent', 'rocky-8.10', 'postgres-16', 'almalinux-9.4', 'centos-stream-9'),
    );
    expect(await listIds('visibility=shared&member_status=pending', 'reader')).toContain(seedId('vendor-netbox'));
  });

  it('lists every community image only when community (or all) is asked for', async () => {
    expect(await listIds('visibility=community', 'other')).toEqual(bySlug(...COMMUNITY));
    expect(await listIds('visibility=community', 'reader')).toEqual(bySlug(...COMMUNITY));
    const everything = await listIds('visibility=all', 'other');
    expect(everything).toEqual(sorted([...new Set([...(await listIds('', 'other')), ...bySlug(...COMMUNITY)])]));
  });

  it('lists only the caller’s own private images for visibility=private', async () => {
    expect(await listIds('visibility=private', 'other')).toEqual(bySlug('other-hardened', 'other-scratch'));
  });

  it.each<[As, string, number]>([
    ['other', 'windows-2022', 404],
    ['other', 'almalinux-9.4', 200],
    ['other', 'centos-stream-9', 200],
    ['other', 'rocky-8.10', 200],
    ['other', 'vendor-netbox', 404],
    ['other', 'alpine-3.19', 200],
    ['other', 'vendor-firewall', 200],
    ['reader', 'other-hardened', 404],
    ['reader', 'vendor-netbox', 200],
    ['reader', 'other-build-agent', 200],
    ['reader', 'vendor-rhel', 404],
    ['admin', 'vendor-rhel', 200],
    ['admin', 'other-scratch', 200],
  ])('shows %s the image %s with %i', async (as, slug, status) => {
    const reply = await h.call('GET', `/v2/images/${seedId(slug)}`, { as });
    expect(reply.status).toBe(status);
    if (status === 404) expect(reply.body.message).toBe(`No image found with ID ${seedId(slug)}<br /><br />\n\n\n`);
    else expect(reply.body.id).toBe(seedId(slug));
  });

  it('answers 404, not 403, when a write targets an image the caller cannot see', async () => {
    const patch = (as: As, slug: string) => h.call('PATCH', `/v2/images/${seedId(slug)}`, { as, body: '[]', headers: { 'content-type': JSON_PATCH_TYPE } });
    expect((await patch('other', 'windows-2022')).status).toBe(404);
    expect((await patch('other', 'ubuntu-24.04')).status).toBe(403);
    expect((await patch('other', 'rocky-8.10')).status).toBe(403);
    expect((await h.call('DELETE', `/v2/images/${seedId('vendor-rhel')}`, { as: 'other' })).status).toBe(404);
    expect((await h.call('DELETE', `/v2/images/${seedId('rocky-8.10')}`, { as: 'other' })).status).toBe(403);
  });
});
