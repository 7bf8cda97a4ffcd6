import { createHash } from 'node:crypto';
import type { ContainersClient } from '../../backends/containers/client.js';
import type { CallContext } from '../../backends/http/types.js';
import type { ContainerRecord, LogLineRecord } from '../../backends/containers/types.js';
import type { Context } from '../../context.js';
import type { PollSource } from '../../subscriptions/pollers.js';
import { streamFrom } from '../../subscriptions/stream.js';
import { InvalidInputError } from '../../errors.js';
import { builder } from '../builder.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { upstream } from '../upstream.js';
import { Container, containerId } from './container.js';
import { ContainerLogLine, stateFields } from './container-parts.js';

/**
 * containerLogs, containerMetrics, containerState: live streams over graphql-ws and SSE, fed
 * by one shared poller per (container, stream, credential). Access is checked with the
 * caller's own credential before the stream starts, so a caller that may not read the
 * container gets its error and never one event.
 */

interface LogEvent {
  line: LogLineRecord;
  cursor: string;
  gap: boolean;
  /** When the gateway read the line from the service (epoch ms). */
  readAt: number;
}

/** Most lines one poll asks for; a full answer means lines may have been missed (a gap). */
const LOG_POLL_LIMIT = 1000;
/** A short digest of one line: the cursor carries it so a resume skips exactly the lines seen. */
const lineKey = (line: LogLineRecord) => createHash('sha1').update(`${line.time}|${line.containerName}|${line.message}`).digest('base64url').slice(0, 12);
const logCursor = (line: LogLineRecord) => encodeCursor('containerLogs', { t: line.time, h: lineKey(line) });

/** New lines after a moving cursor, oldest first; lines sharing the cursor's millisecond are deduplicated. */
function logSource(client: ContainersClient, call: CallContext, id: number, fromMs: number, seenAtStart: string[] = []): PollSource<LogEvent> {
  let cursor = fromMs;
  let atCursor = new Set<string>(seenAtStart);
  const advance = (line: LogLineRecord) => {
    if (line.time > cursor) {
      cursor = line.time;
      atCursor = new Set();
    }
    atCursor.add(lineKey(line));
  };
  return {
    async poll() {
      const lines = await client.logs(call, id, { limit: LOG_POLL_LIMIT, periodStart: Math.floor(cursor / 1000) });
      const truncated = lines.length >= LOG_POLL_LIMIT;
      const fresh = lines.reverse().filter((l) => l.time > cursor || (l.time === cursor && !atCursor.has(lineKey(l))));
      fresh.forEach(advance);
      const readAt = Date.now();
      return fresh.map((line, i) => ({ line, cursor: logCursor(line), gap: truncated && i === 0, readAt }));
    },
    seen: (event) => advance(event.line),
  };
}

/** The caller's own view of the container, or its error: nothing streams without access. */
async function authorize(context: Context, globalId: string): Promise<{ id: number; call: CallContext; key: string; container: ContainerRecord }> {
  const id = containerId(globalId);
  const call = context.call('containers');
  const container = await upstream(context.backends.containers.get(call, id));
  // Pollers outlive this request: they get the token only, never this request's trace.
  return { id, call: { token: call.token }, key: createHash('sha256').update(call.token).digest('base64url'), container };
}

const ContainerLogEvent = builder.objectRef<LogEvent>('ContainerLogEvent').implement({
  description: 'A new log line, with the cursor to resume after it.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Pass as `after` when reconnecting to miss nothing the service still holds.' }),
    line: t.field({ type: ContainerLogLine, description: 'The line.', resolve: (e) => e.line }),
    gap: t.exposeBoolean('gap', { description: 'Lines were lost before this one (the subscriber fell behind, or more lines came than one poll reads).' }),
    readAt: t.field({
      type: 'DateTime',
      description: 'When the gateway read the line from the service: delivery lag is now minus this.',
      resolve: (e) => new Date(e.readAt).toISOString(),
    }),
  }),
});

interface MetricsEvent {
  timestamp: string;
  cpuPercent: number | null;
  memoryMegabytes: number | null;
}

const ContainerMetricsEvent = builder.objectRef<MetricsEvent>('ContainerMetricsEvent').implement({
  description: 'A new CPU and memory sample.',
  fields: (t) => ({
    timestamp: t.field({ type: 'DateTime', description: 'When it was sampled.', resolve: (e) => e.timestamp }),
    cpuPercent: t.exposeFloat('cpuPercent', { nullable: true, description: 'CPU use in percent.' }),
    memoryMegabytes: t.exposeInt('memoryMegabytes', { nullable: true, description: 'Memory in use, in MB.' }),
  }),
});

const ContainerStateEvent = builder.objectRef<ContainerRecord>('ContainerStateEvent').implement({
  description: "The container's state changed (the first event is the state when subscribing).",
  fields: (t) => ({
    ...stateFields(t),
    container: t.field({ type: Container, description: 'The container as it now is.', resolve: (c) => c }),
  }),
});

