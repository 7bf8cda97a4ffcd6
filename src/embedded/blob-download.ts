import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';

/** A byte range to send, inclusive at both ends. */
interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parses a `Range` header for a body of `size` bytes, as webob does for Glance (and the other
 * embedded services, for one behaviour everywhere): one range only
 * (`a-b`, `a-`, `-n`); undefined means no header (send everything); 'unsatisfiable' means 416
 * (malformed, several ranges, or outside the data).
 */
function parseRange(header: string | undefined, size: number): ByteRange | undefined | 'unsatisfiable' {
  if (header === undefined) return undefined;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (match === null) return 'unsatisfiable';
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return 'unsatisfiable';
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  if (last === '') return { start, end: size - 1 };
  const end = Number(last);
  if (end < start) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/** How to answer a download: the whole blob, one range of it, or 416. */
export type DownloadPlan =
  | { status: 200; start: number; end: number; length: number }
  | { status: 206; start: number; end: number; length: number; contentRange: string }
  | { status: 416; contentRange: string };

/**
 * The answer to a GET of a blob of `size` bytes with this `Range` header (undefined: none).
 * `contentRange` is the header value to send with 206 (`bytes 0-9/100`) or 416 (`*` for the range).
 */
export function planDownload(rangeHeader: string | undefined, size: number): DownloadPlan {
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') return { status: 416, contentRange: `bytes */${size}` };
  if (range === undefined) return { status: 200, start: 0, end: size - 1, length: size };
  const { start, end } = range;
  return { status: 206, start, end, length: end - start + 1, contentRange: `bytes ${start}-${end}/${size}` };
}

/**
 * The planned bytes of the file at `path` as a stream; an empty one for HEAD or an empty blob
 * (so Fastify does not read the file to count it). The file is opened before the caller answers:
 * a delete racing the download unlinks the name, not the open file.
 */
export async function openBlobRange(path: string, plan: { start: number; end: number; length: number }, headOnly: boolean): Promise<Readable> {
  if (headOnly || plan.length === 0) return Readable.from([]);
  const file = await open(path, 'r');
  return file.createReadStream({ start: plan.start, end: plan.end });
}
