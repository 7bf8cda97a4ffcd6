import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_MAIN, PROJECT_OTHER } from '../../src/embedded/principals.js';
import { VM_IMAGE_SEEDS } from '../../src/embedded/vm-images/seed.js';
import { ids, seedId, startVmImages, type VmImagesHarness } from './vm-images-harness.js';

type Image = Record<string, any>;
type Spec = Array<[string, 'asc' | 'desc']>;

/** The order SQLite gives: NULLs first ascending, last descending; strings by code point. */
function compareBy(spec: Spec) {
  return (a: Image, b: Image): number => {
    for (const [key, dir] of spec) {
      const x = a[key];
      const y = b[key];
      if (x === y) continue;
      const ascending = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return dir === 'asc' ? ascending : -ascending;
    }
    return 0;
  };
}

describe('GET /v2/images on the embedded Glance', () => {
  let h: VmImagesHarness;
  /** Every non-hidden image, as admin sees them, newest first: the oracle for filters. */
  let all: Image[];

  beforeAll(async () => {
    h = await startVmImages();
    all = await h.list('visibility=all&limit=1000');
  });

  /** A query over every image (admin's default list leaves out other projects' community images). */
  const everywhere = (query: string) => (query.includes('visibility=') ? query : `${query}&visibility=all`);

  it("leaves other projects' community images out of an admin's default list", async () => {
    const defaults = await h.list('limit=1000');
    const left = all.filter((image) => !ids(defaults).includes(image.id));
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((image) => image.visibility === 'community' && image.owner !== PROJECT_MAIN)).toBe(true);
  });

  it('lists 25 images newest first with first, next and schema links', async () => {
    const reply = await h.call('GET', '/v2/images');
    expect(reply.status).toBe(200);
    const images: Image[] = reply.body.images;
    expect(images).toHaveLength(25);
    expect(
      [...images].sort(
        compareBy([
          ['created_at', 'desc'],
          ['id', 'desc'],
        ]),
      ),
    ).toEqual(images);
    expect(reply.body.first).toBe('/v2/images');
    expect(reply.body.next).toBe(`/v2/images?marker=${images[24]!.id}`);
    expect(reply.body.schema).toBe('/v2/schemas/images');
  });

  it('returns every seeded image that is not hidden on one large page, without next', async () => {
    const reply = await h.call('GET', '/v2/images?visibility=all&limit=1000');
    const hidden = VM_IMAGE_SEEDS.filter((seed) => seed.slug === 'cirros-0.5.2');
    expect(reply.body.images).toHaveLength(VM_IMAGE_SEEDS.length - hidden.length);
    expect(reply.body).not.toHaveProperty('next');
  });

  it('clamps a limit above 1000 and rejects a limit that is not a non-negative integer', async () => {
    expect(await h.list('limit=5000&visibility=all')).toHaveLength(all.length);
    for (const limit of ['abc', '-1', '1.5', '']) {
      const reply = await h.call('GET', `/v2/images?limit=${limit}`);
      expect(reply.status, `limit=${limit}`).toBe(400);
    }
  });

  it('repeats the other query parameters in first and next', async () => {
    const reply = await h.call('GET', '/v2/images?limit=2&status=active&sort=name:asc');
    expect(reply.body.first).toBe('/v2/images?limit=2&status=active&sort=name%3Aasc');
    expect(reply.body.next).toBe(`/v2/images?limit=2&status=active&sort=name%3Aasc&marker=${reply.body.images[1].id}`);
    const second = await h.call('GET', reply.body.next);
    expect(second.body.first).toBe(reply.body.first);
    expect(second.body.images.every((image: Image) => image.status === 'active')).toBe(true);
  });

  // Ties break by created_at, then id: in the one direction given, else descending (Glance's rule).
  const orders: Array<[string, Spec]> = [
    [
      '',
      [
        ['created_at', 'desc'],
        ['id', 'desc'],
      ],
    ],
    [
      'sort_key=name&sort_dir=asc',
      [
        ['name', 'asc'],
        ['created_at', 'asc'],
        ['id', 'asc'],
      ],
    ],
    [
      'sort_key=size',
      [
        ['size', 'desc'],
        ['created_at', 'desc'],
        ['id', 'desc'],
      ],
    ],
    [
      'sort_key=size&sort_dir=asc',
      [
        ['size', 'asc'],
        ['created_at', 'asc'],
        ['id', 'asc'],
      ],
    ],
    [
      'sort_key=disk_format&sort_key=updated_at&sort_dir=asc&sort_dir=desc',
      [
        ['disk_format', 'asc'],
        ['updated_at', 'desc'],
        ['created_at', 'desc'],
        ['id', 'desc'],
      ],
    ],
    [
      'sort=status:asc,name:desc',
      [
        ['status', 'asc'],
        ['name', 'desc'],
        ['created_at', 'desc'],
        ['id', 'desc'],
      ],
    ],
    [
      'sort=container_format:desc,disk_format:asc,created_at:asc',
      [
        ['container_format', 'desc'],
        ['disk_format', 'asc'],
        ['created_at', 'asc'],
        ['id', 'desc'],
      ],
    ],
    ['sort=id:asc', [['id', 'asc']]],
  ];

  it.each(orders)('sorts by "%s" and pages to the end without duplicates or gaps', async (query, spec) => {
    const whole = await h.list(everywhere(`${query}&limit=1000`));
    expect(whole).toHaveLength(all.length);
    expect([...whole].sort(compareBy(spec))).toEqual(whole);
    const pages = await h.pages(everywhere(`${query}&limit=4`));
    // Every full page has a next link, as on Glance: one empty page more when the last is full.
    expect(pages.length, JSON.stringify(pages.map((page) => page.length))).toBe(Math.floor(all.length / 4) + 1);
    expect(pages.flat().map((image) => image.id)).toEqual(ids(whole));
  });

  it('pages the other principal’s narrower view to the end too', async () => {
    const whole = await h.list('limit=1000&sort=name:asc', 'other');
    const pages = await h.pages('limit=3&sort=name:asc', 'other');
    expect(pages.flat().map((image) => image.id)).toEqual(ids(whole));
  });

  it('rejects an unknown marker and a marker the caller cannot see', async () => {
    expect((await h.call('GET', '/v2/images?marker=00000000-0000-4000-8000-000000000000')).status).toBe(400);
    const invisible = seedId('vendor-rhel');
    expect((await h.call('GET', `/v2/images?marker=${invisible}`, { as: 'other' })).status).toBe(400);
    expect((await h.call('GET', `/v2/images?marker=${invisible}`, { as: 'admin' })).status).toBe(200);
  });

  it.each([
    'sort_key=foo',
    'sort_key=protected',
    'sort_dir=up',
    'sort=name:up',
    'sort=bogus:asc',
    'sort=name:asc&sort_key=name',
    'sort=name&sort_dir=asc',
    'sort_key=name&sort_key=size&sort_key=id&sort_dir=asc&sort_dir=desc',
  ])('rejects the sort parameters %s with 400', async (query) => {
    const reply = await h.call('GET', `/v2/images?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('400 Bad Request');
  });

  const filters: Array<[string, (image: Image) => boolean]> = [
    ['name=cirros-0.6.2-x86_64-disk', (i) => i.name === 'cirros-0.6.2-x86_64-disk'],
    ['name=in:cirros-0.6.2-x86_64-disk,debian-12-genericcloud-amd64', (i) => ['cirros-0.6.2-x86_64-disk', 'debian-12-genericcloud-amd64'].includes(i.name)],
    ['name=in:"Fedora-Cloud-Base-39",Fedora-Cloud-Base-Generic-40', (i) => i.name.startsWith('Fedora')],
    [
      `id=in:${seedId('ubuntu-24.04')},${seedId('rocky-8.10')},${seedId('vendor-rhel')}`,
      (i) => ['ubuntu-24.04', 'rocky-8.10', 'vendor-rhel'].map(seedId).includes(i.id),
    ],
    [`id=${seedId('arch')}`, (i) => i.id === seedId('arch')],
    [`owner=${PROJECT_OTHER}`, (i) => i.owner === PROJECT_OTHER],
    ['protected=true', (i) => i.protected === true],
    ['protected=false', (i) => i.protected === false],
    ['status=queued', (i) => i.status === 'queued'],
    ['status=deactivated', (i) => i.status === 'deactivated'],
    ['tag=ubuntu', (i) => i.tags.includes('ubuntu')],
    ['tag=ubuntu&tag=lts', (i) => i.tags.includes('ubuntu') && i.tags.includes('lts')],
    ['tag=appliance&tag=firewall', (i) => i.tags.includes('appliance') && i.tags.includes('firewall')],
    ['visibility=private', (i) => i.visibility === 'private'],
    ['visibility=community', (i) => i.visibility === 'community'],
    ['visibility=shared', (i) => i.visibility === 'shared'],
    ['visibility=public', (i) => i.visibility === 'public'],
    ['size_min=6144', (i) => i.size !== null && i.size >= 6144],
    ['size_max=5120', (i) => i.size !== null && i.size <= 5120],
    ['size_min=5000&size_max=6200', (i) => i.size !== null && i.size >= 5000 && i.size <= 6200],
    ['os_distro=ubuntu', (i) => i.os_distro === 'ubuntu'],
    ['os_distro=ubuntu&os_version=22.04', (i) => i.os_distro === 'ubuntu' && i.os_version === '22.04'],
    ['hw_disk_bus=sata', (i) => i.hw_disk_bus === 'sata'],
    ['disk_format=raw', (i) => i.disk_format === 'raw'],
    ['container_format=bare&status=active', (i) => i.container_format === 'bare' && i.status === 'active'],
    ['min_ram=2048', (i) => i.min_ram === 2048],
  ];

  it.each(filters)('filters by %s', async (query, predicate) => {
    const expected = ids(all.filter(predicate));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(await h.list(everywhere(`${query}&limit=1000`)))).toEqual(expected);
  });

  it('shows everything for visibility=all and nothing for an unknown property value', async () => {
    expect(ids(await h.list('visibility=all&limit=1000'))).toEqual(ids(all));
    expect(await h.list('os_distro=plan9')).toEqual([]);
  });

  it('filters created_at and updated_at with every comparison operator', async () => {
    const pivot = all[12]!;
    const at = (image: Image, key: string) => Date.parse(image[key]);
    const cases: Array<[string, (a: number, b: number) => boolean]> = [
      ['gt', (a, b) => a > b],
      ['gte', (a, b) => a >= b],
      ['eq', (a, b) => a === b],
      ['neq', (a, b) => a !== b],
      ['lt', (a, b) => a < b],
      ['lte', (a, b) => a <= b],
    ];
    for (const key of ['created_at', 'updated_at']) {
      for (const [op, compare] of cases) {
        const expected = ids(all.filter((image) => compare(at(image, key), at(pivot, key))));
        expect(ids(await h.list(everywhere(`${key}=${op}:${pivot[key]}&limit=1000`))), `${key} ${op}`).toEqual(expected);
      }
    }
  });

  it('treats a time without an operator as eq and accepts an offset', async () => {
    const pivot = all[3]!;
    expect(ids(await h.list(`created_at=${pivot.created_at}`))).toEqual([pivot.id]);
    // The same instant written in +02:00 (encoded, since + means space in a query string).
    const local = new Date(Date.parse(pivot.created_at) + 2 * 3_600_000).toISOString().slice(0, 19);
    expect(ids(await h.list(`created_at=eq:${local}%2B02:00`))).toEqual([pivot.id]);
    expect(ids(await h.list(`created_at=eq:${local}Z`))).not.toContain(pivot.id);
  });

  it.each([
    'created_at=between:2020-01-01T00:00:00Z',
    'created_at=gte:yesterday',
    'updated_at=lt:2020-13-01T00:00:00Z',
    'protected=maybe',
    'visibility=everyone',
    'os_hidden=perhaps',
    'member_status=bogus',
    'size_max=abc',
    'name=like:cirros',
    'name=foo:bar',
    'name=in:"unclosed',
  ])('rejects the filter %s with 400', async (query) => {
    const reply = await h.call('GET', `/v2/images?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.title).toBe('Bad Request');
  });

  it('leaves hidden images out unless os_hidden=true, which lists only them', async () => {
    const hidden = seedId('cirros-0.5.2');
    expect(ids(all)).not.toContain(hidden);
    expect(ids(await h.list('os_hidden=true'))).toEqual([hidden]);
    expect(ids(await h.list('os_hidden=false&visibility=all&limit=1000'))).toEqual(ids(all));
    expect((await h.call('GET', `/v2/images/${hidden}`)).status).toBe(200);
  });
});
