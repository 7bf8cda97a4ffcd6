import type { FastifyReply, FastifyRequest } from 'fastify';
import { openBlobRange, planDownload } from '../blob-download.js';
import { DjinnError, notFound } from './errors.js';
import type { CiImage } from './image.js';
import type { CiImageStore } from './store.js';

/** Djinn's `image.MimeTypeQEMU`: the Accept that asks for an image's bytes, and their Content-Type. */
export const QEMU_DISK_TYPE = 'application/x-qemu-disk';
/** The document asks for the bytes with this Accept instead; both are honoured. */
const OCTET_STREAM = 'application/octet-stream';

/**
 * True when `Accept` names `application/x-qemu-disk` or `application/octet-stream` (parameters
 * ignored, wildcards not counted): the bytes, not the JSON object.
 */
export function wantsImageFile(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  return accept.split(',').some((range) => {
    const type = range.split(';', 1)[0]?.trim().toLowerCase();
    return type === QEMU_DISK_TYPE || type === OCTET_STREAM;
  });
}

/** An HTTP date parsed to whole epoch seconds, or undefined. */
function httpDateSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/**
 * Sends an image's bytes as Go's `http.ServeContent` does for Djinn, with the image's creation
 * time as the modification time: `Last-Modified`, `Accept-Ranges: bytes`, 304 for a fresh
 * `If-Modified-Since`, one `Range` as 206 (an `If-Range` date that does not match means the whole
 * file), 416 with a `Content-Range` giving the size for a range it cannot serve.
 */
export async function sendImageFile(request: FastifyRequest, reply: FastifyReply, store: CiImageStore, image: CiImage): Promise<FastifyReply> {
  const modified = Math.floor(image.created_at / 1000);
  reply.header('last-modified', new Date(modified * 1000).toUTCString()).header('accept-ranges', 'bytes');
  const since = httpDateSeconds(request.headers['if-modified-since']);
  if (request.headers['if-none-match'] === undefined && since !== undefined && modified <= since) return reply.code(304).send();
  const ifRange = request.headers['if-range'];
  const rangeApplies = ifRange === undefined || (typeof ifRange === 'string' && httpDateSeconds(ifRange) === modified);
  const plan = planDownload(rangeApplies ? request.headers.range : undefined, image.size);
  if (plan.status === 416) throw new DjinnError(416, { message: 'Requested range not satisfiable' }, { 'content-range': plan.contentRange });
  let body: Awaited<ReturnType<typeof openBlobRange>>;
  try {
    body = await openBlobRange(store.blobPath(image.hash), plan, request.method === 'HEAD');
  } catch (error) {
    // Djinn answers a missing file with its usual 404.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound();
    throw error;
  }
  reply.code(plan.status).header('content-type', QEMU_DISK_TYPE).header('content-length', String(plan.length));
  if (plan.status === 206) reply.header('content-range', plan.contentRange);
  return reply.send(body);
}
