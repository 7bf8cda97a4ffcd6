import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, type Duplex } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { commitBlob, peekBody, receiveBlob, tempBlobPath } from '../blob-upload.js';
import { queryOf } from '../http.js';
import { QCOW2_HEADER_BYTES, parseQcow2Header } from '../qcow2.js';
import type { Caller } from './auth.js';
import { DjinnError, addFieldError, fileTooLarge, invalidForm, type FieldErrors } from './errors.js';
import type { CiImage, Namespace } from './image.js';
import type { CiImageStore } from './store.js';

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

/** Djinn's image name rule. */
const NAME = /^[a-zA-Z0-9_-]+$/;
const BZIP2_MAGIC = Buffer.from('BZh', 'latin1');

/** The field messages: Djinn's wording where Djinn has the case. */
const MESSAGES = {
  nameRequired: 'Name is required',
  nameInvalid: 'Name can only contain letters, numbers, dashes, and underscores',
  nameTaken: 'Name already exists',
  namespaceNotFound: 'Namespace not found',
  fileRequired: 'File is required',
  fileNotQcow: 'File not a valid QCOW file format',
  bzip2Unsupported: 'bzip2 images are not supported by this server',
  bzip2Invalid: 'File not a valid bzip2 file',
  fileNotRaw: (type: string) => `File must be sent as the request body, not as ${type}`,
} as const;

/** True when a body starts with the bzip2 magic `BZh`. */
export function isBzip2(head: Buffer): boolean {
  return head.length >= BZIP2_MAGIC.length && head.subarray(0, BZIP2_MAGIC.length).equals(BZIP2_MAGIC);
}

/** A QCOW2 header check on the first bytes of the (decompressed) file: the field message, or undefined when fine. */
function fileProblem(head: Buffer): string | undefined {
  if (head.length === 0) return MESSAGES.fileRequired;
  return parseQcow2Header(head) === undefined ? MESSAGES.fileNotQcow : undefined;
}

/**
 * `?namespace=path[@owner]` as Djinn parses it: the namespace `path` of `owner` (a username;
 * the caller when left out). It must exist and the caller must own it or collaborate on it.
 */
function resolveNamespace(store: CiImageStore, caller: Caller, raw: string): Namespace | undefined {
  const at = raw.indexOf('@');
  const path = at < 0 ? raw : raw.slice(0, at);
  const ownerId = at < 0 ? caller.userId : store.userByUsername(raw.slice(at + 1))?.id;
  if (ownerId === undefined) return undefined;
  const namespace = store.namespaceByPath(ownerId, path);
  return namespace !== undefined && store.canWriteTo(caller.userId, namespace) ? namespace : undefined;
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

  const namespacePath = query.get('namespace') ?? '';
  const namespace = namespacePath === '' ? undefined : resolveNamespace(store, caller, namespacePath);
  if (namespacePath !== '' && namespace === undefined) addFieldError(errors, 'namespace', MESSAGES.namespaceNotFound);
  const ownerId = namespace?.user_id ?? caller.userId;
  const namespaceId = namespace?.id ?? null;

  const name = query.get('name') ?? '';
  if (name === '') addFieldError(errors, 'name', MESSAGES.nameRequired);
  else if (!NAME.test(name)) addFieldError(errors, 'name', MESSAGES.nameInvalid);
  else if ((namespacePath === '' || namespace !== undefined) && store.nameTaken(name, ownerId, namespaceId)) {
    addFieldError(errors, 'name', MESSAGES.nameTaken);
  }

  const type = mediaType(request);
  let body: { head: Buffer; whole: boolean } | undefined;
  if (type !== undefined && (type.startsWith('multipart/') || type === 'application/json')) {
    addFieldError(errors, 'file', MESSAGES.fileNotRaw(type));
  } else {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxImageBytes) {
      drain();
      throw fileTooLarge();
    }
    body = await peekBody(raw, QCOW2_HEADER_BYTES);
    const bzip2 = isBzip2(body.head);
    const problem = bzip2 ? (options.bunzip2 === undefined ? MESSAGES.bzip2Unsupported : undefined) : fileProblem(body.head);
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
