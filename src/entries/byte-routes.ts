import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Admission } from '../admission/admission.js';
import { clientAddress, knockFromHeaders, nodeHeaders } from '../admission/knock.js';
import { type ContextDeps, createContext } from '../context.js';
import { handleCiImageDownload, handleCiImageUpload } from '../transfer/ci-images.js';
import { InvalidInputError } from '../errors.js';
import { sendError } from '../transfer/respond.js';
import { handleVmImageData } from '../transfer/vm-images.js';

/** A path segment percent-decoded, or undefined when its encoding is malformed (`%E0%A4%A`). */
function decodedId(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The byte routes (`/files/…`): image data streamed both ways over plain HTTP. Each request is
 * admitted like an operation (same credentials, same budgets) before a byte moves.
 */
export async function routeFiles(req: IncomingMessage, res: ServerResponse, path: string, options: { admission: Admission; deps: ContextDeps }): Promise<void> {
  let admitted: Awaited<ReturnType<Admission['admit']>>;
  try {
    admitted = await options.admission.admit(knockFromHeaders('files', clientAddress(req), nodeHeaders(req)));
  } catch (refusal) {
    sendError(res, refusal, req);
    return;
  }
  const context = createContext(options.deps, admitted.credentials, { transport: 'files' });
  const item = /^\/files\/(vm-images|ci-images)\/([^/]+)$/.exec(path);
  const id = item ? decodedId(item[2]!) : undefined;
  if (item && id === undefined) {
    sendError(
      res,
      new InvalidInputError('The id in the path is not valid percent-encoding.', { fields: [{ path: ['id'], message: 'malformed percent-encoding' }] }),
      req,
    );
    return;
  }
  if (item?.[1] === 'vm-images') return handleVmImageData(req, res, id!, context);
  if (item?.[1] === 'ci-images') return handleCiImageDownload(req, res, id!, context);
  if (path === '/files/ci-images') return handleCiImageUpload(req, res, new URL(req.url ?? '/', 'http://x').searchParams, context);
  res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"No such byte route.","extensions":{"code":"NOT_FOUND"}}]}');
}
