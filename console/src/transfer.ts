import type { GraphQLErrorShape } from './api.js';

/**
 * Image bytes over the byte routes (`/files/…`), with the same bearer token as every request.
 *
 * Uploads use XMLHttpRequest: it is the one browser API that reports upload progress (fetch
 * streams bodies but tells nothing of how much has gone). Downloads use fetch, since a plain
 * link cannot carry the `Authorization` header: the body is read with progress and folded into
 * Blobs as it arrives (the browser keeps blob data outside the page's heap, on disk when it is
 * large), then saved under the name the gateway gives in `Content-Disposition`.
 */
export interface Progress {
  loaded: number;
  total: number;
  /** Bytes a second since the transfer began. */
  speed: number;
}

export interface Transfer<T> {
  done: Promise<T>;
  cancel(): void;
}

export class TransferError extends Error {
  constructor(
    message: string,
    readonly errors: GraphQLErrorShape[] = [],
    readonly cancelled = false,
  ) {
    super(message);
  }
}

/** The errors of a byte-route answer: the same shape as GraphQL errors. */
function errorsOf(body: string, status: number): GraphQLErrorShape[] {
  try {
    const parsed = JSON.parse(body) as { errors?: GraphQLErrorShape[] };
    if (parsed.errors?.length) return parsed.errors;
  } catch {
    // Not JSON: fall through to the status alone.
  }
  return [{ message: `The gateway answered ${status}.` }];
}

export function upload<T>(method: 'PUT' | 'POST', url: string, token: string, file: Blob, onProgress: (progress: Progress) => void): Transfer<T> {
  const xhr = new XMLHttpRequest();
  const started = performance.now();
  const done = new Promise<T>((resolve, reject) => {
    xhr.upload.onprogress = (event) => {
      const seconds = (performance.now() - started) / 1000;
      onProgress({ loaded: event.loaded, total: event.total || file.size, speed: seconds > 0 ? event.loaded / seconds : 0 });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      else reject(new TransferError('The upload was refused.', errorsOf(xhr.responseText, xhr.status)));
    };
    // A refused upload may be answered and closed before its body is sent: the browser then
    // reports only that the connection went away.
    xhr.onerror = () => reject(new TransferError('The connection closed before the upload finished.'));
    xhr.onabort = () => reject(new TransferError('Upload cancelled.', [], true));
  });
  xhr.open(method, url);
  xhr.setRequestHeader('authorization', `Bearer ${token}`);
  xhr.setRequestHeader('content-type', 'application/octet-stream');
  xhr.send(file);
  return { done, cancel: () => xhr.abort() };
}

/** The file name `Content-Disposition` gives: the UTF-8 `filename*` when present, else `filename`. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]*)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** How much of a download the page holds before handing it to a Blob. */
const FOLD_BYTES = 16 * 1024 * 1024;

export function download(url: string, token: string, fallbackName: string, onProgress: (progress: Progress) => void): Transfer<string> {
  const abort = new AbortController();
  const done = (async () => {
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
    } catch {
      throw new TransferError(abort.signal.aborted ? 'Download cancelled.' : 'The download could not start.', [], abort.signal.aborted);
    }
    if (!response.ok || !response.body) throw new TransferError('The download was refused.', errorsOf(await response.text(), response.status));
    const total = Number(response.headers.get('content-length') ?? 0);
    let parts: BlobPart[] = [];
    let pending = 0;
    let loaded = 0;
    const reader = response.body.getReader();
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        parts.push(chunk.value);
        pending += chunk.value.byteLength;
        loaded += chunk.value.byteLength;
        if (pending >= FOLD_BYTES) {
          parts = [new Blob(parts)];
          pending = 0;
        }
        onProgress({ loaded, total: total || loaded, speed: loaded / Math.max((performance.now() - started) / 1000, 0.001) });
      }
    } catch {
      // The gateway cuts the connection when the backend dies mid-file: never save a short file.
      throw new TransferError(abort.signal.aborted ? 'Download cancelled.' : 'The download was cut off; nothing was saved.', [], abort.signal.aborted);
    }
    const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob(parts, { type: 'application/octet-stream' }));
    link.download = name;
    link.click();
    // The click has started the save; the object URL may go once it has been read.
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    return name;
  })();
  return { done, cancel: () => abort.abort() };
}

/** "3.2 MB" — sizes and speeds as people read them. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
