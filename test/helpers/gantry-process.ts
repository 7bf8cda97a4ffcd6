import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { track } from './leftovers.js';

const BIN = fileURLToPath(new URL('../../bin/gantry.js', import.meta.url));

/** Starts `gantry …` as a real process (logs silent unless `env` says otherwise); killed after the file's tests if still running. */
export function gantry(args: string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
  track(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return child;
}

/** Everything a child printed so far, and a waiter for a pattern on its stdout, with a deadline. */
export function outputOf(child: ChildProcessWithoutNullStreams) {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor(pattern: RegExp, deadlineMs = 15_000): Promise<RegExpExecArray> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (!match) return false;
          cleanup();
          resolve(match);
          return true;
        };
        const onExit = (code: number | null) => {
          cleanup();
          reject(new Error(`exited with ${code} before printing ${pattern}; stderr: ${stderr}`));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no output matching ${pattern} within ${deadlineMs} ms; stderr: ${stderr}`));
        }, deadlineMs);
        const cleanup = () => {
          clearTimeout(timer);
          child.stdout.off('data', check);
          child.off('exit', onExit);
        };
        if (check()) return;
        child.stdout.on('data', check);
        child.once('exit', onExit);
      });
    },
  };
}

/** The child's exit code, once it has exited. */
export const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
