/**
 * The processes a bench run starts (embedded backends, gateways) and small helpers around
 * them: every child is killed and every closer run when the run ends (see run.ts, soak.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TOKEN = 'bench-admin-token';
export const children: ChildProcess[] = [];
const closers: Array<() => Promise<void>> = [];
/** Extra node flags for gateway processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a run. */
const GATEWAY_NODE_ARGS = (process.env.BENCH_GATEWAY_NODE_ARGS ?? '').split(' ').filter(Boolean);

/**
 * The node flags of the production command, read from package.json's `start:prod` (`NODE_ENV=production exec node
 * <flags> dist/main.js`), so a bench gateway runs exactly as production does.
 */
export const PRODUCTION_NODE_FLAGS: string[] = (() => {
  const command = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start:prod'] ?? '';
  const match = /^NODE_ENV=production exec node((?:\s+--\S+)*)\s+dist\/main\.js$/.exec(command.trim());
  if (!match) throw new Error(`package.json start:prod is not "NODE_ENV=production exec node [--flags] dist/main.js": ${command}`);
  return match[1]!.split(/\s+/).filter(Boolean);
})();

/**
 * `gantry <args>` from the compiled build (`npm run build`) as a child process: `embedded …`
 * for the backends, no args for a gateway. A gateway gets the production command's node flags
 * (`nodeFlags` to replace them) and BENCH_GATEWAY_NODE_ARGS. `root` runs another checkout's
 * build (BENCH_BASELINE: the commit before a change, side by side with it).
 */
export function start(args: string[], env: Record<string, string>, nodeFlags: string[] = PRODUCTION_NODE_FLAGS, root = ROOT): ChildProcess {
  const nodeArgs = args[0] === 'embedded' ? [] : [...nodeFlags, ...GATEWAY_NODE_ARGS];
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist/cli.js'), ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return child;
}

/** A bench proxy (peers/proxy-process.ts) in its own process: its URLs, and its control URL for counts. */
export async function startProxyProcess(
  kind: 'floor' | 'counting',
  targets: Record<string, string>,
): Promise<{ urls: Record<string, string>; control?: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/peers/proxy-process.ts'), kind, JSON.stringify(targets)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const line = JSON.parse((await firstMatch(child, /^\{.*\}$/m))[0]) as { urls: Record<string, string>; control?: string };
  return { ...line, child };
}

export function firstMatch(child: ChildProcess, pattern: RegExp, deadlineMs = 20_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${deadlineMs} ms`)), deadlineMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, trace = false) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...(trace ? { 'x-gantry-trace': 'upstream' } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[]; extensions?: { upstream?: unknown[] } };
  if (body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
  return body;
}

/** Settings every bench gateway gets: the bench measures throughput, so the rate limits are off. */
export const BENCH_GATEWAY_ENV: Record<string, string> = {
  PORT: '0',
  GANTRY_RATE_LIMIT_PER_ADDRESS: '0',
  GANTRY_RATE_LIMIT_PER_CREDENTIAL: '0',
  GANTRY_RATE_LIMIT_AUTH_FAILURES: '0',
  GANTRY_MAX_SUBSCRIPTIONS_PER_CALLER: '100000',
  GANTRY_MAX_POLLS_PER_SECOND_PER_CALLER: '1000000',
  GANTRY_MAX_CONNECTIONS_PER_ADDRESS: '0',
};

/**
 * The `gantry-wide` peer: the same gateway without the production command's node flags, so
 * with V8's own young generation (16-MB semi-spaces against the production command's 8): what
 * the memory budget costs in throughput (docs/deployment.md, Memory).
 */
export const WIDE_NODE_FLAGS: string[] = PRODUCTION_NODE_FLAGS.filter((flag) => !flag.startsWith('--max-semi-space-size'));

/** A gateway's settings for the embedded backends at `urls` (as `gantry embedded` prints them). */
export const backendEnv = (urls: Record<string, string>): Record<string, string> => ({
  GANTRY_VM_IMAGES_URL: urls.vmImages!,
  GANTRY_CONTAINER_IMAGES_URL: urls.containerImages!,
  GANTRY_CI_IMAGES_URL: urls.ciImages!,
  GANTRY_CONTAINERS_URL: urls.containers!,
  GANTRY_SERVERLESS_URL: urls.serverless!,
});

/** User and system CPU a process has spent, in ms (from /proc: Linux only, as the bench is). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Stops every child and runs every closer. */
export async function stopAll(): Promise<void> {
  for (const close of closers) await close();
  for (const child of children) child.kill('SIGTERM');
}
