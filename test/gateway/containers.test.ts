import { beforeAll, describe, expect, it } from 'vitest';
import { ContainerActivityDocument, ContainerByIdDocument, ContainersPageDocument, PowerContainerDocument } from '../generated/graphql.js';
import { startStack, TOKENS, type Stack } from '../helpers/harness.js';

/** The embedded simulation runs on this clock; tests move it forward instead of sleeping. */
let now = Date.parse('2026-11-20T12:00:00Z');
const advance = (ms: number) => (now += ms);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ clock: () => now });
});

async function allContainers(token = TOKENS.admin) {
  const { data, errors } = await stack.gql(ContainersPageDocument, { first: 100 }, { token });
  expect(errors).toBeUndefined();
  return data.containers!.edges.map((e) => e.node);
}

async function state(id: string) {
  const { data } = await stack.gql(ContainerByIdDocument, { id });
  return data.container!.state;
}

describe('containers', () => {
  it('lists containers with state, addresses, ingress rules and the image they run', async () => {
    const containers = await allContainers();
    expect(containers.length).toBeGreaterThan(5);
    expect(containers.some((c) => c.state === 'ONLINE' && c.requestedState === 'RUNNING')).toBe(true);
    expect(containers.some((c) => c.state === 'OFFLINE')).toBe(true);
    expect(containers.some((c) => c.image?.label)).toBe(true);
    expect(containers.some((c) => c.ingressRules.length > 0)).toBe(true);
  });

  it('shows another user only their own containers', async () => {
    const mine = new Set((await allContainers()).map((c) => c.id));
    const theirs = await allContainers(TOKENS.other);
    const readerView = new Set((await allContainers(TOKENS.reader)).map((c) => c.id));
    expect(theirs.length).toBeGreaterThan(0);
    for (const c of theirs) expect(readerView.has(c.id)).toBe(false);
    expect(mine.size).toBeGreaterThanOrEqual(theirs.length + readerView.size);
  });

  it('serves logs newest first within the limit, processes, and 30 s metric samples of an online container', async () => {
    const online = (await allContainers()).find((c) => c.state === 'ONLINE')!;
    const { data, errors } = await stack.gql(ContainerActivityDocument, { id: online.id, limit: 20 });
    expect(errors).toBeUndefined();
    const logs = data.container!.logs;
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.length).toBeLessThanOrEqual(20);
    const times = logs.map((l) => Date.parse(l.timestamp));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(data.container!.processes.length).toBeGreaterThan(0);
    const cpu = data.container!.cpuUsage.map((s) => Date.parse(s.timestamp));
    expect(cpu.length).toBeGreaterThan(1);
    expect(cpu[1]! - cpu[0]!).toBe(30_000);
    expect(data.container!.memoryUsage.every((m) => Number.isInteger(m.megabytes))).toBe(true);
  });

  it('starts a stopped container: STARTING, then ONLINE in simulated time, then logs and samples appear', async () => {
    const offline = (await allContainers()).find((c) => c.state === 'OFFLINE' && c.requestedState === 'STOPPED')!;
    const started = now;
    const { data } = await stack.gql(PowerContainerDocument, { input: { id: offline.id, action: 'START' } });
    expect(data.powerContainer).toMatchObject({ __typename: 'PowerContainerSuccess', container: { state: 'STARTING', requestedState: 'RUNNING' } });
    const seen = new Set<string>();
    for (let i = 0; i < 20 && !seen.has('ONLINE'); i++) {
      advance(1_000);
      seen.add(await state(offline.id));
    }
    expect(seen.has('ONLINE')).toBe(true);
    advance(60_000);
    const since = new Date(started).toISOString();
    const { data: activity } = await stack.gql(ContainerActivityDocument, { id: offline.id, limit: 100, since });
    expect(activity.container!.logs.length).toBeGreaterThan(0);
    expect(activity.container!.logs.every((l) => Date.parse(l.timestamp) >= started)).toBe(true);
    expect(activity.container!.cpuUsage.length).toBeGreaterThan(0);
    expect(activity.container!.processes.length).toBeGreaterThan(0);
  });

  it("refuses a reader's power action, and an action the state does not allow, changing nothing", async () => {
    const online = (await allContainers()).find((c) => c.state === 'ONLINE')!;
    const reader = await stack.gql(PowerContainerDocument, { input: { id: online.id, action: 'STOP' } }, { token: TOKENS.reader });
    expect(reader.data.powerContainer.__typename).toBe('ForbiddenError');
    const again = await stack.gql(PowerContainerDocument, { input: { id: online.id, action: 'START' } });
    expect(again.data.powerContainer).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(await state(online.id)).toBe('ONLINE');
  });

  it('refuses bad log arguments before calling the backend', async () => {
    const online = (await allContainers()).find((c) => c.state === 'ONLINE')!;
    for (const limit of [0, 100000]) {
      const { errors } = await stack.gql(ContainerActivityDocument, { id: online.id, limit });
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const { errors } = await stack.gql(ContainerActivityDocument, { id: online.id, since: '2026-01-02T00:00:00Z', until: '2026-01-01T00:00:00Z' });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an unknown action at validation and a foreign container with NotFoundError', async () => {
    const bad = await stack.gql('mutation { powerContainer(input: { id: "x", action: EXPLODE }) { __typename } }');
    expect(bad.status).toBe(400);
    const theirs = (await allContainers(TOKENS.other))[0]!;
    const { data } = await stack.gql(PowerContainerDocument, { input: { id: theirs.id, action: 'STOP' } }, { token: TOKENS.reader });
    expect(data.powerContainer.__typename).toBe('NotFoundError');
  });
});
