import { SECOND } from '../simulation.js';
import type { ContainerRecord, RevisionRecord } from './container.js';
import { isKnownMissingImage } from './image-ref.js';

/**
 * Deployments over simulated time, derived when asked from the stored revisions' creation times
 * and the clock (`ServiceContext.clock`): nothing runs on a timer, a restart loses nothing, and
 * the same question at the same instant gets the same answer.
 *
 * Every revision deploys for DEPLOY_MS after it was made, then is `ready`, or `failed` when its
 * image is known not to exist (image-ref.ts `isKnownMissingImage`). The serving revision is the
 * newest ready one: a newer revision that fails leaves the previous one serving.
 */

/** How long a revision deploys before it is ready (or fails). */
const DEPLOY_MS = 5 * SECOND;

export type RevisionStatus = 'deploying' | 'ready' | 'failed';
type ContainerStatus = 'deploying' | 'deployed' | 'failed';

/** Where a revision's deployment stands at `now`. */
export function revisionStatus(revision: RevisionRecord, now: number): RevisionStatus {
  if (now < revision.dateCreated + DEPLOY_MS) return 'deploying';
  return isKnownMissingImage(revision.spec.image) ? 'failed' : 'ready';
}

/** A container as of one instant: its latest revision (whose spec it shows) and the one serving, if any. */
export interface ContainerState {
  container: ContainerRecord;
  /** Oldest first. */
  revisions: readonly RevisionRecord[];
  latest: RevisionRecord;
  serving: RevisionRecord | undefined;
  status: ContainerStatus;
  now: number;
}

const CONTAINER_STATUS: Readonly<Record<RevisionStatus, ContainerStatus>> = { deploying: 'deploying', ready: 'deployed', failed: 'failed' };

/**
 * The container's state at `now`: its status is its latest revision's (`ready` shows as
 * `deployed`), so an update puts it back to `deploying` at once even while an older revision serves.
 */
export function containerState(container: ContainerRecord, revisions: readonly RevisionRecord[], now: number): ContainerState {
  const latest = revisions[revisions.length - 1];
  if (latest === undefined) throw new Error(`serverless container ${container.id} has no revision`);
  let serving: RevisionRecord | undefined;
  for (let i = revisions.length - 1; i >= 0 && serving === undefined; i--) {
    if (revisionStatus(revisions[i]!, now) === 'ready') serving = revisions[i];
  }
  return { container, revisions, latest, serving, status: CONTAINER_STATUS[revisionStatus(latest, now)], now };
}

/** The public host of a container: `<name>-<first 8 hex of its id>.containers.quasarch.local`, at most 63 characters before the domain. */
export function containerHost(container: ContainerRecord): string {
  return `${container.name.slice(0, 54)}-${container.id.replace(/-/g, '').slice(0, 8)}.containers.quasarch.local`;
}
