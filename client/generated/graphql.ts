/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How a date-time filter compares. */
export type ComparisonOperator =
  /** Exactly at. */
  | 'EQ'
  /** Later than. */
  | 'GT'
  /** At or later than. */
  | 'GTE'
  /** Earlier than. */
  | 'LT'
  /** At or earlier than. */
  | 'LTE'
  /** Not at. */
  | 'NEQ';

/** Container format of an image file (`BARE` for none). */
export type ContainerFormat =
  /** The aki container format. */
  | 'AKI'
  /** The ami container format. */
  | 'AMI'
  /** The ari container format. */
  | 'ARI'
  /** The bare container format. */
  | 'BARE'
  /** The compressed container format. */
  | 'COMPRESSED'
  /** The docker container format. */
  | 'DOCKER'
  /** The ova container format. */
  | 'OVA'
  /** The ovf container format. */
  | 'OVF';

/** What kind of service a container image provides. */
export type ContainerImageRoleClass =
  /** Cache. */
  | 'CACHE'
  /** Database. */
  | 'DATABASE'
  /** Development tool. */
  | 'DEV'
  /** Anything else. */
  | 'MISC'
  /** Web server or application. */
  | 'WEB';

/** Which container images to list. */
export type ContainerImageScope =
  /** The caller's images, those shared with it, and active system images. */
  | 'ALL'
  /** Only load balancer images. */
  | 'LOAD_BALANCERS'
  /** Only the caller's own images. */
  | 'OWNED';

/** What a container was last asked to be. */
export type ContainerRequestedState =
  /** Asked to run. */
  | 'RUNNING'
  /** Asked to stop. */
  | 'STOPPED';

/** What a container is doing now. */
export type ContainerState =
  /** Running, with an alert raised. */
  | 'ALERT'
  /** Being moved or rebuilt. */
  | 'MIGRATING'
  /** Not running. */
  | 'OFFLINE'
  /** Running and healthy. */
  | 'ONLINE'
  /** Running, short of CPU or memory. */
  | 'RESOURCE_USAGE'
  /** Starting. */
  | 'STARTING'
  /** Stopping. */
  | 'STOPPING'
  /** Running, failing its health check. */
  | 'UNHEALTHY'
  /** Started; waiting for its health check. */
  | 'WORKING';

/** A new serverless container; creating it deploys revision 1. */
export type CreateServerlessContainerInput = {
  /** Arguments to the command. */
  arguments?: Array<string> | null | undefined;
  /** Command that replaces the image's entrypoint. */
  command?: string | null | undefined;
  /** CPU cores, more than 0 (fractions allowed; default 1). */
  cpu?: number | null | undefined;
  /** Environment variables; on update, the list replaces the old one. */
  env?: Array<EnvVarInput> | null | undefined;
  /** Scratch disk as a Kubernetes quantity ("10Gi"). */
  ephemeralStorage?: string | null | undefined;
  /** GPUs (default 0); more than 0 needs `gpuModels`. */
  gpu?: number | null | undefined;
  /** GPU model codes to run on (see `gpuModels`), e.g. ["a100"]. */
  gpuModels?: Array<string> | null | undefined;
  /** Image reference with an explicit tag or digest ("nginxdemos/hello:0.4"): no tag does not mean latest. */
  image: string;
  /** Name, unique among your containers: 1 to 63 lowercase letters, digits or "-". */
  name: string;
  /** The TCP port it listens on (1..65535). */
  port?: number | null | undefined;
  /** Memory as a Kubernetes quantity ("512Mi", "1Gi"). */
  ram?: string | null | undefined;
};

/** A new VM image record; upload its data afterwards with PUT on `uploadUrl`. */
export type CreateVmImageInput = {
  /** Container format (needed before upload). */
  containerFormat?: ContainerFormat | null | undefined;
  /** Disk format (needed before upload). */
  diskFormat?: DiskFormat | null | undefined;
  /** Disk space needed to boot, in GB. */
  minDisk?: number | null | undefined;
  /** RAM needed to boot, in MB. */
  minRam?: number | null | undefined;
  /** Display name. */
  name?: string | null | undefined;
  /** Custom properties. */
  properties?: Array<VmImagePropertyInput> | null | undefined;
  /** Protect the image from deletion. */
  protected?: boolean | null | undefined;
  /** Tags. */
  tags?: Array<string> | null | undefined;
  /** UUID to give the image (generated when omitted). */
  uuid?: string | null | undefined;
  /** Visibility (default SHARED). */
  visibility?: VmImageVisibility | null | undefined;
};

/** Compares a date-time attribute with a value (`{ op: GTE, value: "2024-01-01T00:00:00Z" }`). */
export type DateTimeComparison = {
  /** How to compare. */
  op: ComparisonOperator;
  /** The instant to compare with. */
  value: string;
};

/** The serverless container to delete. */
export type DeleteServerlessContainerInput = {
  /** Global ID of the container. */
  id: string | number;
};

