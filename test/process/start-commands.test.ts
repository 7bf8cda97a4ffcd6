import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ROOT } from '../../scripts/docs-include.js';
import { tempDataDir, track } from '../helpers/leftovers.js';
import { waitFor } from '../helpers/wait-for.js';

/**
 * Every start command the README and docs/deployment.md give, run as a user runs it: SIGTERM
 * goes to the process the command started (npm or npx, not the gateway under it), and the
 * gateway must drain (WebSockets closed with 1001, SSE streams completed) and leave no process
 * behind. npm forwards the signal to its script, which execs node; npx runs its command under
 * `sh -c`, which dies without passing the signal on, so there the gateway must notice its
 * parent is gone (src/stop-signals.ts).
 */

const TOKEN = 'start-command-admin';
/** The drain deadline the docs promise (10 s), and the half second the parent check may take. */
const DRAIN_MS = 10_500;

/** Processes in a process group, read from /proc (field 5 of stat is the group id). */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(entry));
    } catch {
      // The process ended while we read.
    }
  }
  return members;
}

/** Starts a command in its own process group (so the test can see every process it made). */
function startCommand(command: string, args: string[], env: Record<string, string>): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(command, args, { cwd: ROOT, detached: true, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  track(() => {
    // Whatever is left of the group, if a test failed half way.
    for (const pid of groupMembers(child.pid!)) process.kill(pid, 'SIGKILL');
  });
  let out = '';
  let err = '';
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "Gantry is up" in 60 s; stdout: ${out}; stderr: ${err}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Gantry is up: (http:\/\/\S+)\/graphql/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before it was up; stdout: ${out}; stderr: ${err}`)));
  });
  return { child, url };
}

async function onlineContainer(url: string): Promise<string> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ containers(first: 50) { nodes { id state } } }' }),
  });
  const body = (await response.body.json()) as { data: { containers: { nodes: Array<{ id: string; state: string }> } } };
  return body.data.containers.nodes.find((c) => c.state === 'ONLINE')!.id;
}

/** A graphql-ws and an SSE subscription, each resolving how it ended. */
async function openStreams(url: string) {
  const id = await onlineContainer(url);
  const subscription = { query: 'subscription($id: ID!) { containerState(id: $id) { state } }', variables: { id } };
  let wsEvents = 0;
  let sseEvents = 0;
  const wsClosed = new Promise<number>((resolve) => {
    const client = createWsClient({
      url: `${url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKEN}` },
      retryAttempts: 0,
      // Not lazy: a lazy client closes its own socket (1000) as soon as the draining gateway
      // completes its last subscription, racing the gateway's 1001.
      lazy: false,
      onNonLazyError: () => {},
      on: { closed: (event) => resolve((event as { code: number }).code) },
    });
    track(() => client.dispose());
    client.subscribe(subscription, { next: () => void wsEvents++, error: () => {}, complete: () => {} });
  });
  const sseEnded = new Promise<'complete' | 'error'>((resolve) => {
    const client = createSseClient({ url: `${url}/graphql`, headers: { authorization: `Bearer ${TOKEN}` }, retryAttempts: 0 });
    track(() => client.dispose());
    client.subscribe(subscription, { next: () => void sseEvents++, error: () => resolve('error'), complete: () => resolve('complete') });
  });
  await waitFor(() => wsEvents > 0 && sseEvents > 0, { deadlineMs: 10_000, what: 'a first event on both streams' });
  return { wsClosed, sseEnded };
}

/** The promise's value, or a failure naming what did not happen within the drain deadline. */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${DRAIN_MS} ms`)), DRAIN_MS))]);
}

const COMMANDS: Array<{ name: string; command: string; args: string[]; env?: Record<string, string> }> = [
  { name: 'npm start', command: 'npm', args: ['start'] },
  // The production profile refuses demo backends unless told: this test has no real services.
  { name: 'npm run start:prod', command: 'npm', args: ['run', 'start:prod'], env: { GANTRY_ALLOW_DEMO_BACKENDS: 'true' } },
  { name: 'npx gantry', command: 'npx', args: ['gantry'] },
];

describe('every documented start command stops cleanly on SIGTERM to the process it started', () => {
  beforeAll(async () => {
    // start:prod runs the build.
    await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT });
  }, 120_000);

  for (const { name, command, args, env } of COMMANDS) {
    it(`${name}: WebSockets close with 1001, SSE completes, no process is left`, async () => {
      const started = startCommand(command, args, {
        PORT: '0',
        GANTRY_DATA_DIR: await tempDataDir(),
        GANTRY_TOKEN_ADMIN: TOKEN,
        GANTRY_POLL_INTERVAL_MS: '200',
        ...env,
      });
      const url = await started.url;
      const { wsClosed, sseEnded } = await openStreams(url);
      const gateway = groupMembers(started.child.pid!);
      expect(gateway.length).toBeGreaterThan(1); // npm or npx, and the node under it

      process.kill(started.child.pid!, 'SIGTERM');
      const signalled = Date.now();
      expect(await within(wsClosed, 'the WebSocket closed')).toBe(1001);
      expect(await within(sseEnded, 'the SSE stream ended')).toBe('complete');
      await waitFor(() => groupMembers(started.child.pid!).length === 0, { deadlineMs: DRAIN_MS, what: `every process of ${name} gone` });
      expect(Date.now() - signalled).toBeLessThan(DRAIN_MS);
      // The port is closed: nothing is serving any more.
      await expect(request(`${url}/healthz`)).rejects.toThrow();
    }, 90_000);
  }
});
