import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Dispatcher } from 'undici';
import { PayloadTooLargeError, type GatedUpload } from './upload-gate.js';

/** Response headers of a backend download the client may see. */
const PASSED_DOWNLOAD_HEADERS = ['content-type', 'content-length', 'content-range', 'content-md5', 'accept-ranges', 'etag', 'last-modified'];

/**
 * Streams a backend download to the client with back-pressure. If either side breaks off,
 * pipeline destroys the other: a client that leaves frees the backend connection, and a
 * backend that dies mid-body cuts the client's connection, so a truncated download can never
 * look complete (its Content-Length is not met).
 */
export async function proxyDownload(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: Dispatcher.ResponseData,
  options: { contentType?: string; disposition?: string } = {},
): Promise<void> {
  const { contentType, disposition } = options;
  const headers: Record<string, string> = {};
  for (const name of PASSED_DOWNLOAD_HEADERS) {
    const value = upstream.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (contentType && upstream.statusCode !== 204) headers['content-type'] = contentType;
  if (disposition && upstream.statusCode < 300 && upstream.statusCode !== 204) headers['content-disposition'] = disposition;
  res.writeHead(upstream.statusCode, headers);
  if (req.method === 'HEAD' || upstream.statusCode === 204) {
    // dump() discards a small rest and closes the connection on a large one.
    await upstream.body.dump({ limit: 64 * 1024 });
    res.end();
    return;
  }
  await pipeline(upstream.body, res);
}

/** What an upload failure means for the client: the size limit, or the backend's answer. */
export function uploadFailure(error: unknown, gate: GatedUpload, req: IncomingMessage): unknown {
  if (gate.tooLarge) return new PayloadTooLargeError(gate.limit);
  if (req.destroyed && !req.complete) return new Error('client went away');
  return error;
}