/** The image to delete. */
export type DeleteVmImageInput = {
  /** Global ID of the image. */
  id: string | number;
};

/** Disk format of an image file. */
export type DiskFormat =
  /** The aki disk format. */
  | 'AKI'
  /** The ami disk format. */
  | 'AMI'
  /** The ari disk format. */
  | 'ARI'
  /** The iso disk format. */
  | 'ISO'
  /** The ploop disk format. */
  | 'PLOOP'
  /** The qcow2 disk format. */
  | 'QCOW2'
  /** The raw disk format. */
  | 'RAW'
  /** The vdi disk format. */
  | 'VDI'
  /** The vhd disk format. */
  | 'VHD'
  /** The vhdx disk format. */
  | 'VHDX'
  /** The vmdk disk format. */
  | 'VMDK';

/** Where an environment parameter's value comes from. */
export type EnvParamType =
  /** A fixed value (`staticValue`). */
  | 'STATIC'
  /** A value taken from another setting (`envValue`). */
  | 'VARIABLE';

/** One environment variable to set. */
export type EnvVarInput = {
  /** Variable name: letters, digits and `_`, not starting with a digit. */
  name: string;
  /** Its value. */
  value: string;
};

/** Why an operation failed; also sent as `extensions.code` on top-level errors. */
export type ErrorCode =
  /** The input is not valid. */
  | 'BAD_USER_INPUT'
  /** The operation needs more backend calls than one operation may make; ask for less at once. */
  | 'CALL_BUDGET_EXCEEDED'
  /** The resource is not in a state that allows this. */
  | 'CONFLICT'
  /** You are not allowed to do this. */
  | 'FORBIDDEN'
  /** Unexpected error. */
  | 'INTERNAL'
  /** Not found. */
  | 'NOT_FOUND'
  /** The request body is too large. */
  | 'PAYLOAD_TOO_LARGE'
  /** Too many requests; retry later. */
  | 'RATE_LIMITED'
  /** Missing or invalid credentials. */
  | 'UNAUTHENTICATED'
  /** The request body has an unsupported content type. */
  | 'UNSUPPORTED_MEDIA_TYPE'
  /** A backend service has too many requests waiting; retry shortly. */
  | 'UPSTREAM_BUSY'
  /** A backend service did not answer in time. */
  | 'UPSTREAM_TIMEOUT'
  /** A backend service is unavailable. */
  | 'UPSTREAM_UNAVAILABLE';

/** Which images `images` lists. */
export type ImageFilter = {
  /** Only images whose name contains this text (case-insensitive). */
  name?: string | null | undefined;
  /** Only images from these services (default: both). */
  sources?: Array<ImageSource> | null | undefined;
};

/** The service an image comes from. */
export type ImageSource =
  /** The CI image service (Djinn CI). */
  | 'CI_IMAGES'
  /** The VM image service (Glance v2). */
  | 'VM_IMAGES';

/** Protocol of an ingress port. */
export type IngressProtocol =
  /** TCP. */
  | 'TCP'
  /** TLS. */
  | 'TLS'
  /** UDP. */
  | 'UDP';

/** Protocol of an ingress rule. */
export type IngressRuleProtocol =
  /** HTTP. */
  | 'HTTP'
  /** TCP. */
  | 'TCP'
  /** TLS. */
  | 'TLS'
  /** UDP. */
  | 'UDP';

/** A power action on a container. */
export type PowerAction =
  /** Recreate from its image, then start. */
  | 'REBUILD'
  /** Stop, then start. */
  | 'RESTART'
  /** Start a stopped container. */
  | 'START'
  /** Stop a running container. */
  | 'STOP';

/** A power action on a container. */
export type PowerContainerInput = {
  /** What to do. */
  action: PowerAction;
  /** Global ID of the container. */
  id: string | number;
};

/** Where one revision stands. */
export type RevisionStatus =
  /** Being deployed. */
  | 'DEPLOYING'
  /** Could not be deployed (say, its image does not exist). */
  | 'FAILED'
  /** Deployed and able to serve. */
  | 'READY';

/** Where a serverless container's latest revision stands. */
export type ServerlessStatus =
  /** The latest revision serves. */
  | 'DEPLOYED'
  /** The latest revision is being deployed. */
  | 'DEPLOYING'
  /** The latest revision failed to deploy; an earlier ready revision, if any, still serves. */
  | 'FAILED';

/** Sort order. */
export type SortDirection =
  /** Ascending. */
  | 'ASC'
  /** Descending. */
  | 'DESC';

