import type { IncomingMessage, ServerResponse } from 'node:http';
import { QEMU_DISK_TYPE } from '../backends/ci-images/client.js';
import type { Context } from '../context.js';
import { GantryError, InvalidInputError } from '../errors.js';
import { CI_IMAGE_NAME, ciImageId } from '../schema/ci-images/ci-image.js';
import { encodeGlobalId } from '../schema/global-id.js';
import { upstream } from '../schema/upstream.js';
import { sendError } from './respond.js';
import { attachmentFor } from './file-name.js';
import { proxyDownload, uploadFailure } from './stream.js';
import { ciImageRefusal, gateUpload } from './upload-gate.js';

/**
 * `POST /files/ci-images?name=…&namespace=…` creates a CI image from the streamed body and
 * answers 201 with its JSON (global ID included); `GET /files/ci-images/{id}` streams the file.
 */

const MULTIPART_OR_JSON = /^(multipart\/|application\/json)/i;

export async function handleCiImageUpload(req: IncomingMessage, res: ServerResponse, search: URLSearchParams, context: Context): Promise<void> {
  try {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const name = search.get('name') ?? '';
    const namespace = search.get('namespace') ?? undefined;
    if (!CI_IMAGE_NAME.test(name) || name.length > 255) {
      throw new InvalidInputError('name: give ?name= with letters, digits, "-" and "_" only.', {
        fields: [{ path: ['name'], message: 'letters, digits, "-" and "_" only' }],
      });
    }
    if (MULTIPART_OR_JSON.test(req.headers['content-type'] ?? '')) {
      throw new GantryError('UNSUPPORTED_MEDIA_TYPE', 'Send the QCOW2 file itself as application/octet-stream, not multipart or JSON.');
    }
    const call = context.call('ciImages');
    const declaredLength = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
    const gate = await gateUpload(req, {
      maxBytes: context.config.maxUploadBytes,
      declaredLength,
      headBytes: 8,
      check: ciImageRefusal,
      // A cheap authenticated read first: a refused credential is refused before a byte of the
      // upload is read from the client or sent upstream (an upload streams to the service
      // while it decides, so its refusal would come after the bytes).
      beforeReading: async () => void (await upstream(context.backends.ciImages.list(call, { page: 1, search: name }))),
    });
    let image: Awaited<ReturnType<typeof context.backends.ciImages.upload>>;
    try {
      image = await context.backends.ciImages.upload(call, { name, ...(namespace ? { namespace } : {}) }, gate.body, declaredLength);
    } catch (error) {
      throw uploadFailure(error, gate, req);
    }
    const id = encodeGlobalId('CiImage', image.id);
    const body = JSON.stringify({
      id,
      upstreamId: String(image.id),
      name: image.name,
      createdAt: image.createdAt,
      namespace: image.namespace?.path ?? null,
      downloadUrl: `/files/ci-images/${id}`,
    });
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', location: `/files/ci-images/${id}` }).end(body);
  } catch (error) {
    sendError(res, error, req);
  }
}

export async function handleCiImageDownload(req: IncomingMessage, res: ServerResponse, globalId: string, context: Context): Promise<void> {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const id = ciImageId(globalId);
    const range = typeof req.headers.range === 'string' ? req.headers.range : undefined;
    const client = context.backends.ciImages;
    // The record names the file; asked beside the data, and only a nicety: without it the file is named by its id.
    const [image, data] = await Promise.all([
      client.get(context.call('ciImages'), id).catch(() => undefined),
      client.download(context.call('ciImages'), id, range),
    ]);
    await proxyDownload(req, res, data, { contentType: QEMU_DISK_TYPE, disposition: attachmentFor(image?.name, `ci-image-${id}`, 'qcow2') });
  } catch (error) {
    sendError(res, error, req);
  }
}
