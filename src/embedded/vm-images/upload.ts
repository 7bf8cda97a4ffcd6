import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { GlanceError, badRequest, conflict } from './errors.js';
import type { ImageRecord } from './image.js';
import { QCOW2_HEADER_BYTES } from './qcow2.js';
import type { VmImageStore } from './store.js';
import { virtualSizeOf } from './virtual-size.js';

/** 413 with Glance's wording. */
export function tooLarge(): GlanceError {
  return new GlanceError(413, 'The provided image is too large.');
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Streams an upload into the image's blob at constant memory: queued -> saving, bytes to a temp
 * file while md5, sha512 and size are computed, fsync, rename, then active with the facts in
 * one transaction. Any failure (client abort, size cap, bad QCOW2 header) deletes the temp file
 * and puts the image back to queued, so a half image never looks complete.
 */
export async function receiveImageData(
  store: VmImageStore,
  image: ImageRecord,
  body: Readable,
  maxBytes: number,
): Promise<void> {
  if (image.status !== 'queued') throw conflict(`Image status transition from ${image.status} to saving is not allowed`);
  if (image.disk_format === null || image.container_format === null) {
    throw badRequest('Properties disk_format, container_format must be set prior to saving data.');
  }
  if (!store.transition(image.id, ['queued'], 'saving')) {
    throw conflict('Image status transition from queued to saving is not allowed');
  }
  const final = store.blobPath(image.id);
  const temp = `${final}.${randomBytes(6).toString('hex')}.tmp`;
  let renamed = false;
  try {
    const md5 = createHash('md5');
    const sha512 = createHash('sha512');
    let size = 0;
    let head = Buffer.alloc(0);
    const file = await open(temp, 'wx', 0o600);
    try {
      // destroyOnReturn: false keeps the request alive when we stop early, so a 413 can still be sent.
      for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) throw tooLarge();
        if (head.length < QCOW2_HEADER_BYTES) {
          head = Buffer.concat([head, chunk.subarray(0, QCOW2_HEADER_BYTES - head.length)]);
        }
        md5.update(chunk);
        sha512.update(chunk);
        await file.write(chunk);
      }
      await file.sync();
    } finally {
      await file.close();
    }
    const virtualSize = virtualSizeOf(image.disk_format, head, size);
    if (virtualSize === undefined) throw badRequest(`Image data is not in ${image.disk_format} format: no QCOW2 header found.`);
    await rename(temp, final);
    renamed = true;
    await syncDir(store.blobDir);
    const stored = store.completeUpload(image.id, {
      size,
      virtual_size: virtualSize,
      checksum: md5.digest('hex'),
      os_hash_value: sha512.digest('hex'),
    });
    if (!stored) {
      // Deleted while we were receiving: drop the bytes.
      await rm(final, { force: true });
      throw new GlanceError(410, `Image ${image.id} could not be found after upload. The image may have been deleted during the upload.`);
    }
  } catch (error) {
    await rm(renamed ? final : temp, { force: true });
    store.transition(image.id, ['saving'], 'queued');
    // Discard whatever the client still sends, so the 4xx reaches it and the connection stays usable.
    if (!body.readableEnded) body.resume();
    throw error;
  }
}
