import { createServer, request } from 'node:http';
import { listenTracked } from './leftovers.js';

/**
 * A load balancer without sticky sessions, for replica tests: each request goes to the next
 * upstream in turn, streamed both ways (an SSE response included). `served` counts the requests
 * each upstream got.
 */
export async function startRoundRobinProxy(upstreams: string[]): Promise<{ url: string; served: number[] }> {
  const served = upstreams.map(() => 0);
  let next = 0;
  const server = createServer((req, res) => {
    const index = next++ % upstreams.length;
    served[index]!++;
    const target = new URL(req.url ?? '/', upstreams[index]);
    const forward = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    res.once('close', () => forward.destroy());
    req.pipe(forward);
  });
  return { url: await listenTracked(server), served };
}
