/**
 * Polls `check` until it holds or the deadline passes: a waiter, not a sleep. `wait` is the
 * deadline in ms, or `{ deadlineMs, what }` to name what was awaited in the failure.
 */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  wait: number | { deadlineMs?: number; what?: string } = {},
  intervalMs = 25,
): Promise<void> {
  const { deadlineMs = 5_000, what = 'condition' } = typeof wait === 'number' ? { deadlineMs: wait } : wait;
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`${what} not met within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
