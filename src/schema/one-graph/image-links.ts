import { operationCache } from '../../overrides/use-released-context-caches.js';
import { MAX_PER_PAGE } from '../../backends/container-images/client.js';
import type { ContainerImageRecord } from '../../backends/container-images/types.js';
import type { ServerlessContainerRecord } from '../../backends/serverless/types.js';
import type { Context } from '../../context.js';
import { checkImageReference } from '../../formats/image-reference.js';
import { builder } from '../builder.js';
import { ContainerImage } from '../container-images/container-image.js';
import { ServerlessContainer } from '../serverless/serverless-container.js';
import { upstream } from '../upstream.js';

/**
 * Links between services that share an image reference: a serverless container's `image`
 * string and the catalogue's container image with the same registry, path and tag. Neither API
 * can look the other up, so each side is read whole once per request (the catalogue in pages of
 * 100, the caller's serverless containers likewise) and indexed: any number of links costs
 * those few calls, not one per object.
 */

/** ComputeStacks registry providers by id (the rest name their host in registry_custom). */
const PROVIDER_HOSTS: Record<number, string> = { 2: 'quay.io', 3: 'ghcr.io' };
const DOCKER_HUB = 'docker.io';
const MAX_PAGES = 50;

/** `host/path:tag`, with Docker Hub's implicit host and `library/` made explicit. */
function referenceKey(host: string | undefined, path: string, tag: string): string {
  const registry = (host ?? DOCKER_HUB).toLowerCase();
  const fullPath = registry === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path;
  return `${registry}/${fullPath}:${tag}`;
}

function catalogueKey(image: ContainerImageRecord): string {
  const host = image.registryCustom ?? (image.providerId !== null ? PROVIDER_HOSTS[image.providerId] : undefined);
  return referenceKey(host, image.registryImagePath, image.registryImageTag);
}

function serverlessKey(container: ServerlessContainerRecord): string | undefined {
  const check = checkImageReference(container.image);
  if (!check.ok || check.reference.tag === undefined) return undefined;
  return referenceKey(check.reference.registryHost, check.reference.path, check.reference.tag);
}

/**
 * Read once per operation, kept in Pothos's context cache: it is released with the operation
 * (use-released-context-caches.ts), where a WeakMap keyed by the context kept every catalogue
 * read alive through young-generation collections.
 */
const catalogueByReference = operationCache(
  (context: Context): Promise<Map<string, ContainerImageRecord>> =>
    (async () => {
      const byKey = new Map<string, ContainerImageRecord>();
      const loader = ContainerImage.getDataloader(context);
      for (let page = 1; page <= MAX_PAGES; page++) {
        const result = await upstream(context.backends.containerImages.list(context.call('containerImages'), { page, perPage: MAX_PER_PAGE }));
        for (const image of result.images) {
          loader.prime(String(image.id), image);
          if (!byKey.has(catalogueKey(image))) byKey.set(catalogueKey(image), image);
        }
        if (!result.hasNext) break;
      }
      return byKey;
    })(),
);

/** Read once per operation, like catalogueByReference. */
const serverlessByReference = operationCache(
  (context: Context): Promise<Map<string, ServerlessContainerRecord[]>> =>
    (async () => {
      const byKey = new Map<string, ServerlessContainerRecord[]>();
      const loader = ServerlessContainer.getDataloader(context);
      for (let page = 1; page <= MAX_PAGES; page++) {
        const result = await upstream(context.backends.serverless.list(context.call('serverless'), page, 100));
        for (const container of result.items) {
          loader.prime(container.id, container);
          const key = serverlessKey(container);
          if (key) byKey.set(key, [...(byKey.get(key) ?? []), container]);
        }
        if (!result.hasNext) break;
      }
      return byKey;
    })(),
);

builder.objectField(ServerlessContainer, 'containerImage', (t) =>
  t.field({
    type: ContainerImage,
    nullable: true,
    description: "The catalogue's container image with the same registry, path and tag as `image`, if the caller can see one.",
    authScopes: { backend: 'containerImages' },
    resolve: async (container, _args, context) => {
      const key = serverlessKey(container);
      return key ? ((await catalogueByReference(context)).get(key) ?? null) : null;
    },
  }),
);

builder.objectField(ContainerImage, 'serverlessContainers', (t) =>
  t.field({
    type: [ServerlessContainer],
    description: "The caller's serverless containers that run this image (same registry, path and tag).",
    authScopes: { backend: 'serverless' },
    resolve: async (image, _args, context) => (await serverlessByReference(context)).get(catalogueKey(image)) ?? [],
  }),
);
