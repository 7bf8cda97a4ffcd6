import { describe, expect, it } from 'vitest';
import { CONTAINER_SEEDS } from '../../src/embedded/containers/seed.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { fakeClock, seedWith, startContainers, T0 } from './containers-harness.js';

const DAY = 86_400_000;

describe('the embedded container service across restarts', () => {
  it('keeps containers, power history and everything derived from it; a sequence in flight goes on after a restart', async () => {
    const dataDir = await tempDataDir();
    const clock = fakeClock();
    const first = await startContainers({ dataDir, clock });
    const stopped = seedWith('online', 1).id;
    const restarting = seedWith('online', 2).id;
    const untouched = stopped + 1;
    clock.advance(60_000);
    await first.power(stopped, 'stop');
    clock.advance(5 * 60_000);
    await first.power(restarting, 'restart');
    clock.advance(3000);
    const before = {
      list: (await first.call('GET', '/api/containers?per_page=100')).body,
      logs: await first.logs(stopped, 'limit=2000'),
      cpu: await first.metrics(stopped, 'cpu'),
      memory: await first.metrics(restarting, 'memory'),
      processes: await first.processes(untouched),
    };
    expect((await first.show(restarting)).current_state).toBe('starting');
    await first.close();

    // Same data dir, same instant: the same answers, byte for byte.
    const second = await startContainers({ dataDir, clock });
    expect((await second.call('GET', '/api/containers?per_page=100')).body).toEqual(before.list);
    expect(await second.logs(stopped, 'limit=2000')).toEqual(before.logs);
    expect(await second.metrics(stopped, 'cpu')).toEqual(before.cpu);
    expect(await second.metrics(restarting, 'memory')).toEqual(before.memory);
    expect(await second.processes(untouched)).toEqual(before.processes);
    expect(await second.show(stopped)).toMatchObject({ req_state: 'stopped', current_state: 'offline' });

    // The restart interrupted by the service restart carries on as if nothing happened.
    clock.advance(4000);
    expect(await second.show(restarting)).toMatchObject({ req_state: 'running', current_state: 'online' });
    await second.close();
  });

  it('seeds once per data directory, with times relative to the clock at that first start', async () => {
    const dataDir = await tempDataDir();
    const clock = fakeClock();
    const first = await startContainers({ dataDir, clock });
    const seeded = await first.show(1);
    expect(Date.parse(seeded.created_at)).toBeLessThan(T0 - 9 * DAY);
    expect(Date.parse(seeded.created_at)).toBeGreaterThan(T0 - 20 * DAY);
    await first.close();

    clock.advance(30 * DAY);
    const second = await startContainers({ dataDir, clock });
    const list = (await second.call('GET', '/api/containers?per_page=100')).body.containers;
    expect(list).toHaveLength(CONTAINER_SEEDS.length);
    expect(list[0].created_at).toBe(seeded.created_at);
    // A month on, an online seed container is still online and a stopped one still stopped.
    expect(list.find((container: any) => container.id === seedWith('online').id).current_state).toBe('online');
    expect(list.find((container: any) => container.id === seedWith('offline').id).current_state).toBe('offline');
    // Sampling went on through the month: the last 3 hours are all there.
    expect(await second.metrics(seedWith('online').id, 'cpu')).toHaveLength(361);
  });
});
