import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, type Duplex } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { commitBlob, peekBody, receiveBlob, tempBlobPath } from '../blob-upload.js';
import { queryOf } from '../http.js';
import { QCOW2_HEADER_BYTES } from '../qcow2.js';
import type { Caller } from './access.js';
import { DjinnError, addFieldError, fileTooLarge, invalidForm, type FieldErrors } from './errors.js';
import type { CiImage } from './image.js';
import type { CiImageStore } from './store.js';
import { bodyProblem, checkForm, fileProblem, isBzip2, MESSAGES, mediaTypeProblem } from './validation.js';

/** Makes a stream that turns bzip2 data into the original bytes. */
export type Bunzip2 = () => Duplex;

/** What creating an image needs besides the request. */
export interface CreateImageOptions {
  store: CiImageStore;
  /** More stored bytes (after decompression) than this are refused with 413. */
  maxImageBytes: number;
  /** Decompresses bzip2 bodies; without it they are refused with 400. */
  bunzip2: Bunzip2 | undefined;
}

function mediaType(request: FastifyRequest): string | undefined {
  return request.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
}

/**
 * POST /images: validates the query, then the body's first bytes, before storing anything; then
 * streams the body (decompressing bzip2 when it can) to a temp file with its sha256 and size,
 * fsyncs, renames it into place and only then inserts the row. Every refusal and failure leaves
 * no file and no row behind; the rest of a refused body is drained so the answer reaches the client.
 */
export async function createImage(request: FastifyRequest, caller: Caller, options: CreateImageOptions): Promise<CiImage> {
  const { store } = options;
  const raw = request.raw;
  const drain = (): void => {
    if (!raw.readableEnded) raw.resume();
  };
  const query = queryOf(request);
  const errors: FieldErrors = {};

  const { name, ownerId, namespaceId } = checkForm(store, caller, query, errors);

  const type = mediaType(request);
  let body: { head: Buffer; whole: boolean } | undefined;
  const notRaw = type === undefined ? undefined : mediaTypeProblem(type);
  if (notRaw !== undefined) {
    addFieldError(errors, 'file', notRaw);
  } else {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxImageBytes) {
      drain();
      throw fileTooLarge();
    }
    body = await peekBody(raw, QCOW2_HEADER_BYTES);
    const problem = bodyProblem(body.head, options.bunzip2 !== undefined);
    if (problem !== undefined) addFieldError(errors, 'file', problem);
  }
  if (Object.keys(errors).length > 0 || body === undefined) {
    drain();
    throw invalidForm(errors);
  }

  const blob = await receive(raw, body, options);
  const hash = randomBytes(16).toString('hex');
  const final = store.blobPath(hash);
  try {
    await commitBlob(blob.tempPath, final, store.blobDir);
    const id = store.transaction(() => {
      // Another upload may have taken the name while this one streamed.
      if (store.nameTaken(name, ownerId, namespaceId)) throw invalidForm({ name: [MESSAGES.nameTaken] });
      return store.insert({
        user_id: ownerId,
        author_id: caller.userId,
        namespace_id: namespaceId,
        driver: 'qemu',
        hash,
        name,
        size: blob.size,
        sha256: blob.digests.sha256!,
        created_at: store.now(),
      });
    });
    return store.get(id)!;
  } catch (error) {
    await rm(blob.tempPath, { force: true });
    await rm(final, { force: true });
    throw error;
  }
}

/** Streams the body (through bunzip2 for bzip2 data) into a temp file; see `createImage`. */
async function receive(raw: FastifyRequest['raw'], body: { head: Buffer; whole: boolean }, options: CreateImageOptions) {
  const input: Readable = body.whole ? Readable.from(body.head.length === 0 ? [] : [body.head]) : raw;
  let source = input;
  let decompressor: Duplex | undefined;
  if (isBzip2(body.head) && options.bunzip2 !== undefined) {
    decompressor = options.bunzip2();
    const aborted = (): void => {
      // pipe() does not pass on an abort: without this the decompressor would wait forever.
      if (!raw.complete) decompressor?.destroy(new Error('request aborted'));
    };
    raw.once('close', aborted);
    input.pipe(decompressor);
    source = decompressor as Readable;
  }
  try {
    return await receiveBlob(source, {
      tempPath: tempBlobPath(join(options.store.blobDir, 'upload')),
      maxBytes: options.maxImageBytes,
      tooLarge: fileTooLarge,
      hashes: ['sha256'],
      headBytes: QCOW2_HEADER_BYTES,
      // For plain bodies this repeats the check made on the peeked bytes; for bzip2 it is the first look at the file.
      inspect: (head) => {
        const problem = fileProblem(head);
        if (problem !== undefined) throw invalidForm({ file: [problem] });
      },
    });
  } catch (error) {
    if (decompressor !== undefined) {
      input.unpipe(decompressor);
      decompressor.destroy();
    }
    if (!raw.readableEnded) raw.resume();
    // Anything but our own refusals from behind a decompressor means the data was not bzip2.
    if (decompressor !== undefined && !(error instanceof DjinnError)) throw invalidForm({ file: [MESSAGES.bzip2Invalid] });
    throw error;
  }
}
