import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { commitBlob, receiveBlob, tempBlobPath } from '../blob-upload.js';
import { QCOW2_HEADER_BYTES } from '../qcow2.js';
import { GlanceError, badRequest, conflict } from './errors.js';
import type { ImageRecord } from './image.js';
import type { VmImageStore } from './store.js';
import { virtualSizeOf } from './virtual-size.js';

/** 413 with Glance's wording. */
export function tooLarge(): GlanceError {
  return new GlanceError(413, 'The provided image is too large.');
}

/**
 * Streams an upload into the image's blob at constant memory (`receiveBlob`): queued -> saving,
 * bytes to a temp file while md5, sha512 and size are computed, fsync, rename, then active with
 * the facts in one transaction. Any failure (client abort, size cap, bad QCOW2 header) deletes
 * the temp file and puts the image back to queued, so a half image never looks complete.
 */
export async function receiveImageData(store: VmImageStore, image: ImageRecord, body: Readable, maxBytes: number): Promise<void> {
  if (image.status !== 'queued') throw conflict(`Image status transition from ${image.status} to saving is not allowed`);
  if (image.disk_format === null || image.container_format === null) {
    throw badRequest('Properties disk_format, container_format must be set prior to saving data.');
  }
  if (!store.transition(image.id, ['queued'], 'saving')) {
    throw conflict('Image status transition from queued to saving is not allowed');
  }
  const final = store.blobPath(image.id);
  let renamed = false;
  try {
    const blob = await receiveBlob(body, {
      tempPath: tempBlobPath(final),
      maxBytes,
      tooLarge,
      hashes: ['md5', 'sha512'],
      headBytes: QCOW2_HEADER_BYTES,
    });
    const virtualSize = virtualSizeOf(image.disk_format, blob.head, blob.size);
    if (virtualSize === undefined) {
      await rm(blob.tempPath, { force: true });
      throw badRequest(`Image data is not in ${image.disk_format} format: no QCOW2 header found.`);
    }
    await commitBlob(blob.tempPath, final, store.blobDir);
    renamed = true;
    const stored = store.completeUpload(image.id, {
      size: blob.size,
      virtual_size: virtualSize,
      checksum: blob.digests.md5!,
      os_hash_value: blob.digests.sha512!,
    });
    if (!stored) {
      // Deleted while we were receiving: drop the bytes.
      await rm(final, { force: true });
      throw new GlanceError(410, `Image ${image.id} could not be found after upload. The image may have been deleted during the upload.`);
    }
  } catch (error) {
    if (renamed) await rm(final, { force: true });
    store.transition(image.id, ['saving'], 'queued');
    // Discard whatever the client still sends, so the 4xx reaches it and the connection stays usable.
    if (!body.readableEnded) body.resume();
    throw error;
  }
}
