import type { ReadResourceResult, ResourceTemplate } from '@modelcontextprotocol/sdk/types.js';

/**
 * A container's logs, metrics and state as MCP resources: `gantry://containers/{id}/logs`
 * and the like, `{id}` the container's global id. Reading one answers the recent window by
 * running the typed client's operation for it, exactly as its tool does (the same credentials,
 * admission, limits, and trusted document).
 */
export const RESOURCE_TEMPLATES: ResourceTemplate[] = [
  {
    name: 'container-logs',
    title: 'Container logs',
    uriTemplate: 'gantry://containers/{id}/logs',
    description: "A container's latest 100 log lines, oldest first ({id}: the container's global id).",
    mimeType: 'application/json',
  },
  {
    name: 'container-metrics',
    title: 'Container metrics',
    uriTemplate: 'gantry://containers/{id}/metrics',
    description: "A container's recent CPU (percent) and memory (MB) samples.",
    mimeType: 'application/json',
  },
  {
    name: 'container-state',
    title: 'Container state',
    uriTemplate: 'gantry://containers/{id}/state',
    description: "A container's state and the state it was asked to reach.",
    mimeType: 'application/json',
  },
];

/** The typed client's operation that reads each kind (client/operations/containers.graphql). */
const OPERATIONS = { logs: 'ContainerLogTail', metrics: 'ContainerMetricsWindow', state: 'ContainerStatus' } as const;

export type ResourceKind = keyof typeof OPERATIONS;

const URI = /^gantry:\/\/containers\/([A-Za-z0-9_=-]{1,200})\/(logs|metrics|state)$/;

/** The operation reading a resource URI and its variables, or undefined when the URI names no resource. */
export function resourceOperation(uri: string): { kind: ResourceKind; operation: string; variables: { id: string } } | undefined {
  const match = URI.exec(uri);
  if (!match) return undefined;
  const kind = match[2] as ResourceKind;
  return { kind, operation: OPERATIONS[kind], variables: { id: match[1]! } };
}

/** A read's answer: the container's part of the GraphQL data, as JSON text. */
export function resourceContents(uri: string, container: unknown): ReadResourceResult {
  return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(container) }] };
}

/** The typed client's subscription that feeds each kind (client/operations/containers.graphql). */
const STREAMS: Readonly<Record<ResourceKind, string>> = { logs: 'ContainerLogs', metrics: 'ContainerMetrics', state: 'ContainerState' };

/** The subscription whose events mean a resource changed, or undefined when the URI names no resource. */
export function resourceStream(uri: string): { operation: string; variables: { id: string } } | undefined {
  const read = resourceOperation(uri);
  return read && { operation: STREAMS[read.kind], variables: read.variables };
}
