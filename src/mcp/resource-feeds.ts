import type { ExecutionResult } from 'graphql';
import type { Logger } from 'pino';

/**
 * The feeds behind one session's resource subscriptions, on the replica that holds the
 * session's event stream: one GraphQL subscription per subscribed URI (containerLogs,
 * containerMetrics or containerState, with the caller's credential), so the updates come from
 * the same shared pollers as GraphQL's, one per container, stream and credential however many
 * sessions watch. Each event becomes `notifications/resources/updated`. A feed stops when its
 * URI is unsubscribed, or all of them when the stream or the session ends: the subscription's
 * context aborts, and its poller loses a subscriber.
 */
type Open = (uri: string, stop: AbortSignal) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;

export class ResourceFeeds {
  private readonly feeds = new Map<string, AbortController>();

  constructor(
    private readonly open: Open,
    private readonly notify: (uri: string) => Promise<void>,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  /** Starts a feed for each URI not yet fed, stops those no longer wanted. */
  reconcile(uris: readonly string[]): void {
    for (const [uri, stop] of this.feeds) {
      if (!uris.includes(uri)) {
        stop.abort();
        this.feeds.delete(uri);
      }
    }
    for (const uri of uris) if (!this.feeds.has(uri)) this.start(uri);
  }

  close(): void {
    for (const stop of this.feeds.values()) stop.abort();
    this.feeds.clear();
  }

  get size(): number {
    return this.feeds.size;
  }

  private start(uri: string): void {
    const stop = new AbortController();
    this.feeds.set(uri, stop);
    void (async () => {
      const stream = await this.open(uri, stop.signal);
      if (!(Symbol.asyncIterator in stream)) {
        this.logger.warn({ uri, errors: stream.errors?.map((e) => e.message) }, 'MCP resource feed could not start');
        return;
      }
      stop.signal.addEventListener('abort', () => void stream.return?.(), { once: true });
      if (stop.signal.aborted) await stream.return?.();
      for await (const event of stream) {
        if (stop.signal.aborted) break;
        if (event.errors?.length) {
          this.logger.warn({ uri, errors: event.errors.map((e) => e.message) }, 'MCP resource feed ended with an error');
          break;
        }
        await this.notify(uri).catch(() => {});
      }
    })().catch((error: unknown) => this.logger.warn({ uri, err: error }, 'MCP resource feed failed'));
  }
}
