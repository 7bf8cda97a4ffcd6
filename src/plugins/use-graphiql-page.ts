import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * GraphiQL's page, compressed and revalidated: the page is ~9 MB of inlined JavaScript, the
 * same on every load, so it is compressed once per encoding (brotli, else gzip) and sent with an
 * ETag; a browser's next load revalidates it with If-None-Match and gets a 304 of no bytes.
 * `private, no-cache` because in embedded mode on loopback the page carries a dev token: no
 * shared cache may keep it, and the browser asks each time (the 304 costs nothing).
 *
 * Yoga renders the page (its own GraphiQL plugin decides who gets it); this plugin only
 * rewrites the HTML answer on its way out.
 */
interface Page {
  etag: string;
  encoded: Map<'br' | 'gzip', Promise<Buffer>>;
}

/** Brotli quality 5: a tenth of quality 11's time on 9 MB, for a few percent more bytes. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

function pickEncoding(acceptEncoding: string | null): 'br' | 'gzip' | undefined {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  return /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
}

export function useGraphiqlPage(): Plugin {
  // Keyed by the HTML itself: the page is the same for every caller it is rendered for.
  const pages = new Map<string, Page>();
  const pageFor = (html: string): Page => {
    let page = pages.get(html);
    if (!page) {
      if (pages.size > 4) pages.clear();
      page = { etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`, encoded: new Map() };
      pages.set(html, page);
    }
    return page;
  };
  // Every Yoga answer passes here: all but the page leave at once, without a promise.
  const isPage = (request: Request, response: Response) =>
    request.method === 'GET' && response.status === 200 && response.headers.get('content-type')?.startsWith('text/html') === true;
  return {
    onResponse(payload) {
      return isPage(payload.request, payload.response) ? rewrite(payload) : undefined;
    },
  };

  async function rewrite({ request, response, setResponse, fetchAPI }: Parameters<NonNullable<Plugin['onResponse']>>[0]): Promise<void> {
    const html = await response.text();
    const page = pageFor(html);
    const headers: Record<string, string> = {
      'content-type': 'text/html; charset=utf-8',
      etag: page.etag,
      'cache-control': 'private, no-cache',
      vary: 'Accept, Accept-Encoding, Cookie, X-Gantry-Developer-Key',
    };
    if (request.headers.get('if-none-match') === page.etag) {
      setResponse(new fetchAPI.Response(null, { status: 304, headers }));
      return;
    }
    const encoding = pickEncoding(request.headers.get('accept-encoding'));
    if (!encoding) {
      setResponse(new fetchAPI.Response(html, { status: 200, headers }));
      return;
    }
    let body = page.encoded.get(encoding);
    if (!body) {
      body = encoding === 'br' ? brotli(html, BROTLI) : gzipped(html, { level: 6 });
      page.encoded.set(encoding, body);
    }
    setResponse(new fetchAPI.Response(new Uint8Array(await body), { status: 200, headers: { ...headers, 'content-encoding': encoding } }));
  }
}
