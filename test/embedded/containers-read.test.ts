import { beforeAll, describe, expect, it } from 'vitest';
import { CONTAINER_IMAGE_SEEDS } from '../../src/embedded/container-images/seed.js';
import { CONTAINER_SEEDS } from '../../src/embedded/containers/seed.js';
import { expectStatus, type As } from './harness.js';
import { parseLink } from './container-images-harness.js';
import { seeds, seedWith, startContainers, type ContainersHarness } from './containers-harness.js';

const RAILS_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;
const STATES = ['migrating', 'starting', 'stopping', 'working', 'alert', 'resource_usage', 'online', 'offline', 'unhealthy'];

describe('containers of the embedded ComputeStacks API', () => {
  let h: ContainersHarness;
  beforeAll(async () => {
    h = await startContainers();
  });

  it('shows a container in the {"container": {...}} envelope with every field of the real object', async () => {
    const seed = seeds({ imageName: 'wordpress-6' })[0]!;
    const reply = await h.call('GET', `/api/containers/${seed.id}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Object.keys(reply.body)).toEqual(['container']);
    const container = reply.body.container;
    expect(container).toMatchObject({
      id: seed.id,
      name: seed.name,
      req_state: 'running',
      current_state: 'online',
      public_ip: seed.publicIp,
      project_id: seed.projectId,
      container_service_id: seed.containerServiceId,
      container_image_id: CONTAINER_IMAGE_SEEDS.find((image) => image.name === 'wordpress-6')!.id,
      links: {
        container_service: `/api/container_services/${seed.containerServiceId}`,
        logs: `/api/containers/${seed.id}/logs`,
        project: `/api/projects/${seed.projectId}`,
      },
    });
    expect(container.name).toMatch(/^wordpress-6-[0-9a-f]{4}$/);
    expect(container.local_ip).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(container.created_at).toMatch(RAILS_TIME);
    expect(container.updated_at).toMatch(RAILS_TIME);
    expect(Date.parse(container.updated_at)).toBeGreaterThanOrEqual(Date.parse(container.created_at));
    expect(Object.keys(container.stats).sort()).toEqual(['cpu', 'mem']);
    expect(container.stats.cpu).toBeGreaterThan(0);
    expect(container.stats.mem).toBeGreaterThan(0);
    expect(container.stats.mem).toBeLessThanOrEqual(100);
    expect(container.ingress_rules).toHaveLength(1);
    const rule = container.ingress_rules[0];
    expect(rule).toMatchObject({
      port: 80,
      port_nat: 0,
      proto: 'http',
      external_access: true,
      backend_ssl: false,
      tcp_proxy_opt: 'none',
      redirect_ssl: true,
      restrict_cf: false,
      tcp_lb: false,
      container_service_id: seed.containerServiceId,
      load_balancer_rule_id: null,
      internal_load_balancer_id: null,
      load_balanced_rules: [],
      links: { domains: `/api/network/ingress_rules/${rule.id}/domains` },
    });
    expect(rule.created_at).toMatch(RAILS_TIME);
    expect(rule.updated_at).toMatch(RAILS_TIME);
  });

  it('shows every seed container in a valid state, stopped ones offline with zero stats, the alert one running hot', async () => {
    for (const seed of CONTAINER_SEEDS) {
      const container = await h.show(seed.id);
      expect(STATES, seed.name).toContain(container.current_state);
      expect(container.name).toBe(seed.name);
      if (seed.fate === 'offline') {
        expect(container).toMatchObject({ req_state: 'stopped', current_state: 'offline', stats: { cpu: 0, mem: 0 } });
      } else {
        expect(container.req_state, seed.name).toBe('running');
        expect(container.current_state, seed.name).toBe(seed.fate);
      }
    }
    const alert = await h.show(seedWith('alert').id);
    expect(alert.stats.cpu).toBeGreaterThan(80);
  });

  it('seeds 20 containers for user 1 in three projects and 10 for user 2, with images from the catalogue', () => {
    expect(seeds({ userId: 1 })).toHaveLength(20);
    expect(seeds({ userId: 2 })).toHaveLength(10);
    expect(new Set(seeds({ userId: 1 }).map((seed) => seed.projectId))).toEqual(new Set([1, 2, 3]));
    expect(seeds({ fate: 'alert' })).toHaveLength(1);
    expect(seeds({ fate: 'offline' }).length).toBeGreaterThanOrEqual(3);
    expect(CONTAINER_SEEDS.filter((seed) => seed.publicIp !== null).length).toBeGreaterThanOrEqual(3);
    const imageIds = new Set(CONTAINER_IMAGE_SEEDS.map((image) => image.id));
    for (const seed of CONTAINER_SEEDS) expect(imageIds.has(seed.imageId), seed.name).toBe(true);
  });

  it('lists the caller’s containers by id in {"containers": [...]} (an extension), admin all of them', async () => {
    for (const [as, expected] of [
      ['reader', seeds({ userId: 1 })],
      ['other', seeds({ userId: 2 })],
      ['admin', CONTAINER_SEEDS],
    ] as const) {
      const reply = await h.call('GET', '/api/containers?per_page=100', { as: as as As });
      expectStatus(reply, 200, `list as ${as}`);
      expect(Object.keys(reply.body)).toEqual(['containers']);
      expect(
        reply.body.containers.map((container: any) => container.id),
        as,
      ).toEqual(expected.map((seed) => seed.id));
      expect(reply.headers.total).toBe(String(expected.length));
      expect(reply.headers['per-page']).toBe('100');
      expect(reply.headers.link).toBeUndefined();
    }
    const listed = (await h.call('GET', '/api/containers', { as: 'other' })).body.containers[0];
    expect(listed).toEqual(await h.show(listed.id, 'other'));
  });

  it('pages the list with Total, Per-Page and Link headers (first, prev, next, last) like the image list', async () => {
    const all = CONTAINER_SEEDS.map((seed) => seed.id);
    const lastPage = Math.ceil(all.length / 7);
    const first = await h.call('GET', '/api/containers?per_page=7');
    expect(all).toHaveLength(50);
    expect(first.headers.total).toBe(String(all.length));
    expect(first.headers['per-page']).toBe('7');
    expect(first.body.containers.map((container: any) => container.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const links = parseLink(first.headers.link);
    expect(links).toEqual({
      first: `${h.url}/api/containers?per_page=7&page=1`,
      next: `${h.url}/api/containers?per_page=7&page=2`,
      last: `${h.url}/api/containers?per_page=7&page=${lastPage}`,
    });
    const seen: number[] = [];
    let next: string | undefined = links.first;
    while (next !== undefined) {
      const page = await h.call('GET', next.slice(h.url.length));
      seen.push(...page.body.containers.map((container: any) => container.id));
      next = parseLink(page.headers.link).next;
    }
    expect(seen).toEqual(all);
    const third = await h.call('GET', '/api/containers?per_page=7&page=3');
    expect(Object.keys(parseLink(third.headers.link))).toEqual(['first', 'prev', 'next', 'last']);
    const last = await h.call('GET', `/api/containers?per_page=7&page=${lastPage}`);
    expect(last.body.containers.map((container: any) => container.id)).toEqual(all.slice((lastPage - 1) * 7));
    expect(parseLink(last.headers.link).next).toBeUndefined();
    const past = await h.call('GET', `/api/containers?per_page=7&page=${lastPage + 1}`);
    expect(past.body.containers).toEqual([]);
    const defaults = await h.call('GET', '/api/containers?per_page=abc');
    expect(defaults.headers['per-page']).toBe('30');
    expect(defaults.body.containers).toHaveLength(30);
  });
});
