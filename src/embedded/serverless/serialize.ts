import { formatRfc3339Nano } from '../time.js';
import type { ContainerSpec, RevisionRecord } from './container.js';
import { containerHost, revisionStatus, type ContainerState } from './deployment.js';

/** What Go's encoding/json prints for a zero `time.Time`: `dateUpdated` before the first update. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** Fresh copies, so a response never shares arrays or maps with a stored record. */
function specFields(spec: ContainerSpec) {
  return {
    image: spec.image,
    cpu: spec.cpu,
    ram: spec.ram,
    gpu: spec.gpu,
    ephemeralStorage: spec.ephemeralStorage,
    command: spec.command,
    arguments: spec.arguments === null ? null : [...spec.arguments],
    env: Object.fromEntries(Object.entries(spec.env)),
    port: spec.port,
  };
}

/**
 * The container object: the latest revision's spec; `status` from the latest revision; `urls`
 * and `desiredGPUs` from the serving revision, both null while none serves (so on create).
 */
export function toQuasarchContainer(state: ContainerState): Record<string, unknown> {
  const { container, latest, serving } = state;
  return {
    id: container.id,
    name: container.name,
    createdBy: container.createdBy,
    ...specFields(latest.spec),
    dateCreated: formatRfc3339Nano(container.dateCreated),
    dateUpdated: container.dateUpdated === null ? ZERO_TIME : formatRfc3339Nano(container.dateUpdated),
    status: state.status,
    urls: serving === undefined ? null : [containerHost(container)],
    desiredGPUs: serving?.spec.desiredGPUs == null ? null : [...serving.spec.desiredGPUs],
  };
}

/**
 * A revision: Quasarch's `containerID, revisionNumber, image, dateCreated`, then, as an
 * extension of the embedded service, its whole spec, its `status` and whether it is `serving`.
 */
export function toQuasarchRevision(revision: RevisionRecord, state: ContainerState): Record<string, unknown> {
  const { image, ...rest } = specFields(revision.spec);
  return {
    containerID: revision.containerId,
    revisionNumber: revision.number,
    image,
    dateCreated: formatRfc3339Nano(revision.dateCreated),
    ...rest,
    desiredGPUs: revision.spec.desiredGPUs === null ? null : [...revision.spec.desiredGPUs],
    status: revisionStatus(revision, state.now),
    serving: state.serving?.number === revision.number,
  };
}