/** Changes to a serverless container; only the fields given change. Any change deploys a new revision. */
export type UpdateServerlessContainerInput = {
  /** Arguments to the command. */
  arguments?: Array<string> | null | undefined;
  /** Command that replaces the image's entrypoint. */
  command?: string | null | undefined;
  /** CPU cores, more than 0 (fractions allowed; default 1). */
  cpu?: number | null | undefined;
  /** Environment variables; on update, the list replaces the old one. */
  env?: Array<EnvVarInput> | null | undefined;
  /** Scratch disk as a Kubernetes quantity ("10Gi"). */
  ephemeralStorage?: string | null | undefined;
  /** GPUs (default 0); more than 0 needs `gpuModels`. */
  gpu?: number | null | undefined;
  /** GPU model codes to run on (see `gpuModels`), e.g. ["a100"]. */
  gpuModels?: Array<string> | null | undefined;
  /** Global ID of the container. */
  id: string | number;
  /** Image reference with an explicit tag or digest ("nginxdemos/hello:0.4"): no tag does not mean latest. */
  image?: string | null | undefined;
  /** The TCP port it listens on (1..65535). */
  port?: number | null | undefined;
  /** Memory as a Kubernetes quantity ("512Mi", "1Gi"). */
  ram?: string | null | undefined;
};

/** Filters for `vmImages`; all given filters must match. */
export type VmImageFilter = {
  /** Compare the creation time. */
  createdAt?: DateTimeComparison | null | undefined;
  /** For shared images: membership state (default ACCEPTED). */
  memberStatus?: VmImageMemberStatus | null | undefined;
  /** Exact name. */
  name?: string | null | undefined;
  /** Any of these exact names. */
  names?: Array<string> | null | undefined;
  /** true lists only hidden images; hidden images are left out by default. */
  osHidden?: boolean | null | undefined;
  /** Owning project ID. */
  owner?: string | null | undefined;
  /** Custom properties that must have these values (each name once, and not one of Glance's own list parameters or attributes). */
  properties?: Array<VmImagePropertyInput> | null | undefined;
  /** Only protected (true) or unprotected (false) images. */
  protected?: boolean | null | undefined;
  /** Largest data size in bytes. */
  sizeMax?: number | null | undefined;
  /** Smallest data size in bytes. */
  sizeMin?: number | null | undefined;
  /** Lifecycle state. */
  status?: VmImageStatus | null | undefined;
  /** Images carrying every one of these tags. */
  tags?: Array<string> | null | undefined;
  /** Compare the last update time. */
  updatedAt?: DateTimeComparison | null | undefined;
  /** Visibility; by default every visibility the caller sees in its own list. */
  visibility?: VmImageVisibilityFilter | null | undefined;
};

/** For images shared with the caller: which membership states to list. */
export type VmImageMemberStatus =
  /** Memberships the caller has accepted. */
  | 'ACCEPTED'
  /** Every membership state. */
  | 'ALL'
  /** Memberships the caller has not yet answered. */
  | 'PENDING'
  /** Memberships the caller has rejected. */
  | 'REJECTED';

/** A custom image property (`os_distro = ubuntu`). */
export type VmImagePropertyInput = {
  /** Property name. */
  name: string;
  /** Property value. */
  value: string;
};

/** One sort criterion; several apply in order. */
export type VmImageSort = {
  /** Direction (default DESC). */
  direction?: SortDirection | null | undefined;
  /** Attribute to sort by. */
  key: VmImageSortKey;
};

/** Attributes a VM image list can be sorted by. */
export type VmImageSortKey =
  /** Sort by container format. */
  | 'CONTAINER_FORMAT'
  /** Sort by created at. */
  | 'CREATED_AT'
  /** Sort by disk format. */
  | 'DISK_FORMAT'
  /** Sort by id. */
  | 'ID'
  /** Sort by name. */
  | 'NAME'
  /** Sort by size. */
  | 'SIZE'
  /** Sort by status. */
  | 'STATUS'
  /** Sort by updated at. */
  | 'UPDATED_AT';

/** Lifecycle state of a VM image. */
export type VmImageStatus =
  /** Data uploaded; the image can boot. */
  | 'ACTIVE'
  /** Data downloads are refused, except to admins. */
  | 'DEACTIVATED'
  /** Deleted; kept only as a record. */
  | 'DELETED'
  /** Staged data is being imported. */
  | 'IMPORTING'
  /** An upload failed; the image has no usable data. */
  | 'KILLED'
  /** Deleted; data not yet scrubbed. */
  | 'PENDING_DELETE'
  /** Created, no data uploaded yet. */
  | 'QUEUED'
  /** Data is being uploaded. */
  | 'SAVING'
  /** Data is being staged for import. */
  | 'UPLOADING';

/** Who can see a VM image. */
export type VmImageVisibility =
  /** Every project that asks for community images. */
  | 'COMMUNITY'
  /** Only the owning project. */
  | 'PRIVATE'
  /** Every project. */
  | 'PUBLIC'
  /** The owning project and the projects it is shared with. */
  | 'SHARED';

/** Visibility to list; ALL lists every visibility the caller may see. */
export type VmImageVisibilityFilter =
  /** Every visibility. */
  | 'ALL'
  /** Only community images. */
  | 'COMMUNITY'
  /** Only private images. */
  | 'PRIVATE'
  /** Only public images. */
  | 'PUBLIC'
  /** Only shared images. */
  | 'SHARED';

