/**
 * What a serverless container runs: everything a revision fixes. The container object shows its
 * latest revision's spec; each update stores a whole new spec as the next revision.
 */
export interface ContainerSpec {
  /** An image reference with an explicit tag or digest (`nginx:1.27-alpine`). */
  image: string;
  /** CPU cores, fractions allowed. */
  cpu: number;
  /** Memory limit, a Kubernetes quantity (`512Mi`). */
  ram: string;
  /** Number of GPUs. */
  gpu: number;
  /** Scratch disk, a Kubernetes quantity (`10Gi`). */
  ephemeralStorage: string;
  /** Overrides the image's entrypoint; null keeps it. */
  command: string | null;
  /** Overrides the image's arguments; null keeps them. */
  arguments: string[] | null;
  /** Environment variables, in the order given. */
  env: Record<string, string>;
  /** The port the container listens on, as a string (`"80"`). */
  port: string;
  /** GPU model codes the container may be scheduled on (gpu-models.ts); null when gpu is 0. */
  desiredGPUs: string[] | null;
}

/** A stored container: who made it and when. Its spec is its latest revision's. Times are epoch ms. */
export interface ContainerRecord {
  id: string;
  name: string;
  /** The owner's user UUID. */
  createdBy: string;
  dateCreated: number;
  /** Null until the first update (then printed as Go's zero time, `0001-01-01T00:00:00Z`). */
  dateUpdated: number | null;
}

/** One stored revision: the whole spec it deploys, numbered from 1, and when it was made. */
export interface RevisionRecord {
  containerId: string;
  number: number;
  spec: ContainerSpec;
  dateCreated: number;
}
