import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Admission } from '../admission/admission.js';
import { clientAddress, knockFromHeaders, nodeHeaders } from '../admission/knock.js';
import { type ContextDeps, createContext } from '../context.js';
import { handleCiImageDownload, handleCiImageUpload } from '../transfer/ci-images.js';
import { sendError } from '../transfer/respond.js';
import { handleVmImageData } from '../transfer/vm-images.js';

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
  const vmImage = /^\/files\/vm-images\/([^/]+)$/.exec(path);
  if (vmImage) return handleVmImageData(req, res, vmImage[1]!, context);
  if (path === '/files/ci-images') return handleCiImageUpload(req, res, new URL(req.url ?? '/', 'http://x').searchParams, context);
  const ciImage = /^\/files\/ci-images\/([^/]+)$/.exec(path);
  if (ciImage) return handleCiImageDownload(req, res, ciImage[1]!, context);
  res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"No such byte route.","extensions":{"code":"NOT_FOUND"}}]}');
}
