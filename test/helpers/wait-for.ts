/** Polls `check` until it holds or the deadline passes: a waiter, not a sleep. */
export async function waitFor(check: () => Promise<boolean> | boolean, deadlineMs = 5_000, intervalMs = 25): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`condition not met within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
