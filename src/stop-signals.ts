/**
 * When to stop: on SIGTERM or SIGINT, and when the npm or npx that started this process is gone.
 *
 * `npm start` execs node, so npm's SIGTERM reaches the gateway and npm waits for it to exit.
 * But npx (and any script that cannot exec) runs the command under `sh -c`, and a shell dies
 * of SIGTERM without passing it on: the gateway would be re-parented and keep serving, with
 * nothing left to stop it. A process started by npm (npm sets `npm_lifecycle_event` for every
 * script and npx) therefore watches its parent and stops as if sent SIGTERM when it changes.
 * A gateway started any other way (node, systemd, a container's init) keeps running when its
 * parent goes, as a daemon should.
 */
const PARENT_CHECK_MS = 500;

export function onStopRequest(stop: (why: string) => void, env: NodeJS.ProcessEnv = process.env): void {
  let asked = false;
  const once = (why: string) => {
    if (asked) return;
    asked = true;
    clearInterval(watch);
    stop(why);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => once(signal));
  const parent = process.ppid;
  const watch =
    env.npm_lifecycle_event === undefined
      ? undefined
      : setInterval(() => {
          if (process.ppid !== parent) once('parent exited');
        }, PARENT_CHECK_MS).unref();
}
