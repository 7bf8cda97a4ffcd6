import { once } from 'node:events';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { GantryError, InvalidInputError } from '../errors.js';

/**
 * The gate every upload passes before a backend sees a byte: a declared length over the limit
 * is refused at once; the first bytes are read and checked (is this a QCOW2 file?); then the
 * whole body flows on through a counter that breaks the stream the moment it passes the limit,
 * so an oversize upload without Content-Length is cut, not stored. Back-pressure is kept: the
 * gate only ever holds the head it checks.
 */

export class PayloadTooLargeError extends GantryError {
  constructor(limit: number) {
    super('PAYLOAD_TOO_LARGE', `The upload is larger than the ${limit}-byte limit.`);
  }
}

export interface GateOptions {
  /** Runs before a byte is read (after the declared length passed): a refusal here costs no upload bandwidth. */
  beforeReading?: () => Promise<void>;
  maxBytes: number;
  /** Content-Length, when the client sent one. */
  declaredLength: number | undefined;
  /** Bytes to read before checking. */
  headBytes: number;
  /** Returns why the head is refused, or undefined to let it through. */
  check?: (head: Buffer) => string | undefined;
}

export interface GatedUpload {
  body: Readable;
  readonly limit: number;
  /** True once the counter cut the stream for passing the limit. */
  readonly tooLarge: boolean;
}

/** Reads at least `bytes` from a stream (fewer if it ends first); says whether it ended. */
async function readHead(source: Readable, bytes: number): Promise<{ head: Buffer; ended: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  const onEnd = () => (ended = true);
  source.once('end', onEnd);
  try {
    while (size < bytes && !ended) {
      const chunk = source.read() as Buffer | null;
      if (chunk !== null) {
        chunks.push(chunk);
        size += chunk.length;
        continue;
      }
      if (source.readableEnded || source.destroyed) break;
      // Wait for more data or the end; the losing listener is removed so piping later is clean.
      const settled = new AbortController();
      const quiet = (event: string) => once(source, event, { signal: settled.signal }).catch(() => undefined);
      await Promise.race([quiet('readable'), quiet('end')]);
      settled.abort();
    }
  } finally {
    source.off('end', onEnd);
  }
  return { head: Buffer.concat(chunks), ended: ended || source.readableEnded };
}

export async function gateUpload(source: Readable, options: GateOptions): Promise<GatedUpload> {
  if (options.declaredLength !== undefined && options.declaredLength > options.maxBytes) {
    throw new PayloadTooLargeError(options.maxBytes);
  }
  await options.beforeReading?.();
  const { head, ended } = await readHead(source, options.headBytes);
  if (head.length === 0) throw new InvalidInputError('The upload has no body.');
  const refusal = options.check?.(head);
  if (refusal) throw new InvalidInputError(refusal);
  let seen = 0;
  let tooLarge = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > options.maxBytes) {
        tooLarge = true;
        callback(new PayloadTooLargeError(options.maxBytes));
        return;
      }
      callback(null, chunk);
    },
  });
  source.on('error', (error) => counter.destroy(error));
  // The head goes through the counter first, then the rest of the body (if any is left).
  counter.write(head);
  if (ended) counter.end();
  else source.pipe(counter);
  return {
    body: counter,
    limit: options.maxBytes,
    get tooLarge() {
      return tooLarge;
    },
  };
}

/** QCOW2 files start with `QFI\xfb` and a big-endian version 2 or 3. */
export function qcow2Refusal(head: Buffer): string | undefined {
  if (head.length < 8 || head.readUInt32BE(0) !== 0x514649fb) return 'The upload is not a QCOW2 image (no QFI\\xfb magic).';
  const version = head.readUInt32BE(4);
  if (version !== 2 && version !== 3) return `The upload is a QCOW2 version ${version} image; versions 2 and 3 are supported.`;
  return undefined;
}

/** CI images also accept a bzip2-compressed QCOW2 file (`BZh`); the service decompresses it. */
export function ciImageRefusal(head: Buffer): string | undefined {
  if (head.subarray(0, 3).toString('latin1') === 'BZh') return undefined;
  return qcow2Refusal(head);
}
