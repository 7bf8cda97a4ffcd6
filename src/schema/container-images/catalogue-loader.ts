import { operationCache } from '../../overrides/use-released-context-caches.js';
import { MAX_PER_PAGE } from '../../backends/container-images/client.js';
import type { ContainerImageRecord } from '../../backends/container-images/types.js';
import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { upstream } from '../upstream.js';

/**
 * Batch loading for an API with no "many ids" endpoint. A few ids are fetched one by one, in
 * parallel under the backend's fan-out bound (shared by all requests). Many ids are found by scanning the catalogue list instead: the list
 * shows everything the caller may see, 100 a page, and every page primes the request's cache,
 * so a whole dependency tree usually costs one or two calls instead of one per image. Pages a
 * request already read (its own connection's, or an earlier scan's) are not read again.
 */

/** At most this many single GETs for one batch; more ids switch to a catalogue scan. */
const MAX_SINGLE_FETCHES = 3;
/** Pages a scan reads at most (10 × 100 images). */
const MAX_SCAN_PAGES = 10;

interface CatalogueState {
  /** Unfiltered catalogue pages at MAX_PER_PAGE already read in this request. */
  pagesRead: Set<number>;
  /** Highest page known to exist (false once a page had no next). */
  lastPage: number | undefined;
}

/** Per operation, in Pothos's context cache (released with the operation, see use-released-context-caches.ts). */
const stateOf = operationCache((_context: Context): CatalogueState => ({ pagesRead: new Set(), lastPage: undefined }));

/** Called by the connection when it read an unfiltered page of MAX_PER_PAGE, so scans skip it. */
export function noteCataloguePage(context: Context, page: number, hasNext: boolean): void {
  const state = stateOf(context);
  state.pagesRead.add(page);
  if (!hasNext) state.lastPage = page;
}

export async function loadContainerImages(
  keys: readonly string[],
  context: Context,
  prime: (image: ContainerImageRecord) => void,
): Promise<Array<ContainerImageRecord | Error>> {
  const client = context.backends.containerImages;
  const ids = keys.map(Number);
  const found = new Map<number, ContainerImageRecord>();
  if (ids.length > MAX_SINGLE_FETCHES) {
    const state = stateOf(context);
    for (let page = 1; page <= MAX_SCAN_PAGES && ids.some((id) => !found.has(id)); page++) {
      if (state.lastPage !== undefined && page > state.lastPage) break;
      if (state.pagesRead.has(page)) continue;
      const missing = ids.filter((id) => !found.has(id)).length;
      const result = await upstream(client.list(context.call('containerImages', missing), { page, perPage: MAX_PER_PAGE }));
      noteCataloguePage(context, page, result.hasNext);
      for (const image of result.images) {
        found.set(image.id, image);
        prime(image);
      }
    }
  }
  // What a scan did not find (inactive system images are visible by id only), or a small batch.
  return Promise.all(
    ids.map(
      (id) =>
        found.get(id) ??
        (!Number.isSafeInteger(id) || id < 1 ? new NotFoundError(`No container image ${id}.`) : undefined) ??
        client.fanOut(async () => {
          try {
            return await upstream(client.get(context.call('containerImages'), id));
          } catch (error) {
            return error instanceof Error ? error : new NotFoundError(`No container image ${id}.`);
          }
        }),
    ),
  );
}
