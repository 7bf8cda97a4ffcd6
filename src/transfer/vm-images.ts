import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../context.js';
import { GantryError } from '../errors.js';
import { upstream } from '../schema/upstream.js';
import { vmImageUuid } from '../schema/vm-images/vm-image.js';
import { sendError } from './respond.js';
import { attachmentFor } from './file-name.js';
import { proxyDownload, uploadFailure } from './stream.js';
import { gateUpload, qcow2Refusal } from './upload-gate.js';

/**
 * `PUT /files/vm-images/{id}` streams the request body into the VM image service;
 * `GET /files/vm-images/{id}` streams the image data back, Range included. Bytes flow through
 * with back-pressure and are never buffered whole.
 */
export async function handleVmImageData(req: IncomingMessage, res: ServerResponse, globalId: string, context: Context): Promise<void> {
  try {
    const uuid = vmImageUuid(globalId);
    const client = context.backends.vmImages;
    if (req.method === 'PUT') {
      await upload(req, uuid, context);
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const range = typeof req.headers.range === 'string' ? req.headers.range : undefined;
      // The record names the file; asked beside the data, and only a nicety: without it the file is named by its id.
      const [image, data] = await Promise.all([
        client.get(context.call('vmImages'), uuid).catch(() => undefined),
        client.downloadData(context.call('vmImages'), uuid, range),
      ]);
      await proxyDownload(req, res, data, { disposition: attachmentFor(image?.name, uuid, image?.diskFormat) });
      return;
    }
    res.writeHead(405, { allow: 'GET, HEAD, PUT' }).end();
  } catch (error) {
    sendError(res, error, req);
  }
}

async function upload(req: IncomingMessage, uuid: string, context: Context): Promise<void> {
  const type = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/octet-stream') {
    throw new GantryError('UNSUPPORTED_MEDIA_TYPE', 'Upload image data as application/octet-stream.');
  }
  const call = context.call('vmImages');
  // A QCOW2 image's bytes are checked here, before the backend sees any of them.
  const image = await upstream(context.backends.vmImages.get(call, uuid));
  const declaredLength = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
  const gate = await gateUpload(req, {
    maxBytes: context.config.maxUploadBytes,
    declaredLength,
    headBytes: 8,
    ...(image.diskFormat === 'qcow2' ? { check: qcow2Refusal } : {}),
  });
  try {
    await context.backends.vmImages.uploadData(call, uuid, gate.body, declaredLength);
  } catch (error) {
    throw uploadFailure(error, gate, req);
  }
}