/** Which service runs a workload. */
export type WorkloadKind =
  /** The containers service. */
  | 'CONTAINER'
  /** The serverless container service. */
  | 'SERVERLESS';

export type ImagesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ImageFilter | null | undefined;
}>;


export type ImagesQuery = { images: { nodes: Array<
      | { __typename: 'CiImage', driver: string, id: string, name: string, createdAt: string }
      | { __typename: 'VmImage', status: VmImageStatus, size: number | null, id: string, name: string | null, createdAt: string }
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type WorkloadsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  kinds?: Array<WorkloadKind> | WorkloadKind | null | undefined;
}>;


export type WorkloadsQuery = { workloads: { nodes: Array<
      | { __typename: 'Container', state: ContainerState, id: string, name: string }
      | { __typename: 'ServerlessContainer', status: ServerlessStatus, id: string, name: string }
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type SearchQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
}>;


export type SearchQuery = { search: Array<{ score: number, node:
      | { __typename: 'CiImage', id: string, imageName: string }
      | { __typename: 'Container', id: string, name: string }
      | { __typename: 'ContainerImage', id: string, label: string }
      | { __typename: 'ServerlessContainer', id: string, name: string }
      | { __typename: 'VmImage', id: string, imageName: string | null }
     }> };

export type CiImageSummaryFragment = { id: string, name: string, driver: string, createdAt: string, downloadUrl: string, author: { username: string } | null, namespace: { name: string, path: string } | null };

export type CiImagesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type CiImagesQuery = { ciImages: { nodes: Array<{ id: string, name: string, driver: string, createdAt: string, downloadUrl: string, author: { username: string } | null, namespace: { name: string, path: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type CiImageQueryVariables = Exact<{
  id: string | number;
}>;


export type CiImageQuery = { ciImage: { upstreamId: string, id: string, name: string, driver: string, createdAt: string, downloadUrl: string, user: { username: string, email: string | null } | null, author: { username: string } | null, namespace: { name: string, path: string } | null } | null };

export type ContainerImageSummaryFragment = { id: string, name: string, label: string, description: string | null, active: boolean, roleClass: ContainerImageRoleClass, imageReference: string, minCpu: number, minMemory: number, isSystemImage: boolean, ingressParams: Array<{ port: number, proto: IngressProtocol, externalAccess: boolean }> };

export type ContainerImagesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  scope?: ContainerImageScope | null | undefined;
  label?: string | null | undefined;
}>;


export type ContainerImagesQuery = { containerImages: { nodes: Array<{ id: string, name: string, label: string, description: string | null, active: boolean, roleClass: ContainerImageRoleClass, imageReference: string, minCpu: number, minMemory: number, isSystemImage: boolean, ingressParams: Array<{ port: number, proto: IngressProtocol, externalAccess: boolean }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type ContainerImageQueryVariables = Exact<{
  id: string | number;
}>;


export type ContainerImageQuery = { containerImage: { id: string, name: string, label: string, description: string | null, active: boolean, roleClass: ContainerImageRoleClass, imageReference: string, minCpu: number, minMemory: number, isSystemImage: boolean, envParams: Array<{ name: string, paramType: EnvParamType, envValue: string | null, staticValue: string | null }>, volumes: Array<{ label: string | null, mountPath: string }>, requiredContainers: Array<{ id: string, label: string }>, requiredBy: Array<{ id: string, label: string }>, serverlessContainers: Array<{ id: string, name: string, status: ServerlessStatus }>, ingressParams: Array<{ port: number, proto: IngressProtocol, externalAccess: boolean }> } | null };

export type ContainerSummaryFragment = { id: string, name: string, state: ContainerState, requestedState: ContainerRequestedState, cpuPercent: number | null, memoryPercent: number | null, localIp: string | null, publicIp: string | null, createdAt: string, image: { id: string, label: string, imageReference: string } | null };

export type ContainersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ContainersQuery = { containers: { nodes: Array<{ id: string, name: string, state: ContainerState, requestedState: ContainerRequestedState, cpuPercent: number | null, memoryPercent: number | null, localIp: string | null, publicIp: string | null, createdAt: string, image: { id: string, label: string, imageReference: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type ContainerQueryVariables = Exact<{
  id: string | number;
  logLimit?: number | null | undefined;
}>;


export type ContainerQuery = { container: { id: string, name: string, state: ContainerState, requestedState: ContainerRequestedState, cpuPercent: number | null, memoryPercent: number | null, localIp: string | null, publicIp: string | null, createdAt: string, ingressRules: Array<{ port: number, proto: IngressRuleProtocol, externalAccess: boolean, portNat: number | null }>, logs: Array<{ timestamp: string, message: string }>, processes: Array<{ pid: number, command: string, cpuTime: string }>, image: { id: string, label: string, imageReference: string } | null } | null };

export type PowerContainerMutationVariables = Exact<{
  input: PowerContainerInput;
}>;


export type PowerContainerMutation = { powerContainer:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'PowerContainerSuccess', container: { id: string, state: ContainerState, requestedState: ContainerRequestedState } }
   };

export type ContainerLogTailQueryVariables = Exact<{
  id: string | number;
  limit?: number | null | undefined;
}>;


export type ContainerLogTailQuery = { container: { id: string, logs: Array<{ timestamp: string, containerName: string, message: string }> } | null };

export type ContainerMetricsWindowQueryVariables = Exact<{
  id: string | number;
}>;


export type ContainerMetricsWindowQuery = { container: { id: string, cpuUsage: Array<{ timestamp: string, percent: number }>, memoryUsage: Array<{ timestamp: string, megabytes: number }> } | null };

export type ContainerStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type ContainerStatusQuery = { container: { id: string, state: ContainerState, requestedState: ContainerRequestedState } | null };

export type ContainerLogsSubscriptionVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
  since?: string | null | undefined;
}>;


export type ContainerLogsSubscription = { containerLogs: { cursor: string, gap: boolean, line: { timestamp: string, containerName: string, message: string } } };

export type ContainerStateSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ContainerStateSubscription = { containerState: { state: ContainerState, requestedState: ContainerRequestedState } };

export type ContainerMetricsSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ContainerMetricsSubscription = { containerMetrics: { timestamp: string, cpuPercent: number | null, memoryMegabytes: number | null } };

type UserErrorFields_ConflictError_Fragment = { __typename: 'ConflictError', code: ErrorCode, message: string };

type UserErrorFields_ForbiddenError_Fragment = { __typename: 'ForbiddenError', code: ErrorCode, message: string };

type UserErrorFields_InvalidInputError_Fragment = { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> };

type UserErrorFields_NotFoundError_Fragment = { __typename: 'NotFoundError', code: ErrorCode, message: string };

export type UserErrorFieldsFragment =
  | UserErrorFields_ConflictError_Fragment
  | UserErrorFields_ForbiddenError_Fragment
  | UserErrorFields_InvalidInputError_Fragment
  | UserErrorFields_NotFoundError_Fragment
;

export type ServerlessContainerSummaryFragment = { id: string, name: string, image: string | null, status: ServerlessStatus, cpu: number | null, port: number | null, urls: Array<string>, createdAt: string | null, updatedAt: string | null, ram: { text: string, bytes: number | null } | null, env: Array<{ name: string, value: string }> };

export type ServerlessContainersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ServerlessContainersQuery = { serverlessContainers: { nodes: Array<{ id: string, name: string, image: string | null, status: ServerlessStatus, cpu: number | null, port: number | null, urls: Array<string>, createdAt: string | null, updatedAt: string | null, ram: { text: string, bytes: number | null } | null, env: Array<{ name: string, value: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type ServerlessContainerQueryVariables = Exact<{
  id: string | number;
  revisions?: number | null | undefined;
}>;


export type ServerlessContainerQuery = { serverlessContainer: { gpu: number | null, command: string | null, arguments: Array<string> | null, id: string, name: string, image: string | null, status: ServerlessStatus, cpu: number | null, port: number | null, urls: Array<string>, createdAt: string | null, updatedAt: string | null, ephemeralStorage: { text: string, bytes: number | null } | null, gpuModels: Array<{ code: string, name: string }>, activeRevision: { id: string, number: number, status: RevisionStatus | null } | null, revisions: { nodes: Array<{ id: string, number: number, image: string | null, status: RevisionStatus | null, serving: boolean | null, createdAt: string | null }> }, containerImage: { id: string, label: string } | null, ram: { text: string, bytes: number | null } | null, env: Array<{ name: string, value: string }> } | null };

export type GpuModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type GpuModelsQuery = { gpuModels: { nodes: Array<{ id: string, code: string, name: string }> } | null };

export type CreateServerlessContainerMutationVariables = Exact<{
  input: CreateServerlessContainerInput;
}>;


export type CreateServerlessContainerMutation = { createServerlessContainer:
    | { __typename: 'CreateServerlessContainerSuccess', serverlessContainer: { id: string, name: string, image: string | null, status: ServerlessStatus, cpu: number | null, port: number | null, urls: Array<string>, createdAt: string | null, updatedAt: string | null, ram: { text: string, bytes: number | null } | null, env: Array<{ name: string, value: string }> } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
   };

export type UpdateServerlessContainerMutationVariables = Exact<{
  input: UpdateServerlessContainerInput;
}>;


export type UpdateServerlessContainerMutation = { updateServerlessContainer:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UpdateServerlessContainerSuccess', serverlessContainer: { id: string, name: string, image: string | null, status: ServerlessStatus, cpu: number | null, port: number | null, urls: Array<string>, createdAt: string | null, updatedAt: string | null, ram: { text: string, bytes: number | null } | null, env: Array<{ name: string, value: string }> } }
   };

export type DeleteServerlessContainerMutationVariables = Exact<{
  input: DeleteServerlessContainerInput;
}>;


export type DeleteServerlessContainerMutation = { deleteServerlessContainer:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'DeleteServerlessContainerSuccess', deletedId: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
   };

export type VmImageSummaryFragment = { id: string, name: string | null, status: VmImageStatus, visibility: VmImageVisibility, diskFormat: DiskFormat | null, containerFormat: ContainerFormat | null, size: number | null, virtualSize: number | null, tags: Array<string>, createdAt: string, updatedAt: string, downloadUrl: string | null, uploadUrl: string | null };

export type VmImagesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: VmImageFilter | null | undefined;
  sort?: Array<VmImageSort> | VmImageSort | null | undefined;
}>;


export type VmImagesQuery = { vmImages: { nodes: Array<{ id: string, name: string | null, status: VmImageStatus, visibility: VmImageVisibility, diskFormat: DiskFormat | null, containerFormat: ContainerFormat | null, size: number | null, virtualSize: number | null, tags: Array<string>, createdAt: string, updatedAt: string, downloadUrl: string | null, uploadUrl: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type VmImageQueryVariables = Exact<{
  id: string | number;
}>;


export type VmImageQuery = { vmImage: { minDisk: number, minRam: number, protected: boolean, owner: string | null, checksum: string | null, id: string, name: string | null, status: VmImageStatus, visibility: VmImageVisibility, diskFormat: DiskFormat | null, containerFormat: ContainerFormat | null, size: number | null, virtualSize: number | null, tags: Array<string>, createdAt: string, updatedAt: string, downloadUrl: string | null, uploadUrl: string | null, properties: Array<{ name: string, value: string }> } | null };

export type CreateVmImageMutationVariables = Exact<{
  input: CreateVmImageInput;
}>;


export type CreateVmImageMutation = { createVmImage:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'CreateVmImageSuccess', vmImage: { id: string, name: string | null, status: VmImageStatus, visibility: VmImageVisibility, diskFormat: DiskFormat | null, containerFormat: ContainerFormat | null, size: number | null, virtualSize: number | null, tags: Array<string>, createdAt: string, updatedAt: string, downloadUrl: string | null, uploadUrl: string | null } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
   };

export type DeleteVmImageMutationVariables = Exact<{
  input: DeleteVmImageInput;
}>;


export type DeleteVmImageMutation = { deleteVmImage:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'DeleteVmImageSuccess', deletedId: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
   };

export const CiImageSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CiImageSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CiImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"namespace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]} as unknown as DocumentNode<CiImageSummaryFragment, unknown>;
export const ContainerImageSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerImageSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"roleClass"}},{"kind":"Field","name":{"kind":"Name","value":"imageReference"}},{"kind":"Field","name":{"kind":"Name","value":"minCpu"}},{"kind":"Field","name":{"kind":"Name","value":"minMemory"}},{"kind":"Field","name":{"kind":"Name","value":"isSystemImage"}},{"kind":"Field","name":{"kind":"Name","value":"ingressParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"proto"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccess"}}]}}]}}]} as unknown as DocumentNode<ContainerImageSummaryFragment, unknown>;
export const ContainerSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"requestedState"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memoryPercent"}},{"kind":"Field","name":{"kind":"Name","value":"localIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"imageReference"}}]}}]}}]} as unknown as DocumentNode<ContainerSummaryFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const ServerlessContainerSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerlessContainerSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerlessContainer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"ram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"urls"}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ServerlessContainerSummaryFragment, unknown>;
export const VmImageSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VmImageSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VmImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"containerFormat"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"virtualSize"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}}]}}]} as unknown as DocumentNode<VmImageSummaryFragment, unknown>;
export const ImagesDocument = {"__meta__":{"hash":"sha256:49dc565fc69b25b19ab1e05b2bb4833f2bfb77c06287b743b3f4f48d5e27050f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Images"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VmImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CiImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"driver"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ImagesQuery, ImagesQueryVariables>;
export const WorkloadsDocument = {"__meta__":{"hash":"sha256:9ad13b0886e9ab2fbf09d9de16853b12a924745971ab04e71c894c2700e126d6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Workloads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkloadKind"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workloads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerlessContainer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WorkloadsQuery, WorkloadsQueryVariables>;
export const SearchDocument = {"__meta__":{"hash":"sha256:39cf26c2ee81e1313ddb3edddc9a3f944984f1d8c5f230bf12a56a8d50741929"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Search"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Image"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","alias":{"kind":"Name","value":"imageName"},"name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchQuery, SearchQueryVariables>;
export const CiImagesDocument = {"__meta__":{"hash":"sha256:72e4285613c68af12366de7e6a620317bf3b78019162e292743a8eb3abbba3c0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CiImages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ciImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CiImageSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CiImageSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CiImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"namespace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]} as unknown as DocumentNode<CiImagesQuery, CiImagesQueryVariables>;
export const CiImageDocument = {"__meta__":{"hash":"sha256:b14021dd6c959652dc21757825b05073218d198c817e69bcad2916513268a979"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CiImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ciImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CiImageSummary"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CiImageSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CiImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"namespace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]} as unknown as DocumentNode<CiImageQuery, CiImageQueryVariables>;
export const ContainerImagesDocument = {"__meta__":{"hash":"sha256:bc1a0350f3a47a92b6143bd1e20fc1fef740f2d6c10a701567b4e1ed76c66ac7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerImages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImageScope"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerImageSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerImageSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"roleClass"}},{"kind":"Field","name":{"kind":"Name","value":"imageReference"}},{"kind":"Field","name":{"kind":"Name","value":"minCpu"}},{"kind":"Field","name":{"kind":"Name","value":"minMemory"}},{"kind":"Field","name":{"kind":"Name","value":"isSystemImage"}},{"kind":"Field","name":{"kind":"Name","value":"ingressParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"proto"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccess"}}]}}]}}]} as unknown as DocumentNode<ContainerImagesQuery, ContainerImagesQueryVariables>;
export const ContainerImageDocument = {"__meta__":{"hash":"sha256:6e97d5652cfb9ffcbfecde3606c6866a3f35a05cd12e7ebedfc46dab3993502d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerImageSummary"}},{"kind":"Field","name":{"kind":"Name","value":"envParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"paramType"}},{"kind":"Field","name":{"kind":"Name","value":"envValue"}},{"kind":"Field","name":{"kind":"Name","value":"staticValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"mountPath"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredContainers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serverlessContainers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerImageSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"roleClass"}},{"kind":"Field","name":{"kind":"Name","value":"imageReference"}},{"kind":"Field","name":{"kind":"Name","value":"minCpu"}},{"kind":"Field","name":{"kind":"Name","value":"minMemory"}},{"kind":"Field","name":{"kind":"Name","value":"isSystemImage"}},{"kind":"Field","name":{"kind":"Name","value":"ingressParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"proto"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccess"}}]}}]}}]} as unknown as DocumentNode<ContainerImageQuery, ContainerImageQueryVariables>;
export const ContainersDocument = {"__meta__":{"hash":"sha256:bfc5ccf7d09736678e140f30e5f87435d25d471a29d0f4655aa96ef03e9a9d32"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Containers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"requestedState"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memoryPercent"}},{"kind":"Field","name":{"kind":"Name","value":"localIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"imageReference"}}]}}]}}]} as unknown as DocumentNode<ContainersQuery, ContainersQueryVariables>;
export const ContainerDocument = {"__meta__":{"hash":"sha256:c1033d9f99205bd7d78613892fb55acb5a26cfa7c653c61480e49e5565878cb6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Container"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"logLimit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"container"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerSummary"}},{"kind":"Field","name":{"kind":"Name","value":"ingressRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"proto"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccess"}},{"kind":"Field","name":{"kind":"Name","value":"portNat"}}]}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"logLimit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"processes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pid"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"cpuTime"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"requestedState"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memoryPercent"}},{"kind":"Field","name":{"kind":"Name","value":"localIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"imageReference"}}]}}]}}]} as unknown as DocumentNode<ContainerQuery, ContainerQueryVariables>;
export const PowerContainerDocument = {"__meta__":{"hash":"sha256:a3f069b7e325d1c396f25eac25b2e18876ee0a5932533597636231668d6cd9f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PowerContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PowerContainerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"powerContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PowerContainerSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"container"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"requestedState"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PowerContainerMutation, PowerContainerMutationVariables>;
export const ContainerLogTailDocument = {"__meta__":{"hash":"sha256:3e23cc50cf008bd24cbe0bb6c3d46041454f202904144baa09ba10adab35fd43"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerLogTail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"container"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"containerName"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ContainerLogTailQuery, ContainerLogTailQueryVariables>;
export const ContainerMetricsWindowDocument = {"__meta__":{"hash":"sha256:6312aa430307a52260f472a169e237eca9e69242a6f5d4bfef118d47348a437e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerMetricsWindow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"container"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cpuUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memoryUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"megabytes"}}]}}]}}]}}]} as unknown as DocumentNode<ContainerMetricsWindowQuery, ContainerMetricsWindowQueryVariables>;
export const ContainerStatusDocument = {"__meta__":{"hash":"sha256:1b97582513f34ffe3e1d3b5ef5cbbcc5f8634a8bc6ce5adea10c0dc6f0a5400f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"container"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"requestedState"}}]}}]}}]} as unknown as DocumentNode<ContainerStatusQuery, ContainerStatusQueryVariables>;
export const ContainerLogsDocument = {"__meta__":{"hash":"sha256:2ff0f2991e7b996ec83b68a03d739f57be72bcdc3c19f6c5050ed88adcab5bef"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ContainerLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"containerName"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ContainerLogsSubscription, ContainerLogsSubscriptionVariables>;
export const ContainerStateDocument = {"__meta__":{"hash":"sha256:42c905cae3a21d31931b9530b82f6b613d34412af7533f26568c76dc814c5c48"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ContainerState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerState"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"requestedState"}}]}}]}}]} as unknown as DocumentNode<ContainerStateSubscription, ContainerStateSubscriptionVariables>;
export const ContainerMetricsDocument = {"__meta__":{"hash":"sha256:5a6cef2f6db4bb2f10d87db16a909594f0775a67ca1a9c64a9e91895735e5cee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ContainerMetrics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMegabytes"}}]}}]}}]} as unknown as DocumentNode<ContainerMetricsSubscription, ContainerMetricsSubscriptionVariables>;
export const ServerlessContainersDocument = {"__meta__":{"hash":"sha256:b698447f09c3397acf930c4787cf3651f729a80571e445ca67b244aaf4add8a3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServerlessContainers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverlessContainers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerlessContainerSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerlessContainerSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerlessContainer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"ram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"urls"}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ServerlessContainersQuery, ServerlessContainersQueryVariables>;
export const ServerlessContainerDocument = {"__meta__":{"hash":"sha256:e22b5eb15f9c9f711c7a8d7b67225b06b0bd53e4733713a3e0da5a204160f980"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServerlessContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"revisions"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverlessContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerlessContainerSummary"}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralStorage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gpu"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"activeRevision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"revisions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"serving"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"containerImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerlessContainerSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerlessContainer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"ram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"urls"}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ServerlessContainerQuery, ServerlessContainerQueryVariables>;
export const GpuModelsDocument = {"__meta__":{"hash":"sha256:4ef1f2ead33f2c2d62c16375ab3e7c8a9e7a7e16a0f4a6b21d43f0c85cf5b959"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GpuModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gpuModels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<GpuModelsQuery, GpuModelsQueryVariables>;
export const CreateServerlessContainerDocument = {"__meta__":{"hash":"sha256:83e29d9165723ef76851a697f6d0eaee8b09c297ce7a5bee5f2a8e86a943c0df"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateServerlessContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateServerlessContainerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createServerlessContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateServerlessContainerSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverlessContainer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerlessContainerSummary"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerlessContainerSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerlessContainer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"ram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"urls"}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateServerlessContainerMutation, CreateServerlessContainerMutationVariables>;
export const UpdateServerlessContainerDocument = {"__meta__":{"hash":"sha256:8e5c282380e11680153a23c8070080433b76e4b1f29ce6a811fc7be66d6b5dea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateServerlessContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateServerlessContainerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateServerlessContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateServerlessContainerSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverlessContainer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerlessContainerSummary"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerlessContainerSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerlessContainer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"ram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"urls"}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateServerlessContainerMutation, UpdateServerlessContainerMutationVariables>;
export const DeleteServerlessContainerDocument = {"__meta__":{"hash":"sha256:a79534d072a24eb11e27f05c49a68483c5e92945e8f0176562dc386e002c66a3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteServerlessContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteServerlessContainerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteServerlessContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteServerlessContainerSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteServerlessContainerMutation, DeleteServerlessContainerMutationVariables>;
export const VmImagesDocument = {"__meta__":{"hash":"sha256:ec04ec0a137e96210e863d415fe7e86bd33cafecac693f7e43adb732cef38900"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VmImages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VmImageFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VmImageSort"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vmImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VmImageSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VmImageSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VmImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"containerFormat"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"virtualSize"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}}]}}]} as unknown as DocumentNode<VmImagesQuery, VmImagesQueryVariables>;
export const VmImageDocument = {"__meta__":{"hash":"sha256:029b370f68851b61455fc1b312d5de2ba1f5680d09b2016529c451653cbfac3b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VmImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vmImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VmImageSummary"}},{"kind":"Field","name":{"kind":"Name","value":"minDisk"}},{"kind":"Field","name":{"kind":"Name","value":"minRam"}},{"kind":"Field","name":{"kind":"Name","value":"protected"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"properties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VmImageSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VmImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"containerFormat"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"virtualSize"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}}]}}]} as unknown as DocumentNode<VmImageQuery, VmImageQueryVariables>;
export const CreateVmImageDocument = {"__meta__":{"hash":"sha256:e220af1acadca0100b1696c5ee398dc9827154f9b6b4a20341c8478ed7a86fe6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateVmImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateVmImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createVmImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateVmImageSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vmImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VmImageSummary"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VmImageSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VmImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"containerFormat"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"virtualSize"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateVmImageMutation, CreateVmImageMutationVariables>;
export const DeleteVmImageDocument = {"__meta__":{"hash":"sha256:0475ca6b2d1e3f4797c29bf451a1070e8301aeadfba7e589cdb9471d8996fa13"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteVmImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteVmImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteVmImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteVmImageSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteVmImageMutation, DeleteVmImageMutationVariables>;