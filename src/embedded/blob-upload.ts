import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** Every upload in flight is a file named `<prefix>.<random>.tmp` beside the blobs it becomes. */
const TEMP_SUFFIX = '.tmp';

/** A fresh temp file name next to `base` (a final blob path, or a directory plus a prefix). */
export function tempBlobPath(base: string): string {
  return `${base}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
}

/** Fsyncs a directory, so a rename inside it survives power loss. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Renames a received temp file to its final name and makes the rename durable. */
export async function commitBlob(tempPath: string, finalPath: string, dir: string): Promise<void> {
  await rename(tempPath, finalPath);
  await syncDir(dir);
}

/**
 * Crash recovery: removes every file in `dir` that `keep` does not name: temp files of uploads a
 * crash interrupted, and blobs renamed into place whose row was never written or was deleted.
 */
export function removeUnknownBlobs(dir: string, keep: ReadonlySet<string>): void {
  for (const file of readdirSync(dir)) {
    if (!keep.has(file)) rmSync(join(dir, file), { force: true });
  }
}

/** The first bytes of a request body, and whether they are all of it. */
export interface BodyHead {
  head: Buffer;
  /** True when the body ended within the head (so `head` is the whole body). */
  whole: boolean;
}

/**
 * Reads up to `count` bytes from the start of `body` and puts them back (`unshift`), so whoever
 * reads the body next still gets every byte: lets a service refuse a file by its first bytes
 * before storing anything. A body shorter than `count` is read to its end (`whole`); it can then
 * not be put back, and the caller uses `head` as the whole body. Rejects if the client aborts.
 */
export function peekBody(body: Readable, count: number): Promise<BodyHead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let settled = false;
    const settle = (outcome: { whole: boolean } | { error: Error }): void => {
      if (settled) return;
      settled = true;
      body.off('readable', onReadable).off('end', onEnd).off('error', onError).off('close', onClose);
      const all = Buffer.concat(chunks);
      if ('error' in outcome) {
        reject(outcome.error);
        return;
      }
      if (!outcome.whole && all.length > 0) body.unshift(all);
      resolve({ head: all.subarray(0, count), whole: outcome.whole });
    };
    const onReadable = (): void => {
      while (length < count) {
        const chunk = body.read() as Buffer | null;
        if (chunk === null) break;
        chunks.push(chunk);
        length += chunk.length;
      }
      if (length >= count) settle({ whole: false });
    };
    const onEnd = (): void => settle({ whole: true });
    const onError = (error: Error): void => settle({ error });
    const onClose = (): void => settle({ error: new Error('request body closed before it ended') });
    if (body.readableEnded) return resolve({ head: Buffer.alloc(0), whole: true });
    body.on('readable', onReadable).once('end', onEnd).once('error', onError).once('close', onClose);
  });
}

/** Options of `receiveBlob`. */
export interface ReceiveBlobOptions {
  /** The temp file to write (in the blob directory, so the final rename stays on one file system). */
  tempPath: string;
  /** More stored bytes than this throw `tooLarge()`. */
  maxBytes: number;
  tooLarge: () => Error;
  /** Digests to compute over the stored bytes, e.g. `['sha256']`. */
  hashes: readonly string[];
  /** How many bytes from the start `head` (and `inspect`) get. @default 0 */
  headBytes?: number;
  /**
   * Called once with the first `headBytes` bytes (fewer if the data is shorter) before the temp
   * file is created: throw to refuse the data without storing a byte of it.
   */
  inspect?: (head: Buffer) => void;
}

/** What `receiveBlob` stored. */
export interface ReceivedBlob {
  tempPath: string;
  size: number;
  /** Hex digests by algorithm. */
  digests: Record<string, string>;
  /** The first `headBytes` bytes. */
  head: Buffer;
}

/**
 * Streams `source` into a new temp file at constant memory: each chunk is hashed and written
 * before the next is read, the size cap is enforced as bytes arrive, and the file is fsynced at
 * the end. Any failure (client abort, size cap, `inspect` refusing) deletes the temp file and
 * rethrows. It never destroys `source` (`destroyOnReturn: false`), so the caller can still drain
 * the request and answer it; draining is the caller's job.
 */
export async function receiveBlob(source: Readable, options: ReceiveBlobOptions): Promise<ReceivedBlob> {
  const headBytes = options.headBytes ?? 0;
  const hashes = options.hashes.map((algorithm) => [algorithm, createHash(algorithm)] as const);
  let size = 0;
  let head = Buffer.alloc(0);
  // Chunks that arrive before the head is complete wait here, so `inspect` runs before any write.
  let pending: Buffer[] | undefined = [];
  let file: Awaited<ReturnType<typeof open>> | undefined;
  const write = async (chunk: Buffer): Promise<void> => {
    for (const [, hash] of hashes) hash.update(chunk);
    file ??= await open(options.tempPath, 'wx', 0o600);
    await file.write(chunk);
  };
  const release = async (): Promise<void> => {
    const waiting = pending ?? [];
    pending = undefined;
    options.inspect?.(head);
    for (const chunk of waiting) await write(chunk);
  };
  try {
    try {
      for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > options.maxBytes) throw options.tooLarge();
        if (head.length < headBytes) head = Buffer.concat([head, chunk.subarray(0, headBytes - head.length)]);
        if (pending === undefined) await write(chunk);
        else {
          pending.push(chunk);
          if (head.length >= headBytes) await release();
        }
      }
      if (pending !== undefined) await release();
      // An empty body still makes an (empty) file, so every success has one to rename.
      file ??= await open(options.tempPath, 'wx', 0o600);
      await file.sync();
    } finally {
      await file?.close();
    }
  } catch (error) {
    await rm(options.tempPath, { force: true });
    throw error;
  }
  return { tempPath: options.tempPath, size, digests: Object.fromEntries(hashes.map(([name, hash]) => [name, hash.digest('hex')])), head };
}
