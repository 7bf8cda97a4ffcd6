import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Context } from '../context.js';
import { GantryError } from '../errors.js';
import { vmImageUuid } from '../schema/vm-images/vm-image.js';
import { sendError } from './respond.js';

/**
 * `PUT /files/vm-images/{id}` streams the request body into the VM image service;
 * `GET /files/vm-images/{id}` streams the image data back, Range included. Bytes flow through
 * with back-pressure and are never buffered whole.
 */

const PASSED_DOWNLOAD_HEADERS = ['content-type', 'content-length', 'content-range', 'content-md5', 'accept-ranges', 'etag', 'last-modified'];

export async function handleVmImageData(req: IncomingMessage, res: ServerResponse, globalId: string, context: Context): Promise<void> {
  try {
    const uuid = vmImageUuid(decodeURIComponent(globalId));
    const call = context.call('vmImages');
    const client = context.backends.vmImages;
    if (req.method === 'PUT') {
      const type = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/octet-stream') {
        throw new GantryError('UNSUPPORTED_MEDIA_TYPE', 'Upload image data as application/octet-stream.');
      }
      const length = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
      await client.uploadData(call, uuid, req, length);
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const range = typeof req.headers.range === 'string' ? req.headers.range : undefined;
      const upstream = await client.downloadData(call, uuid, range);
      const headers: Record<string, string> = {};
      for (const name of PASSED_DOWNLOAD_HEADERS) {
        const value = upstream.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      res.writeHead(upstream.statusCode, headers);
      if (req.method === 'HEAD' || upstream.statusCode === 204) {
        // dump() discards a small rest and closes the connection on a large one.
        await upstream.body.dump({ limit: 64 * 1024 });
        res.end();
        return;
      }
      // pipeline destroys the upstream body when the client goes away, freeing the connection.
      await pipeline(upstream.body, res);
      return;
    }
    res.writeHead(405, { allow: 'GET, HEAD, PUT' }).end();
  } catch (error) {
    if (req.method === 'PUT' && !req.complete) req.resume();
    sendError(res, error);
  }
}
