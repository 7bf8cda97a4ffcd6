import { createServer } from 'node:net';

/** A port of 127.0.0.1 with nothing listening: bound, noted, closed (free for a child to take, or refused when dialled). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