builder.subscriptionFields((t) => ({
  containerLogs: t.field({
    type: ContainerLogEvent,
    description:
      'Each new log line of a container, once, in order. With `after` (a cursor) or `since` (an instant), the lines the service still holds from there come first.',
    authScopes: { backend: 'containers' },
    args: {
      id: t.arg.id({ required: true, description: 'Global ID of the container.' }),
      after: t.arg.string({ description: 'Cursor of the last line seen, to resume without missing or repeating a line.' }),
      since: t.arg({ type: 'DateTime', description: 'Start with the lines logged at or after this instant (the service keeps a day).' }),
    },
    subscribe: async (_root, args, context) => {
      if (args.after && args.since) {
        throw new InvalidInputError('Give after or since, not both.', { fields: [{ path: ['since'], message: 'cannot be combined with after' }] });
      }
      const { id, call, key } = await authorize(context, String(args.id));
      const resumeFrom = args.after ? decodeCursor('containerLogs', args.after, 'after') : undefined;
      // From `since`: everything at or after it, so the source starts just before it.
      const since = resumeFrom ? Number(resumeFrom.t) : args.since ? Date.parse(args.since) - 1 : undefined;
      const client = context.backends.containers;
      const queue = context.pollers.subscribe(`containers|${id}|logs|${key}`, () => logSource(client, call, id, Date.now()), {
        caller: key,
        socket: context.socket,
      });
      let replayed: LogEvent[] = [];
      if (since !== undefined) {
        // Replay from the cursor with a source of our own, then join the shared stream.
        const replay = logSource(client, call, id, since, typeof resumeFrom?.h === 'string' ? [resumeFrom.h] : []);
        try {
          replayed = await upstream(replay.poll());
        } catch (error) {
          await queue.return();
          throw error;
        }
      }
      const lastReplayed = replayed.at(-1)?.line.time ?? -1;
      return streamFrom<LogEvent, LogEvent>(
        queue,
        // The poller's own event object when nothing changes: subscribers that share it share
        // its execution too (see use-shared-subscription-execution.ts).
        ({ event, gap }) => (event.line.time <= lastReplayed ? undefined : gap && !event.gap ? { ...event, gap: true } : event),
        replayed,
      );
    },
    resolve: (event) => event,
  }),
  containerMetrics: t.field({
    type: ContainerMetricsEvent,
    description: 'Each new CPU and memory sample of a container (every 30 s while it runs).',
    authScopes: { backend: 'containers' },
    args: { id: t.arg.id({ required: true, description: 'Global ID of the container.' }) },
    subscribe: async (_root, args, context) => {
      const { id, call, key } = await authorize(context, String(args.id));
      const client = context.backends.containers;
      let cursor = new Date().toISOString();
      const queue = context.pollers.subscribe<MetricsEvent>(
        `containers|${id}|metrics|${key}`,
        () => ({
          async poll() {
            const [cpu, memory] = await Promise.all([client.metrics(call, id, 'cpu'), client.metrics(call, id, 'memory')]);
            const memoryAt = new Map(memory.map((m) => [Date.parse(m.time), m.value]));
            const fresh = cpu.filter((c) => Date.parse(c.time) > Date.parse(cursor));
            if (fresh.length) cursor = fresh.at(-1)!.time;
            return fresh.map((c) => ({ timestamp: c.time, cpuPercent: c.value, memoryMegabytes: memoryAt.get(Date.parse(c.time)) ?? null }));
          },
          seen: (event) => {
            if (Date.parse(event.timestamp) > Date.parse(cursor)) cursor = event.timestamp;
          },
        }),
        // One poll reads CPU and memory: two upstream calls.
        { caller: key, socket: context.socket, callsPerPoll: 2 },
      );
      return streamFrom<MetricsEvent, MetricsEvent>(queue, ({ event }) => event);
    },
    resolve: (event) => event,
  }),
  containerState: t.field({
    type: ContainerStateEvent,
    description: "The container's state now, then each change (a power action shows up as STARTING … ONLINE).",
    authScopes: { backend: 'containers' },
    args: { id: t.arg.id({ required: true, description: 'Global ID of the container.' }) },
    subscribe: async (_root, args, context) => {
      const { id, call, key, container } = await authorize(context, String(args.id));
      const client = context.backends.containers;
      let last = `${container.currentState}|${container.reqState}`;
      // Join (and pass the limits) before the first event, so a refused stream sends nothing.
      const queue = context.pollers.subscribe<ContainerRecord>(
        `containers|${id}|state|${key}`,
        () => ({
          async poll() {
            const now = await client.get(call, id);
            const signature = `${now.currentState}|${now.reqState}`;
            if (signature === last) return [];
            last = signature;
            return [now];
          },
          seen: (event) => {
            last = `${event.currentState}|${event.reqState}`;
          },
        }),
        { caller: key, socket: context.socket },
      );
      return streamFrom<ContainerRecord, ContainerRecord>(queue, ({ event }) => event, [container]);
    },
    resolve: (event) => event,
  }),
}));
