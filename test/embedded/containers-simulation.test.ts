import { beforeAll, describe, expect, it } from 'vitest';
import { seedWith, seeds, startContainers, type ContainersHarness } from './containers-harness.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const STEP = 30 * SECOND;

/** The multiples of 30 s in [from, to]: where samples must be. */
function slots(from: number, to: number): number[] {
  const result: number[] = [];
  for (let t = Math.ceil(from / STEP) * STEP; t <= to; t += STEP) result.push(t);
  return result;
}

const times = (stats: Array<[string, number]>): number[] => stats.map(([time]) => Date.parse(time));

describe('the container lifecycle simulation on a fake clock', () => {
  let h: ContainersHarness;
  beforeAll(async () => {
    h = await startContainers();
  });

  /** current_state (and req_state) of a container `offset` ms after `from`. */
  async function stateAt(id: number, from: number, offset: number): Promise<[string, string]> {
    h.clock.now = from + offset;
    const container = await h.show(id);
    return [container.current_state, container.req_state];
  }

  it('start: starting for 2 s, working for 3 s, then online; logs, samples and processes appear only then', async () => {
    const id = seedWith('offline', 1).id;
    const name = (await h.show(id)).name;
    expect((await h.show(id)).current_state).toBe('offline');
    expect(await h.metrics(id, 'cpu')).toEqual([]);
    expect(await h.metrics(id, 'memory')).toEqual([]);
    expect(await h.processes(id)).toEqual([]);

    const started = h.clock.advance(1234);
    await h.power(id, 'start');
    expect(await stateAt(id, started, 0)).toEqual(['starting', 'running']);
    expect(await stateAt(id, started, 1999)).toEqual(['starting', 'running']);
    expect(await stateAt(id, started, 2000)).toEqual(['working', 'running']);
    expect(await stateAt(id, started, 4999)).toEqual(['working', 'running']);
    expect(await stateAt(id, started, 5000)).toEqual(['online', 'running']);
    expect((await h.show(id)).updated_at).toBe(new Date(started + 5000).toISOString().replace('Z', '+00:00'));

    h.clock.now = started + 10 * MINUTE;
    const logs = await h.logs(id, `period_start=${Math.floor(started / 1000)}`);
    const stamps = logs.map(([at]) => at);
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    for (const [at, container, line] of logs) {
      expect(container).toBe(name);
      expect(typeof line).toBe('string');
      expect(at).toBeGreaterThanOrEqual((started + 2000) / 1000);
      expect(at).toBeLessThanOrEqual(h.clock.now / 1000);
    }
    // A line every 2 s while online (10 min less the 5 s of boot), plus the boot lines while working.
    const steady = logs.filter(([at]) => at >= (started + 5000) / 1000);
    expect(steady.length).toBeGreaterThanOrEqual(295);
    expect(steady.length).toBeLessThanOrEqual(298);
    expect(logs.length).toBeGreaterThan(steady.length);
    expect(logs.at(-1)![0]).toBeCloseTo((started + 2000) / 1000, 2);

    const expected = slots(started + 2000, h.clock.now);
    expect(times(await h.metrics(id, 'cpu'))).toEqual(expected);
    expect(times(await h.metrics(id, 'memory'))).toEqual(expected);
    expect((await h.processes(id)).length).toBeGreaterThan(0);
    const shown = await h.show(id);
    expect(shown.stats.cpu).toBeGreaterThan(0);
    expect(shown.stats.mem).toBeGreaterThan(0);
  });

  it('stop: stopping for 2 s, then offline; no log line, sample or process after', async () => {
    const id = seedWith('online', 1).id;
    const stopped = h.clock.advance(MINUTE);
    const before = await h.metrics(id, 'cpu');
    expect(before.length).toBeGreaterThan(300);
    await h.power(id, 'stop');
    expect(await stateAt(id, stopped, 0)).toEqual(['stopping', 'stopped']);
    expect(await stateAt(id, stopped, 1999)).toEqual(['stopping', 'stopped']);
    expect(await stateAt(id, stopped, 2000)).toEqual(['offline', 'stopped']);

    h.clock.now = stopped + 20 * MINUTE;
    expect(await h.logs(id, `period_start=${Math.ceil((stopped + 2000) / 1000)}`)).toEqual([]);
    const around = await h.logs(id, `period_start=${Math.floor(stopped / 1000) - 10}`);
    expect(around.length).toBeGreaterThan(3);
    for (const [at] of around) expect(at).toBeLessThan((stopped + 2000) / 1000);
    const cpu = times(await h.metrics(id, 'cpu'));
    expect(cpu.length).toBeGreaterThan(0);
    expect(cpu.every((t) => t < stopped)).toBe(true);
    expect(cpu.at(-1)).toBe(Math.floor((stopped - 1) / STEP) * STEP);
    expect(times(await h.metrics(id, 'memory'))).toEqual(cpu);
    expect(await h.processes(id)).toEqual([]);
    expect((await h.show(id)).stats).toEqual({ cpu: 0, mem: 0 });
  });

  it('restart: stopping, starting, working, online, with new processes afterwards', async () => {
    const id = seeds({ userId: 1, fate: 'online' })[1]!.id;
    const pidsBefore = (await h.processes(id)).map((process) => process.PID);
    const restarted = h.clock.advance(MINUTE);
    await h.power(id, 'restart');
    const seen: string[] = [];
    for (const offset of [0, 1999, 2000, 3999, 4000, 6999, 7000, 60_000]) {
      const [state, req] = await stateAt(id, restarted, offset);
      expect(req).toBe('running');
      seen.push(state);
    }
    expect(seen).toEqual(['stopping', 'stopping', 'starting', 'starting', 'working', 'working', 'online', 'online']);
    const pidsAfter = (await h.processes(id)).map((process) => process.PID);
    expect(pidsAfter.length).toBe(pidsBefore.length);
    expect(pidsAfter[0]).not.toBe(pidsBefore[0]);
    // Shutdown lines while stopping, boot lines while working, and nothing between or before online.
    const during = (await h.logs(id, `period_start=${Math.floor(restarted / 1000)}&period_end=${Math.floor(restarted / 1000) + 6}`))
      .map(([at]) => at * 1000 - restarted)
      .filter((offset) => offset >= 0 && offset < 7000);
    expect(during.filter((offset) => offset < 2000).length).toBeGreaterThanOrEqual(2);
    expect(during.filter((offset) => offset >= 4000).length).toBeGreaterThanOrEqual(2);
    expect(during.filter((offset) => offset >= 2000 && offset < 4000)).toEqual([]);
    expect(times(await h.metrics(id, 'cpu')).filter((t) => t >= restarted && t < restarted + 4000)).toEqual([]);
  });

  it('rebuild: migrating for 4 s, then starting, working and online; a stopped container runs again', async () => {
    const id = seeds({ userId: 1, fate: 'offline' })[1]!.id;
    expect((await h.show(id)).req_state).toBe('stopped');
    const rebuilt = h.clock.advance(MINUTE);
    await h.power(id, 'rebuild');
    const seen: string[] = [];
    for (const offset of [0, 3999, 4000, 5999, 6000, 8999, 9000]) {
      const [state, req] = await stateAt(id, rebuilt, offset);
      expect(req).toBe('running');
      seen.push(state);
    }
    expect(seen).toEqual(['migrating', 'migrating', 'starting', 'starting', 'working', 'working', 'online']);
  });

  it('a later action cuts the running sequence short: stop while starting goes straight to stopping', async () => {
    const id = seeds({ userId: 2, fate: 'offline' })[0]!.id;
    const started = h.clock.advance(MINUTE);
    await h.power(id, 'start', 'other');
    h.clock.advance(1000);
    await h.power(id, 'stop', 'other');
    expect(await stateAt(id, started, 1000)).toEqual(['stopping', 'stopped']);
    expect(await stateAt(id, started, 3000)).toEqual(['offline', 'stopped']);
    h.clock.now = started + 10 * MINUTE;
    // It never reached working: no processes ever ran, so no samples and no log lines.
    expect(times(await h.metrics(id, 'cpu', 'other')).filter((t) => t >= started)).toEqual([]);
    expect(await h.logs(id, `period_start=${Math.floor(started / 1000)}`, 'other')).toEqual([]);
  });
});

