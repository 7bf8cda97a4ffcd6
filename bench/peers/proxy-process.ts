/**
 * The bench's proxies, each kind in a process of its own, so that none shares an event loop
 * with the load generator (autocannon runs in the bench process) or with a peer: a proxy hop
 * inside the load generator's process would be cheaper than any real hop, and the floor the
 * gateway is measured against would be flattered by it.
 *
 *   node --import tsx bench/peers/proxy-process.ts floor|counting '{"vmImages":"http://…",…}'
 *
 * Prints one JSON line: `{"urls":{key: url},"control":url}`. The counting kind's control URL
 * answers `GET /counts` with `{"requests":n,"polls":{key: n}}` (see startCountingProxy).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCountingProxy } from '../fanout.js';
import { startFloorProxy } from './floor.js';

const [kind, targetsJson] = process.argv.slice(2);
const targets = JSON.parse(targetsJson ?? '{}') as Record<string, string>;

if (kind === 'floor') {
  const floor = await startFloorProxy(targets);
  console.log(JSON.stringify({ urls: { floor: floor.url } }));
} else if (kind === 'counting') {
  const proxies = Object.fromEntries(await Promise.all(Object.entries(targets).map(async ([key, url]) => [key, await startCountingProxy(url)] as const)));
  const control = createServer((req, res) => {
    const requests = Object.values(proxies).reduce((sum, proxy) => sum + proxy.requests(), 0);
    const polls = Object.fromEntries(Object.entries(proxies).map(([key, proxy]) => [key, proxy.polls()]));
    res.writeHead(req.url === '/counts' ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify({ requests, polls }));
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const urls = Object.fromEntries(Object.entries(proxies).map(([key, proxy]) => [key, proxy.url]));
  console.log(JSON.stringify({ urls, control: `http://127.0.0.1:${(control.address() as AddressInfo).port}` }));
} else {
  console.error(`proxy-process: unknown kind ${kind}`);
  process.exit(2);
}
