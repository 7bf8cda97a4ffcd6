import { request } from 'undici';
import { identityHeaders } from '../helpers/real-glance.js';

/**
 * The Glance contract: one sequence of REST requests, sent in the same order to a real Glance
 * and to the embedded VM image service, and what each answered, normalised so that only what a
 * client could trip on remains (statuses, the headers that carry meaning, body shapes and values
 * with times and request ids blanked, error bodies). Images are created with fixed ids, so both
 * sides are asked exactly the same paths.
 */
type Who = 'admin' | 'reader' | 'other' | 'nobody';

export interface Step {
  /** Names the step in a difference, and in the embedded README's list of deliberate ones. */
  name: string;
  as?: Who;
  method?: string;
  path: string;
  /** JSON (sent as application/json unless `contentType` says otherwise), or bytes. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Headers whose value a client acts on. */
const MEANINGFUL_HEADERS = ['content-type', 'location', 'content-md5', 'content-range'];

/** The embedded tokens of the contract's embedded service. */
export const EMBEDDED_TOKENS = { admin: 'contract-admin', reader: 'contract-reader', other: 'contract-other' } as const;

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Blanks times and request ids, and the service's own address, everywhere in a value. */
function normalise(value: unknown, root: string, key?: string): unknown {
  if (typeof value === 'string' && key === 'message') {
    // Glance appends jsonschema's account of its own schema to a validation error; the message is what comes before it.
    return normalise(value.replace(/\n\nFailed validating [\s\S]*?(?=<br \/>)/, ''), root);
  }
  if (typeof value === 'string') {
    if (TIME.test(value)) return '<time>';
    return value.replaceAll(root, '<root>').replace(/req-[0-9a-f-]{36}/g, '<request-id>');
  }
  // Tags are a set: Glance answers them in its set's order, which changes from run to run.
  if (Array.isArray(value) && key === 'tags') return value.map((item) => normalise(item, root)).sort();
  if (Array.isArray(value)) return value.map((item) => normalise(item, root));
  if (value !== null && typeof value === 'object') {
    // Keys sorted: their order means nothing to a JSON client.
    const keys = Object.keys(value).sort();
    return Object.fromEntries(keys.map((name) => [name, normalise((value as Record<string, unknown>)[name], root, name)]));
  }
  return value;
}

async function send(root: string, step: Step): Promise<Answer> {
  const who = step.as ?? 'admin';
  const headers: Record<string, string> = { accept: 'application/json', ...step.headers };
  if (who !== 'nobody') Object.assign(headers, identityHeaders(who), { 'x-auth-token': EMBEDDED_TOKENS[who] });
  let body: string | Buffer | undefined;
  if (Buffer.isBuffer(step.body)) {
    body = step.body;
    headers['content-type'] = step.contentType ?? 'application/octet-stream';
  } else if (step.body !== undefined) {
    body = JSON.stringify(step.body);
    headers['content-type'] = step.contentType ?? 'application/json';
  }
  const response = await request(`${root}${step.path}`, { method: (step.method ?? 'GET') as 'GET', headers, body });
  const raw = Buffer.from(await response.body.arrayBuffer());
  const kept: Record<string, string> = {};
  for (const name of MEANINGFUL_HEADERS) {
    // A 204 has no body to type (webob still names one).
    if (name === 'content-type' && response.statusCode === 204) continue;
    const value = response.headers[name];
    if (typeof value === 'string') kept[name] = normalise(value, root) as string;
  }
  const type = kept['content-type'] ?? '';
  let parsed: unknown = raw.toString('utf8');
  if (type.startsWith('application/json') || type.startsWith('application/schema+json')) {
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      // Not JSON after all: compared as text.
    }
  } else if (type.startsWith('application/octet-stream')) {
    parsed = `<${raw.length} bytes>`;
  }
  return { status: response.statusCode, headers: kept, body: normalise(parsed, root) };
}

/** A difference between the two answers to one step. */
export interface Difference {
  step: string;
  glance: Answer;
  embedded: Answer;
}

/** Runs every step against both services, in order, and returns the steps whose answers differ. */
export async function runContract(glanceRoot: string, embeddedRoot: string, steps: readonly Step[]): Promise<Difference[]> {
  const differences: Difference[] = [];
  for (const step of steps) {
    const glance = await send(glanceRoot, step);
    const embedded = await send(embeddedRoot, step);
    if (JSON.stringify(glance) !== JSON.stringify(embedded)) differences.push({ step: step.name, glance, embedded });
  }
  return differences;
}