describe('logs, processes and metrics of the embedded ComputeStacks containers', () => {
  let h: ContainersHarness;
  const online = seedWith('online', 1);
  beforeAll(async () => {
    h = await startContainers();
    h.clock.advance(7 * MINUTE + 123);
  });

  it('returns at most 500 lines by default, newest first, as [epoch seconds, name, line], the same on every read', async () => {
    const logs = await h.logs(online.id);
    expect(logs).toHaveLength(500);
    const stamps = logs.map(([at]) => at);
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    expect(new Set(stamps).size).toBe(500);
    for (const [at, name, line] of logs) {
      expect(typeof at).toBe('number');
      expect(name).toBe(online.name);
      expect(line.length).toBeGreaterThan(10);
    }
    expect(stamps[0]).toBeLessThanOrEqual(h.clock.now / 1000);
    expect(stamps[0]).toBeGreaterThan(h.clock.now / 1000 - 3);
    expect(stamps.some((at) => !Number.isInteger(at))).toBe(true);
    expect(await h.logs(online.id)).toEqual(logs);
    const ten = await h.logs(online.id, 'limit=10');
    expect(ten).toEqual(logs.slice(0, 10));
    const many = await h.logs(online.id, 'limit=10000');
    expect(many).toHaveLength(10_000);
    expect(many.slice(0, 500)).toEqual(logs);
  });

  it('keeps to period_start and period_end (epoch seconds, period_end inclusive)', async () => {
    const end = Math.floor(h.clock.now / 1000) - 3600;
    const start = end - 600;
    const logs = await h.logs(online.id, `period_start=${start}&period_end=${end}&limit=10000`);
    expect(logs.length).toBeGreaterThanOrEqual(299);
    expect(logs.length).toBeLessThanOrEqual(301);
    for (const [at] of logs) {
      expect(at).toBeGreaterThanOrEqual(start);
      expect(at).toBeLessThan(end + 1);
    }
    expect(await h.logs(online.id, `period_start=${start}&period_end=${start}`)).toHaveLength(1);
    // The future and the time before the 7-day history hold nothing.
    const now = Math.floor(h.clock.now / 1000);
    expect(await h.logs(online.id, `period_start=${now + 10}&period_end=${now + 100}`)).toEqual([]);
    expect(await h.logs(online.id, `period_start=${now - 9 * 86_400}&period_end=${now - 8 * 86_400}`)).toEqual([]);
  });

  it('writes lines that fit the image: nginx access logs, postgres log lines, JSON from node apps', async () => {
    const line = async (imageName: string): Promise<string> => (await h.logs(seeds({ imageName })[0]!.id, 'limit=1'))[0]![2];
    expect(await line('acme-landing-page')).toMatch(/^\S+ - - \[\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "(GET|POST) \S+ HTTP\/1\.1" \d{3} \d+ /);
    expect(await line('postgres-16')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC \[\d+\] (LOG|FATAL): /);
    expect(JSON.parse(await line('acme-storefront'))).toMatchObject({ level: 30, msg: 'request completed' });
  });

  it('answers bad log parameters with 422 and a message', async () => {
    const cases: Array<[string, string]> = [
      ['limit=0', 'Limit must be between 1 and 10000'],
      ['limit=10001', 'Limit must be between 1 and 10000'],
      ['limit=-5', 'Limit must be between 1 and 10000'],
      ['limit=abc', 'Limit must be between 1 and 10000'],
      ['limit=1.5', 'Limit must be between 1 and 10000'],
      ['period_start=yesterday', 'period_start must be an integer (seconds since the epoch)'],
      ['period_end=1e9', 'period_end must be an integer (seconds since the epoch)'],
      ['period_start=1748779200&period_end=1748779199', 'period_end must be after period_start'],
    ];
    for (const [query, message] of cases) {
      const reply = await h.call('GET', `/api/containers/${online.id}/logs?${query}`);
      expect(reply.status, query).toBe(422);
      expect(reply.body, query).toEqual({ errors: [message] });
    }
  });

  it('lists the processes of a running container as docker top does, and none of a stopped one', async () => {
    const processes = await h.processes(seeds({ imageName: 'postgres-16' })[0]!.id);
    expect(processes.length).toBe(6);
    for (const process of processes) {
      expect(Object.keys(process)).toEqual(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD']);
      for (const key of ['UID', 'STIME', 'TTY', 'TIME', 'CMD']) expect(typeof process[key], key).toBe('string');
      for (const key of ['PID', 'PPID', 'C']) expect(Number.isInteger(process[key]), key).toBe(true);
      expect(process.TIME).toMatch(/^(\d+-)?\d{2}:\d{2}:\d{2}$/);
    }
    expect(processes[0].CMD).toBe('postgres');
    expect(processes.slice(1).every((child) => child.PPID === processes[0].PID && child.CMD.startsWith('postgres: '))).toBe(true);
    expect(new Set(processes.map((process) => process.PID)).size).toBe(6);
    const nginx = await h.processes(seeds({ imageName: 'acme-landing-page' })[0]!.id);
    expect(nginx.map((process) => process.CMD)).toEqual(['nginx: master process nginx -g daemon off;', 'nginx: worker process', 'nginx: worker process']);
    expect(await h.processes(seedWith('offline').id)).toEqual([]);
  });

  it('returns 3 hours of CPU (float %) and memory (integer MB) samples at a 30 s step, oldest first', async () => {
    const cpu = await h.metrics(online.id, 'cpu');
    const memory = await h.metrics(online.id, 'memory');
    const expected = slots(h.clock.now - 3 * HOUR, h.clock.now);
    expect(expected).toHaveLength(360);
    expect(times(cpu)).toEqual(expected);
    expect(times(memory)).toEqual(expected);
    for (const [time, value] of cpu) {
      expect(time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+00:00$/);
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThanOrEqual(100);
    }
    expect(cpu.some(([, value]) => !Number.isInteger(value))).toBe(true);
    expect(new Set(cpu.map(([, value]) => value)).size).toBeGreaterThan(50);
    for (const [, value] of memory) {
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThan(0);
    }
    const alert = await h.metrics(seedWith('alert').id, 'cpu');
    expect(alert.at(-1)![1]).toBeGreaterThan(80);
    // Time moves the window: 30 s later the oldest sample is gone and a new one is at the end.
    h.clock.advance(STEP);
    const later = await h.metrics(online.id, 'cpu');
    expect(later.slice(0, -1)).toEqual(cpu.slice(1));
    expect(Date.parse(later.at(-1)![0])).toBe(expected.at(-1)! + STEP);
  });
});
