/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How a volume is backed up. */
export type BackupStrategy =
  /** Copy the files. */
  | 'FILE'
  /** Dump the MySQL database. */
  | 'MYSQL';

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

/** An environment variable of the image. */
export type ContainerImageEnvParamInput = {
  /** The setting to take the value from (VARIABLE). */
  envValue?: string | null | undefined;
  /** Human label. */
  label?: string | null | undefined;
  /** Variable name. */
  name: string;
  /** Where the value comes from. */
  paramType: EnvParamType;
  /** The fixed value (STATIC). */
  staticValue?: string | null | undefined;
};

/** A port the image exposes. */
export type ContainerImageIngressParamInput = {
  /** The container itself speaks TLS. */
  backendSsl?: boolean | null | undefined;
  /** Reachable from outside the project. */
  externalAccess?: boolean | null | undefined;
  /** Port number. */
  port: number;
  /** Protocol. */
  proto: IngressProtocol;
  /** PROXY protocol option. */
  tcpProxyOpt?: TcpProxyOption | null | undefined;
};

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

/** A setting of the image; a PASSWORD one gets a generated value. */
export type ContainerImageSettingParamInput = {
  /** Human label. */
  label?: string | null | undefined;
  /** Setting name. */
  name: string;
  /** Kind of setting. */
  paramType: SettingParamType;
  /** The value (ignored for PASSWORD). */
  value?: string | null | undefined;
};

/** A volume of the image, with its backup settings. */
export type ContainerImageVolumeInput = {
  /** Back the volume up. */
  backupEnabled?: boolean | null | undefined;
  /** How often (`@daily`, a cron expression). */
  backupFrequency?: string | null | undefined;
  /** What is backed up. */
  backupStrategy?: BackupStrategy | null | undefined;
  /** Reachable over SFTP. */
  enableSftp?: boolean | null | undefined;
  /** Yearly archives kept. */
  keepAnnually?: number | null | undefined;
  /** Daily archives kept. */
  keepDaily?: number | null | undefined;
  /** Hourly archives kept. */
  keepHourly?: number | null | undefined;
  /** Monthly archives kept. */
  keepMonthly?: number | null | undefined;
  /** Weekly archives kept. */
  keepWeekly?: number | null | undefined;
  /** Human label. */
  label?: string | null | undefined;
  /** Where it is mounted (absolute path). */
  mountPath: string;
  /** Commands run after a backup. */
  postBackup?: Array<string> | null | undefined;
  /** Commands run after a restore. */
  postRestore?: Array<string> | null | undefined;
  /** Commands run before a backup. */
  preBackup?: Array<string> | null | undefined;
  /** Commands run before a restore. */
  preRestore?: Array<string> | null | undefined;
  /** Commands run when a restore fails. */
  rollback?: Array<string> | null | undefined;
};

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

/** A new container image. Label, role, roleClass, registryImagePath and registryImageTag are required. */
export type CreateContainerImageInput = {
  /** Available for new containers. */
  active?: boolean | null | undefined;
  /** Containers of it can be scaled out. */
  canScale?: boolean | null | undefined;
  /** What the image is for. */
  description?: string | null | undefined;
  /** Environment variables. */
  envParams?: Array<ContainerImageEnvParamInput> | null | undefined;
  /** Exposed ports. */
  ingressParams?: Array<ContainerImageIngressParamInput> | null | undefined;
  /** Free of charge (admins only; ignored otherwise). */
  isFree?: boolean | null | undefined;
  /** Display name (the unique `name` is derived from it). */
  label: string;
  /** Cores needed at least (fractions allowed). */
  minCpu?: number | null | undefined;
  /** Memory needed at least, in MB. */
  minMemory?: number | null | undefined;
  /** Keep stopped containers (admins only; ignored otherwise). */
  overrideAutoremove?: boolean | null | undefined;
  /** Image provider ID. */
  providerId?: number | null | undefined;
  /** The registry needs credentials. */
  registryAuth?: boolean | null | undefined;
  /** A custom registry host. */
  registryCustom?: string | null | undefined;
  /** Image path in its registry. */
  registryImagePath: string;
  /** Image tag. */
  registryImageTag: string;
  /** Registry password (write-only; never returned). */
  registryPassword?: string | null | undefined;
  /** Registry user (write-only). */
  registryUsername?: string | null | undefined;
  /** Global IDs of the images this one needs (replaces the list on update). */
  requiredContainerIds?: Array<string | number> | null | undefined;
  /** Role name, used to name generated variables. */
  role: string;
  /** Kind of service. */
  roleClass: ContainerImageRoleClass;
  /** Settings. */
  settingsParams?: Array<ContainerImageSettingParamInput> | null | undefined;
  /** Volumes. */
  volumes?: Array<ContainerImageVolumeInput> | null | undefined;
};

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

/** The image to deactivate. */
export type DeactivateVmImageInput = {
  /** Global ID of the image. */
  id: string | number;
};

/** The CI image to delete. */
export type DeleteCiImageInput = {
  /** Global ID of the image. */
  id: string | number;
};

/** The container image to delete. */
export type DeleteContainerImageInput = {
  /** Global ID of the image. */
  id: string | number;
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

/** The image to reactivate. */
export type ReactivateVmImageInput = {
  /** Global ID of the image. */
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

/** Kind of settings parameter. */
export type SettingParamType =
  /** A generated secret. */
  | 'PASSWORD'
  /** A fixed value. */
  | 'STATIC';

/** Sort order. */
export type SortDirection =
  /** Ascending. */
  | 'ASC'
  /** Descending. */
  | 'DESC';

/** PROXY protocol sent to the backend of a TCP ingress. */
export type TcpProxyOption =
  /** No PROXY protocol. */
  | 'NONE'
  /** HAProxy `send-proxy`. */
  | 'SEND_PROXY'
  /** HAProxy `send-proxy-v2`. */
  | 'SEND_PROXY_V2'
  /** HAProxy `send-proxy-v2-ssl`. */
  | 'SEND_PROXY_V2_SSL'
  /** HAProxy `send-proxy-v2-ssl-cn`. */
  | 'SEND_PROXY_V2_SSL_CN';

/** Changes to a container image; only the fields given change. */
export type UpdateContainerImageInput = {
  /** Available for new containers. */
  active?: boolean | null | undefined;
  /** Containers of it can be scaled out. */
  canScale?: boolean | null | undefined;
  /** What the image is for. */
  description?: string | null | undefined;
  /** Environment variables. */
  envParams?: Array<ContainerImageEnvParamInput> | null | undefined;
  /** Global ID of the image. */
  id: string | number;
  /** Exposed ports. */
  ingressParams?: Array<ContainerImageIngressParamInput> | null | undefined;
  /** Free of charge (admins only; ignored otherwise). */
  isFree?: boolean | null | undefined;
  /** Display name (the unique `name` is derived from it). */
  label?: string | null | undefined;
  /** Cores needed at least (fractions allowed). */
  minCpu?: number | null | undefined;
  /** Memory needed at least, in MB. */
  minMemory?: number | null | undefined;
  /** Keep stopped containers (admins only; ignored otherwise). */
  overrideAutoremove?: boolean | null | undefined;
  /** Image provider ID. */
  providerId?: number | null | undefined;
  /** The registry needs credentials. */
  registryAuth?: boolean | null | undefined;
  /** A custom registry host. */
  registryCustom?: string | null | undefined;
  /** Image path in its registry. */
  registryImagePath?: string | null | undefined;
  /** Image tag. */
  registryImageTag?: string | null | undefined;
  /** Registry password (write-only; never returned). */
  registryPassword?: string | null | undefined;
  /** Registry user (write-only). */
  registryUsername?: string | null | undefined;
  /** Global IDs of the images this one needs (replaces the list on update). */
  requiredContainerIds?: Array<string | number> | null | undefined;
  /** Role name, used to name generated variables. */
  role?: string | null | undefined;
  /** Kind of service. */
  roleClass?: ContainerImageRoleClass | null | undefined;
  /** Settings. */
  settingsParams?: Array<ContainerImageSettingParamInput> | null | undefined;
  /** Volumes. */
  volumes?: Array<ContainerImageVolumeInput> | null | undefined;
};

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

/** Changes to a VM image; only the fields given change. Sent upstream as one JSON Patch, applied all or nothing. */
export type UpdateVmImageInput = {
  /** Container format (only while QUEUED). */
  containerFormat?: ContainerFormat | null | undefined;
  /** Disk format (only while QUEUED). */
  diskFormat?: DiskFormat | null | undefined;
  /** Global ID of the image. */
  id: string | number;
  /** Disk space needed to boot, in GB. */
  minDisk?: number | null | undefined;
  /** RAM needed to boot, in MB. */
  minRam?: number | null | undefined;
  /** New display name. */
  name?: string | null | undefined;
  /** Hide the image from default lists. */
  osHidden?: boolean | null | undefined;
  /** Protect from (or allow) deletion. */
  protected?: boolean | null | undefined;
  /** Custom properties to remove (removing one that does not exist is a CONFLICT). */
  removeProperties?: Array<string> | null | undefined;
  /** Custom properties to add or overwrite. */
  setProperties?: Array<VmImagePropertyInput> | null | undefined;
  /** The whole new tag set. */
  tags?: Array<string> | null | undefined;
  /** New visibility. */
  visibility?: VmImageVisibility | null | undefined;
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

export type CiImageFieldsFragment = { id: string, upstreamId: string, name: string, driver: string, createdAt: string, downloadUrl: string, author: { username: string } | null, user: { upstreamId: string, username: string, email: string | null } | null, namespace: { name: string, path: string } | null };

export type CiImagesPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type CiImagesPageQuery = { ciImages: { edges: Array<{ cursor: string, node: { id: string, upstreamId: string, name: string, driver: string, createdAt: string, downloadUrl: string, author: { username: string } | null, user: { upstreamId: string, username: string, email: string | null } | null, namespace: { name: string, path: string } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null } } | null };

export type CiImageByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type CiImageByIdQuery = { ciImage: { id: string, upstreamId: string, name: string, driver: string, createdAt: string, downloadUrl: string, author: { username: string } | null, user: { upstreamId: string, username: string, email: string | null } | null, namespace: { name: string, path: string } | null } | null };

export type CiImageUploadUrlQueryVariables = Exact<{
  name: string;
  namespace?: string | null | undefined;
}>;


export type CiImageUploadUrlQuery = { ciImageUploadUrl: string };

export type DeleteCiImageMutationVariables = Exact<{
  input: DeleteCiImageInput;
}>;


export type DeleteCiImageMutation = { deleteCiImage:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'DeleteCiImageSuccess', deletedId: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
   };

export type ContainerImageFieldsFragment = { id: string, upstreamId: string, name: string, label: string, description: string | null, active: boolean, isLoadBalancer: boolean, canScale: boolean, role: string, roleClass: ContainerImageRoleClass, minCpu: number, minMemory: number, isFree: boolean, imageReference: string, registryImagePath: string, registryImageTag: string, ownerUserId: number | null, isSystemImage: boolean, createdAt: string, updatedAt: string, labels: Array<{ key: string, value: string }>, envParams: Array<{ name: string, paramType: EnvParamType, envValue: string | null, staticValue: string | null }>, settingsParams: Array<{ name: string, paramType: SettingParamType, value: string | null }>, ingressParams: Array<{ port: number, proto: IngressProtocol, backendSsl: boolean, externalAccess: boolean, tcpProxyOpt: TcpProxyOption | null }>, volumes: Array<{ label: string | null, mountPath: string, enableSftp: boolean, backup: { enabled: boolean, frequency: string | null, strategy: BackupStrategy | null, keepDaily: number | null, keepWeekly: number | null, preBackup: Array<string> } }> };

export type ContainerImagesPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  scope?: ContainerImageScope | null | undefined;
  label?: string | null | undefined;
}>;


export type ContainerImagesPageQuery = { containerImages: { edges: Array<{ cursor: string, node: { id: string, upstreamId: string, name: string, label: string, description: string | null, active: boolean, isLoadBalancer: boolean, canScale: boolean, role: string, roleClass: ContainerImageRoleClass, minCpu: number, minMemory: number, isFree: boolean, imageReference: string, registryImagePath: string, registryImageTag: string, ownerUserId: number | null, isSystemImage: boolean, createdAt: string, updatedAt: string, labels: Array<{ key: string, value: string }>, envParams: Array<{ name: string, paramType: EnvParamType, envValue: string | null, staticValue: string | null }>, settingsParams: Array<{ name: string, paramType: SettingParamType, value: string | null }>, ingressParams: Array<{ port: number, proto: IngressProtocol, backendSsl: boolean, externalAccess: boolean, tcpProxyOpt: TcpProxyOption | null }>, volumes: Array<{ label: string | null, mountPath: string, enableSftp: boolean, backup: { enabled: boolean, frequency: string | null, strategy: BackupStrategy | null, keepDaily: number | null, keepWeekly: number | null, preBackup: Array<string> } }> } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } | null };

export type ContainerImageDependenciesQueryVariables = Exact<{
  first: number;
}>;


export type ContainerImageDependenciesQuery = { containerImages: { nodes: Array<{ id: string, label: string, requiredContainers: Array<{ id: string, label: string, requiredContainers: Array<{ id: string, label: string }> }>, requiredBy: Array<{ id: string }> }> } | null };

export type ContainerImageByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ContainerImageByIdQuery = { containerImage: { id: string, upstreamId: string, name: string, label: string, description: string | null, active: boolean, isLoadBalancer: boolean, canScale: boolean, role: string, roleClass: ContainerImageRoleClass, minCpu: number, minMemory: number, isFree: boolean, imageReference: string, registryImagePath: string, registryImageTag: string, ownerUserId: number | null, isSystemImage: boolean, createdAt: string, updatedAt: string, requiredContainers: Array<{ id: string, label: string }>, requiredBy: Array<{ id: string, label: string }>, labels: Array<{ key: string, value: string }>, envParams: Array<{ name: string, paramType: EnvParamType, envValue: string | null, staticValue: string | null }>, settingsParams: Array<{ name: string, paramType: SettingParamType, value: string | null }>, ingressParams: Array<{ port: number, proto: IngressProtocol, backendSsl: boolean, externalAccess: boolean, tcpProxyOpt: TcpProxyOption | null }>, volumes: Array<{ label: string | null, mountPath: string, enableSftp: boolean, backup: { enabled: boolean, frequency: string | null, strategy: BackupStrategy | null, keepDaily: number | null, keepWeekly: number | null, preBackup: Array<string> } }> } | null };

export type CreateContainerImageMutationVariables = Exact<{
  input: CreateContainerImageInput;
}>;


export type CreateContainerImageMutation = { createContainerImage:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'CreateContainerImageSuccess', containerImage: { id: string, upstreamId: string, name: string, label: string, description: string | null, active: boolean, isLoadBalancer: boolean, canScale: boolean, role: string, roleClass: ContainerImageRoleClass, minCpu: number, minMemory: number, isFree: boolean, imageReference: string, registryImagePath: string, registryImageTag: string, ownerUserId: number | null, isSystemImage: boolean, createdAt: string, updatedAt: string, requiredContainers: Array<{ id: string }>, labels: Array<{ key: string, value: string }>, envParams: Array<{ name: string, paramType: EnvParamType, envValue: string | null, staticValue: string | null }>, settingsParams: Array<{ name: string, paramType: SettingParamType, value: string | null }>, ingressParams: Array<{ port: number, proto: IngressProtocol, backendSsl: boolean, externalAccess: boolean, tcpProxyOpt: TcpProxyOption | null }>, volumes: Array<{ label: string | null, mountPath: string, enableSftp: boolean, backup: { enabled: boolean, frequency: string | null, strategy: BackupStrategy | null, keepDaily: number | null, keepWeekly: number | null, preBackup: Array<string> } }> } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
   };

export type UpdateContainerImageMutationVariables = Exact<{
  input: UpdateContainerImageInput;
}>;


export type UpdateContainerImageMutation = { updateContainerImage:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UpdateContainerImageSuccess', containerImage: { id: string, upstreamId: string, name: string, label: string, description: string | null, active: boolean, isLoadBalancer: boolean, canScale: boolean, role: string, roleClass: ContainerImageRoleClass, minCpu: number, minMemory: number, isFree: boolean, imageReference: string, registryImagePath: string, registryImageTag: string, ownerUserId: number | null, isSystemImage: boolean, createdAt: string, updatedAt: string, requiredContainers: Array<{ id: string }>, labels: Array<{ key: string, value: string }>, envParams: Array<{ name: string, paramType: EnvParamType, envValue: string | null, staticValue: string | null }>, settingsParams: Array<{ name: string, paramType: SettingParamType, value: string | null }>, ingressParams: Array<{ port: number, proto: IngressProtocol, backendSsl: boolean, externalAccess: boolean, tcpProxyOpt: TcpProxyOption | null }>, volumes: Array<{ label: string | null, mountPath: string, enableSftp: boolean, backup: { enabled: boolean, frequency: string | null, strategy: BackupStrategy | null, keepDaily: number | null, keepWeekly: number | null, preBackup: Array<string> } }> } }
   };

export type DeleteContainerImageMutationVariables = Exact<{
  input: DeleteContainerImageInput;
}>;


export type DeleteContainerImageMutation = { deleteContainerImage:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'DeleteContainerImageSuccess', deletedId: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
   };

export type ContainerFieldsFragment = { id: string, upstreamId: string, name: string, state: ContainerState, requestedState: ContainerRequestedState, cpuPercent: number | null, memoryPercent: number | null, localIp: string | null, publicIp: string | null, ingressRules: Array<{ port: number, proto: IngressRuleProtocol, externalAccess: boolean }>, image: { id: string, label: string } | null };

export type ContainersPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ContainersPageQuery = { containers: { edges: Array<{ cursor: string, node: { id: string, upstreamId: string, name: string, state: ContainerState, requestedState: ContainerRequestedState, cpuPercent: number | null, memoryPercent: number | null, localIp: string | null, publicIp: string | null, ingressRules: Array<{ port: number, proto: IngressRuleProtocol, externalAccess: boolean }>, image: { id: string, label: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type ContainerByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ContainerByIdQuery = { container: { id: string, upstreamId: string, name: string, state: ContainerState, requestedState: ContainerRequestedState, cpuPercent: number | null, memoryPercent: number | null, localIp: string | null, publicIp: string | null, ingressRules: Array<{ port: number, proto: IngressRuleProtocol, externalAccess: boolean }>, image: { id: string, label: string } | null } | null };

export type ContainerActivityQueryVariables = Exact<{
  id: string | number;
  limit?: number | null | undefined;
  since?: string | null | undefined;
  until?: string | null | undefined;
}>;


export type ContainerActivityQuery = { container: { id: string, state: ContainerState, logs: Array<{ timestamp: string, containerName: string, message: string }>, processes: Array<{ pid: number, ppid: number, command: string }>, cpuUsage: Array<{ timestamp: string, percent: number }>, memoryUsage: Array<{ timestamp: string, megabytes: number }> } | null };

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

export type ServerlessFieldsFragment = { id: string, upstreamId: string, name: string, image: string | null, cpu: number | null, gpu: number | null, port: number | null, command: string | null, arguments: Array<string> | null, status: ServerlessStatus, urls: Array<string>, createdBy: string | null, createdAt: string | null, updatedAt: string | null, ram: { text: string, bytes: number | null } | null, ephemeralStorage: { text: string, bytes: number | null } | null, gpuModels: Array<{ id: string, code: string, name: string }>, env: Array<{ name: string, value: string }> };

export type RevisionFieldsFragment = { id: string, number: number, image: string | null, status: RevisionStatus | null, serving: boolean | null, createdAt: string | null, ram: { text: string, bytes: number | null } | null, env: Array<{ name: string, value: string }> };

export type ServerlessContainersPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ServerlessContainersPageQuery = { serverlessContainers: { edges: Array<{ cursor: string, node: { id: string, upstreamId: string, name: string, image: string | null, cpu: number | null, gpu: number | null, port: number | null, command: string | null, arguments: Array<string> | null, status: ServerlessStatus, urls: Array<string>, createdBy: string | null, createdAt: string | null, updatedAt: string | null, ram: { text: string, bytes: number | null } | null, ephemeralStorage: { text: string, bytes: number | null } | null, gpuModels: Array<{ id: string, code: string, name: string }>, env: Array<{ name: string, value: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type ServerlessContainerByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ServerlessContainerByIdQuery = { serverlessContainer: { id: string, upstreamId: string, name: string, image: string | null, cpu: number | null, gpu: number | null, port: number | null, command: string | null, arguments: Array<string> | null, status: ServerlessStatus, urls: Array<string>, createdBy: string | null, createdAt: string | null, updatedAt: string | null, activeRevision: { id: string, number: number, image: string | null, status: RevisionStatus | null, serving: boolean | null, createdAt: string | null, ram: { text: string, bytes: number | null } | null, env: Array<{ name: string, value: string }> } | null, revisions: { edges: Array<{ node: { id: string, number: number, image: string | null, status: RevisionStatus | null, serving: boolean | null, createdAt: string | null, ram: { text: string, bytes: number | null } | null, env: Array<{ name: string, value: string }> } }>, pageInfo: { hasNextPage: boolean } }, ram: { text: string, bytes: number | null } | null, ephemeralStorage: { text: string, bytes: number | null } | null, gpuModels: Array<{ id: string, code: string, name: string }>, env: Array<{ name: string, value: string }> } | null };

export type GpuModelsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type GpuModelsQuery = { gpuModels: { nodes: Array<{ id: string, code: string, name: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type CreateServerlessContainerMutationVariables = Exact<{
  input: CreateServerlessContainerInput;
}>;


export type CreateServerlessContainerMutation = { createServerlessContainer:
    | { __typename: 'CreateServerlessContainerSuccess', serverlessContainer: { id: string, upstreamId: string, name: string, image: string | null, cpu: number | null, gpu: number | null, port: number | null, command: string | null, arguments: Array<string> | null, status: ServerlessStatus, urls: Array<string>, createdBy: string | null, createdAt: string | null, updatedAt: string | null, ram: { text: string, bytes: number | null } | null, ephemeralStorage: { text: string, bytes: number | null } | null, gpuModels: Array<{ id: string, code: string, name: string }>, env: Array<{ name: string, value: string }> } }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'InvalidInputError', message: string, code: ErrorCode, fields: Array<{ path: Array<string>, message: string }> }
   };

export type UpdateServerlessContainerMutationVariables = Exact<{
  input: UpdateServerlessContainerInput;
}>;


export type UpdateServerlessContainerMutation = { updateServerlessContainer:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'InvalidInputError', message: string, code: ErrorCode, fields: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'UpdateServerlessContainerSuccess', serverlessContainer: { id: string, upstreamId: string, name: string, image: string | null, cpu: number | null, gpu: number | null, port: number | null, command: string | null, arguments: Array<string> | null, status: ServerlessStatus, urls: Array<string>, createdBy: string | null, createdAt: string | null, updatedAt: string | null, ram: { text: string, bytes: number | null } | null, ephemeralStorage: { text: string, bytes: number | null } | null, gpuModels: Array<{ id: string, code: string, name: string }>, env: Array<{ name: string, value: string }> } }
   };

export type DeleteServerlessContainerMutationVariables = Exact<{
  input: DeleteServerlessContainerInput;
}>;


export type DeleteServerlessContainerMutation = { deleteServerlessContainer:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'DeleteServerlessContainerSuccess', deletedId: string }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'InvalidInputError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
   };

export type VmImageFieldsFragment = { id: string, upstreamId: string, name: string | null, status: VmImageStatus, visibility: VmImageVisibility, protected: boolean, tags: Array<string>, containerFormat: ContainerFormat | null, diskFormat: DiskFormat | null, minDisk: number, minRam: number, size: number | null, virtualSize: number | null, checksum: string | null, osHashAlgo: string | null, osHashValue: string | null, osHidden: boolean, owner: string | null, createdAt: string, updatedAt: string, downloadUrl: string | null, uploadUrl: string | null, properties: Array<{ name: string, value: string }> };

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

export type VmImagesPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: VmImageFilter | null | undefined;
  sort?: Array<VmImageSort> | VmImageSort | null | undefined;
}>;


export type VmImagesPageQuery = { vmImages: { edges: Array<{ cursor: string, node: { id: string, upstreamId: string, name: string | null, status: VmImageStatus, visibility: VmImageVisibility, protected: boolean, tags: Array<string>, containerFormat: ContainerFormat | null, diskFormat: DiskFormat | null, minDisk: number, minRam: number, size: number | null, virtualSize: number | null, checksum: string | null, osHashAlgo: string | null, osHashValue: string | null, osHidden: boolean, owner: string | null, createdAt: string, updatedAt: string, downloadUrl: string | null, uploadUrl: string | null, properties: Array<{ name: string, value: string }> } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } | null };

export type VmImageByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type VmImageByIdQuery = { vmImage: { id: string, upstreamId: string, name: string | null, status: VmImageStatus, visibility: VmImageVisibility, protected: boolean, tags: Array<string>, containerFormat: ContainerFormat | null, diskFormat: DiskFormat | null, minDisk: number, minRam: number, size: number | null, virtualSize: number | null, checksum: string | null, osHashAlgo: string | null, osHashValue: string | null, osHidden: boolean, owner: string | null, createdAt: string, updatedAt: string, downloadUrl: string | null, uploadUrl: string | null, properties: Array<{ name: string, value: string }> } | null };

export type NodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'CiImage', id: string }
    | { __typename: 'Container', id: string }
    | { __typename: 'ContainerImage', id: string }
    | { __typename: 'ContainerRevision', id: string }
    | { __typename: 'GpuModel', id: string }
    | { __typename: 'ServerlessContainer', id: string }
    | { __typename: 'VmImage', name: string | null, id: string }
   | null };

export type CreateVmImageMutationVariables = Exact<{
  input: CreateVmImageInput;
}>;


export type CreateVmImageMutation = { createVmImage:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'CreateVmImageSuccess', vmImage: { id: string, upstreamId: string, name: string | null, status: VmImageStatus, visibility: VmImageVisibility, protected: boolean, tags: Array<string>, containerFormat: ContainerFormat | null, diskFormat: DiskFormat | null, minDisk: number, minRam: number, size: number | null, virtualSize: number | null, checksum: string | null, osHashAlgo: string | null, osHashValue: string | null, osHidden: boolean, owner: string | null, createdAt: string, updatedAt: string, downloadUrl: string | null, uploadUrl: string | null, properties: Array<{ name: string, value: string }> } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
   };

export type UpdateVmImageMutationVariables = Exact<{
  input: UpdateVmImageInput;
}>;


export type UpdateVmImageMutation = { updateVmImage:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UpdateVmImageSuccess', vmImage: { id: string, upstreamId: string, name: string | null, status: VmImageStatus, visibility: VmImageVisibility, protected: boolean, tags: Array<string>, containerFormat: ContainerFormat | null, diskFormat: DiskFormat | null, minDisk: number, minRam: number, size: number | null, virtualSize: number | null, checksum: string | null, osHashAlgo: string | null, osHashValue: string | null, osHidden: boolean, owner: string | null, createdAt: string, updatedAt: string, downloadUrl: string | null, uploadUrl: string | null, properties: Array<{ name: string, value: string }> } }
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

export type DeactivateVmImageMutationVariables = Exact<{
  input: DeactivateVmImageInput;
}>;


export type DeactivateVmImageMutation = { deactivateVmImage:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'DeactivateVmImageSuccess', vmImage: { id: string, status: VmImageStatus } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
   };

export type ReactivateVmImageMutationVariables = Exact<{
  input: ReactivateVmImageInput;
}>;


export type ReactivateVmImageMutation = { reactivateVmImage:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, fields: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ReactivateVmImageSuccess', vmImage: { id: string, status: VmImageStatus } }
   };

export const CiImageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CiImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CiImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"namespace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]} as unknown as DocumentNode<CiImageFieldsFragment, unknown>;
export const ContainerImageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"isLoadBalancer"}},{"kind":"Field","name":{"kind":"Name","value":"canScale"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleClass"}},{"kind":"Field","name":{"kind":"Name","value":"minCpu"}},{"kind":"Field","name":{"kind":"Name","value":"minMemory"}},{"kind":"Field","name":{"kind":"Name","value":"isFree"}},{"kind":"Field","name":{"kind":"Name","value":"imageReference"}},{"kind":"Field","name":{"kind":"Name","value":"registryImagePath"}},{"kind":"Field","name":{"kind":"Name","value":"registryImageTag"}},{"kind":"Field","name":{"kind":"Name","value":"ownerUserId"}},{"kind":"Field","name":{"kind":"Name","value":"isSystemImage"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"envParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"paramType"}},{"kind":"Field","name":{"kind":"Name","value":"envValue"}},{"kind":"Field","name":{"kind":"Name","value":"staticValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"settingsParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"paramType"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ingressParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"proto"}},{"kind":"Field","name":{"kind":"Name","value":"backendSsl"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccess"}},{"kind":"Field","name":{"kind":"Name","value":"tcpProxyOpt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"mountPath"}},{"kind":"Field","name":{"kind":"Name","value":"enableSftp"}},{"kind":"Field","name":{"kind":"Name","value":"backup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"keepDaily"}},{"kind":"Field","name":{"kind":"Name","value":"keepWeekly"}},{"kind":"Field","name":{"kind":"Name","value":"preBackup"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ContainerImageFieldsFragment, unknown>;
export const ContainerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"requestedState"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memoryPercent"}},{"kind":"Field","name":{"kind":"Name","value":"localIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"ingressRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"proto"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccess"}}]}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<ContainerFieldsFragment, unknown>;
export const ServerlessFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerlessFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerlessContainer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"ram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralStorage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gpu"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urls"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ServerlessFieldsFragment, unknown>;
export const RevisionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RevisionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerRevision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"serving"}},{"kind":"Field","name":{"kind":"Name","value":"ram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RevisionFieldsFragment, unknown>;
export const VmImageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VmImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VmImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"protected"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"containerFormat"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"minDisk"}},{"kind":"Field","name":{"kind":"Name","value":"minRam"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"virtualSize"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"osHashAlgo"}},{"kind":"Field","name":{"kind":"Name","value":"osHashValue"}},{"kind":"Field","name":{"kind":"Name","value":"osHidden"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"properties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}}]}}]} as unknown as DocumentNode<VmImageFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const CiImagesPageDocument = {"__meta__":{"hash":"sha256:585b6bdc4af7807ce64fcea510774447dc3fe135868d2821a105f65198829389"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CiImagesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ciImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CiImageFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CiImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CiImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"namespace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]} as unknown as DocumentNode<CiImagesPageQuery, CiImagesPageQueryVariables>;
export const CiImageByIdDocument = {"__meta__":{"hash":"sha256:a1dc04bd727e810db0e2e13efff6db4524e64a0d1e873c7b24fa5f1ff3b9c127"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CiImageById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ciImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CiImageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CiImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CiImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"driver"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"namespace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]} as unknown as DocumentNode<CiImageByIdQuery, CiImageByIdQueryVariables>;
export const CiImageUploadUrlDocument = {"__meta__":{"hash":"sha256:dad584d1b3ad859d32e54ade5c4b0a89e186226b285c4b61c9159b8156090f5a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CiImageUploadUrl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ciImageUploadUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"namespace"},"value":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}}}]}]}}]} as unknown as DocumentNode<CiImageUploadUrlQuery, CiImageUploadUrlQueryVariables>;
export const DeleteCiImageDocument = {"__meta__":{"hash":"sha256:eeb4237d16d9c8104bddda63a0181bb25882d3a6d33006f903780b0f6aee56e6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteCiImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteCiImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCiImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteCiImageSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteCiImageMutation, DeleteCiImageMutationVariables>;
export const ContainerImagesPageDocument = {"__meta__":{"hash":"sha256:d1d5453b9e88cd20fa87fcdc1e590041909860f66b7c73a2fc569b8e28867197"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerImagesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImageScope"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerImageFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"isLoadBalancer"}},{"kind":"Field","name":{"kind":"Name","value":"canScale"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleClass"}},{"kind":"Field","name":{"kind":"Name","value":"minCpu"}},{"kind":"Field","name":{"kind":"Name","value":"minMemory"}},{"kind":"Field","name":{"kind":"Name","value":"isFree"}},{"kind":"Field","name":{"kind":"Name","value":"imageReference"}},{"kind":"Field","name":{"kind":"Name","value":"registryImagePath"}},{"kind":"Field","name":{"kind":"Name","value":"registryImageTag"}},{"kind":"Field","name":{"kind":"Name","value":"ownerUserId"}},{"kind":"Field","name":{"kind":"Name","value":"isSystemImage"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"envParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"paramType"}},{"kind":"Field","name":{"kind":"Name","value":"envValue"}},{"kind":"Field","name":{"kind":"Name","value":"staticValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"settingsParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"paramType"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ingressParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"proto"}},{"kind":"Field","name":{"kind":"Name","value":"backendSsl"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccess"}},{"kind":"Field","name":{"kind":"Name","value":"tcpProxyOpt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"mountPath"}},{"kind":"Field","name":{"kind":"Name","value":"enableSftp"}},{"kind":"Field","name":{"kind":"Name","value":"backup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"keepDaily"}},{"kind":"Field","name":{"kind":"Name","value":"keepWeekly"}},{"kind":"Field","name":{"kind":"Name","value":"preBackup"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ContainerImagesPageQuery, ContainerImagesPageQueryVariables>;
export const ContainerImageDependenciesDocument = {"__meta__":{"hash":"sha256:7b01f8da7f251c3e48709598e8055622b698f9b3bbc7949b29d96f13ffe9ca0e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerImageDependencies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"requiredContainers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"requiredContainers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ContainerImageDependenciesQuery, ContainerImageDependenciesQueryVariables>;
export const ContainerImageByIdDocument = {"__meta__":{"hash":"sha256:a08194762fd11f6f018204b2dfb057e968611a68c5c2c2299ac1fb1c98433d37"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerImageById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerImageFields"}},{"kind":"Field","name":{"kind":"Name","value":"requiredContainers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"isLoadBalancer"}},{"kind":"Field","name":{"kind":"Name","value":"canScale"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleClass"}},{"kind":"Field","name":{"kind":"Name","value":"minCpu"}},{"kind":"Field","name":{"kind":"Name","value":"minMemory"}},{"kind":"Field","name":{"kind":"Name","value":"isFree"}},{"kind":"Field","name":{"kind":"Name","value":"imageReference"}},{"kind":"Field","name":{"kind":"Name","value":"registryImagePath"}},{"kind":"Field","name":{"kind":"Name","value":"registryImageTag"}},{"kind":"Field","name":{"kind":"Name","value":"ownerUserId"}},{"kind":"Field","name":{"kind":"Name","value":"isSystemImage"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"envParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"paramType"}},{"kind":"Field","name":{"kind":"Name","value":"envValue"}},{"kind":"Field","name":{"kind":"Name","value":"staticValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"settingsParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"paramType"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ingressParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"proto"}},{"kind":"Field","name":{"kind":"Name","value":"backendSsl"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccess"}},{"kind":"Field","name":{"kind":"Name","value":"tcpProxyOpt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"mountPath"}},{"kind":"Field","name":{"kind":"Name","value":"enableSftp"}},{"kind":"Field","name":{"kind":"Name","value":"backup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"keepDaily"}},{"kind":"Field","name":{"kind":"Name","value":"keepWeekly"}},{"kind":"Field","name":{"kind":"Name","value":"preBackup"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ContainerImageByIdQuery, ContainerImageByIdQueryVariables>;
export const CreateContainerImageDocument = {"__meta__":{"hash":"sha256:bd64a9b1fb5609cef8f0cc60edf315d5bd367362c963f5c657a31ac2d9e7c2c2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateContainerImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateContainerImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createContainerImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateContainerImageSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerImageFields"}},{"kind":"Field","name":{"kind":"Name","value":"requiredContainers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"isLoadBalancer"}},{"kind":"Field","name":{"kind":"Name","value":"canScale"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleClass"}},{"kind":"Field","name":{"kind":"Name","value":"minCpu"}},{"kind":"Field","name":{"kind":"Name","value":"minMemory"}},{"kind":"Field","name":{"kind":"Name","value":"isFree"}},{"kind":"Field","name":{"kind":"Name","value":"imageReference"}},{"kind":"Field","name":{"kind":"Name","value":"registryImagePath"}},{"kind":"Field","name":{"kind":"Name","value":"registryImageTag"}},{"kind":"Field","name":{"kind":"Name","value":"ownerUserId"}},{"kind":"Field","name":{"kind":"Name","value":"isSystemImage"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"envParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"paramType"}},{"kind":"Field","name":{"kind":"Name","value":"envValue"}},{"kind":"Field","name":{"kind":"Name","value":"staticValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"settingsParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"paramType"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ingressParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"proto"}},{"kind":"Field","name":{"kind":"Name","value":"backendSsl"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccess"}},{"kind":"Field","name":{"kind":"Name","value":"tcpProxyOpt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"mountPath"}},{"kind":"Field","name":{"kind":"Name","value":"enableSftp"}},{"kind":"Field","name":{"kind":"Name","value":"backup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"keepDaily"}},{"kind":"Field","name":{"kind":"Name","value":"keepWeekly"}},{"kind":"Field","name":{"kind":"Name","value":"preBackup"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateContainerImageMutation, CreateContainerImageMutationVariables>;
export const UpdateContainerImageDocument = {"__meta__":{"hash":"sha256:417035382d754aa10dfc0d44d351bc0168fcf8391c9528cb2822d2d07bb8f26c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateContainerImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateContainerImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateContainerImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateContainerImageSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containerImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerImageFields"}},{"kind":"Field","name":{"kind":"Name","value":"requiredContainers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"isLoadBalancer"}},{"kind":"Field","name":{"kind":"Name","value":"canScale"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleClass"}},{"kind":"Field","name":{"kind":"Name","value":"minCpu"}},{"kind":"Field","name":{"kind":"Name","value":"minMemory"}},{"kind":"Field","name":{"kind":"Name","value":"isFree"}},{"kind":"Field","name":{"kind":"Name","value":"imageReference"}},{"kind":"Field","name":{"kind":"Name","value":"registryImagePath"}},{"kind":"Field","name":{"kind":"Name","value":"registryImageTag"}},{"kind":"Field","name":{"kind":"Name","value":"ownerUserId"}},{"kind":"Field","name":{"kind":"Name","value":"isSystemImage"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"envParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"paramType"}},{"kind":"Field","name":{"kind":"Name","value":"envValue"}},{"kind":"Field","name":{"kind":"Name","value":"staticValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"settingsParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"paramType"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ingressParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"proto"}},{"kind":"Field","name":{"kind":"Name","value":"backendSsl"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccess"}},{"kind":"Field","name":{"kind":"Name","value":"tcpProxyOpt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"mountPath"}},{"kind":"Field","name":{"kind":"Name","value":"enableSftp"}},{"kind":"Field","name":{"kind":"Name","value":"backup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"keepDaily"}},{"kind":"Field","name":{"kind":"Name","value":"keepWeekly"}},{"kind":"Field","name":{"kind":"Name","value":"preBackup"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateContainerImageMutation, UpdateContainerImageMutationVariables>;
export const DeleteContainerImageDocument = {"__meta__":{"hash":"sha256:19a738e3512442f305b9d5d5b827eb0f66dc12dc700af366057ee38917fa988e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteContainerImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteContainerImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteContainerImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteContainerImageSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteContainerImageMutation, DeleteContainerImageMutationVariables>;
export const ContainersPageDocument = {"__meta__":{"hash":"sha256:3058e51132b2634f93e07b87925cb4d0114ea0c323c40c1d736a6fd9ab6e1dbc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainersPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"containers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"requestedState"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memoryPercent"}},{"kind":"Field","name":{"kind":"Name","value":"localIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"ingressRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"proto"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccess"}}]}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<ContainersPageQuery, ContainersPageQueryVariables>;
export const ContainerByIdDocument = {"__meta__":{"hash":"sha256:feae6aa78562cf361a095a9affc1445bc2abfa0c9a9abcc81876fb3344902a4d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"container"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContainerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContainerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Container"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"requestedState"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memoryPercent"}},{"kind":"Field","name":{"kind":"Name","value":"localIp"}},{"kind":"Field","name":{"kind":"Name","value":"publicIp"}},{"kind":"Field","name":{"kind":"Name","value":"ingressRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"proto"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccess"}}]}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<ContainerByIdQuery, ContainerByIdQueryVariables>;
export const ContainerActivityDocument = {"__meta__":{"hash":"sha256:c9913cbfebecd6be70a56b63fca23f4dc3f7827cf2d612b7e7a762bbffcdfc17"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContainerActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"container"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"containerName"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"processes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pid"}},{"kind":"Field","name":{"kind":"Name","value":"ppid"}},{"kind":"Field","name":{"kind":"Name","value":"command"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cpuUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memoryUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"megabytes"}}]}}]}}]}}]} as unknown as DocumentNode<ContainerActivityQuery, ContainerActivityQueryVariables>;
export const PowerContainerDocument = {"__meta__":{"hash":"sha256:a3f069b7e325d1c396f25eac25b2e18876ee0a5932533597636231668d6cd9f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PowerContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PowerContainerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"powerContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PowerContainerSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"container"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"requestedState"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PowerContainerMutation, PowerContainerMutationVariables>;
export const ServerlessContainersPageDocument = {"__meta__":{"hash":"sha256:3ad398eb4605f2a329cdc927ffe90874a25e87d73b46e62212175be02a45fcd2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServerlessContainersPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverlessContainers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerlessFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerlessFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerlessContainer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"ram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralStorage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gpu"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urls"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ServerlessContainersPageQuery, ServerlessContainersPageQueryVariables>;
export const ServerlessContainerByIdDocument = {"__meta__":{"hash":"sha256:b1193a16b9b5e00897a9d8dd80112ad24c1f7bfb6a64db36e60bed7f9b155621"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServerlessContainerById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverlessContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerlessFields"}},{"kind":"Field","name":{"kind":"Name","value":"activeRevision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RevisionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RevisionFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerlessFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerlessContainer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"ram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralStorage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gpu"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urls"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RevisionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContainerRevision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"serving"}},{"kind":"Field","name":{"kind":"Name","value":"ram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<ServerlessContainerByIdQuery, ServerlessContainerByIdQueryVariables>;
export const GpuModelsDocument = {"__meta__":{"hash":"sha256:63198a172975ba41f1202cf9d4f60ca89d908fce0fcf89fc0a7aa6e5856435c5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GpuModels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gpuModels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<GpuModelsQuery, GpuModelsQueryVariables>;
export const CreateServerlessContainerDocument = {"__meta__":{"hash":"sha256:709e17168baa00c4ab5e01102a1d22f40284e007f7140f8713408c87dcc8d5d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateServerlessContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateServerlessContainerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createServerlessContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateServerlessContainerSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverlessContainer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerlessFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerlessFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerlessContainer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"ram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralStorage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gpu"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urls"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateServerlessContainerMutation, CreateServerlessContainerMutationVariables>;
export const UpdateServerlessContainerDocument = {"__meta__":{"hash":"sha256:e06e708856044069eecbc32ee1e2672908ca81b954c1745930b358d6de671eb3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateServerlessContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateServerlessContainerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateServerlessContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateServerlessContainerSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverlessContainer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerlessFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerlessFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerlessContainer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"ram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ephemeralStorage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gpu"}},{"kind":"Field","name":{"kind":"Name","value":"gpuModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urls"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateServerlessContainerMutation, UpdateServerlessContainerMutationVariables>;
export const DeleteServerlessContainerDocument = {"__meta__":{"hash":"sha256:9b9b26515b4b2afe82d3e9ad2e008a198bcdc751a7b11ffc6ee3934bb0494b86"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteServerlessContainer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteServerlessContainerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteServerlessContainer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteServerlessContainerSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteServerlessContainerMutation, DeleteServerlessContainerMutationVariables>;
export const VmImagesPageDocument = {"__meta__":{"hash":"sha256:60d2c4a921bb346d91ec5caacea4409191c27bf639713cc17174a64e93722ebd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VmImagesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VmImageFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VmImageSort"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vmImages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VmImageFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VmImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VmImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"protected"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"containerFormat"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"minDisk"}},{"kind":"Field","name":{"kind":"Name","value":"minRam"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"virtualSize"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"osHashAlgo"}},{"kind":"Field","name":{"kind":"Name","value":"osHashValue"}},{"kind":"Field","name":{"kind":"Name","value":"osHidden"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"properties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}}]}}]} as unknown as DocumentNode<VmImagesPageQuery, VmImagesPageQueryVariables>;
export const VmImageByIdDocument = {"__meta__":{"hash":"sha256:ced90e61f805147fb7d0291f06c8b905508d5971de34ac10fd24f5131d4d868e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VmImageById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vmImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VmImageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VmImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VmImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"protected"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"containerFormat"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"minDisk"}},{"kind":"Field","name":{"kind":"Name","value":"minRam"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"virtualSize"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"osHashAlgo"}},{"kind":"Field","name":{"kind":"Name","value":"osHashValue"}},{"kind":"Field","name":{"kind":"Name","value":"osHidden"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"properties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}}]}}]} as unknown as DocumentNode<VmImageByIdQuery, VmImageByIdQueryVariables>;
export const NodeByIdDocument = {"__meta__":{"hash":"sha256:3bd53373be50848c0489659f6d9c25d2a750499a8845531c9715d58b359722d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VmImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const CreateVmImageDocument = {"__meta__":{"hash":"sha256:7405fceb7e32f48bb5fef909866a0ba98b049f247d740e9401b42553000144e7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateVmImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateVmImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createVmImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateVmImageSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vmImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VmImageFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VmImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VmImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"protected"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"containerFormat"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"minDisk"}},{"kind":"Field","name":{"kind":"Name","value":"minRam"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"virtualSize"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"osHashAlgo"}},{"kind":"Field","name":{"kind":"Name","value":"osHashValue"}},{"kind":"Field","name":{"kind":"Name","value":"osHidden"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"properties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateVmImageMutation, CreateVmImageMutationVariables>;
export const UpdateVmImageDocument = {"__meta__":{"hash":"sha256:8df20ef40ab5ca6d34a6f7cc0bcfe77c02447bd9fb4febc7fb7ebade2feff6af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateVmImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateVmImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateVmImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateVmImageSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vmImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VmImageFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VmImageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"VmImage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"protected"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"containerFormat"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"minDisk"}},{"kind":"Field","name":{"kind":"Name","value":"minRam"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"virtualSize"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"osHashAlgo"}},{"kind":"Field","name":{"kind":"Name","value":"osHashValue"}},{"kind":"Field","name":{"kind":"Name","value":"osHidden"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"properties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateVmImageMutation, UpdateVmImageMutationVariables>;
export const DeleteVmImageDocument = {"__meta__":{"hash":"sha256:0475ca6b2d1e3f4797c29bf451a1070e8301aeadfba7e589cdb9471d8996fa13"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteVmImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteVmImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteVmImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteVmImageSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteVmImageMutation, DeleteVmImageMutationVariables>;
export const DeactivateVmImageDocument = {"__meta__":{"hash":"sha256:2ae17744bfbfce8efa21b14164ed62fa39f339fa943ba0c1d3f34ced4febd4f9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeactivateVmImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeactivateVmImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivateVmImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeactivateVmImageSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vmImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeactivateVmImageMutation, DeactivateVmImageMutationVariables>;
export const ReactivateVmImageDocument = {"__meta__":{"hash":"sha256:d1d1f8d99fb9e257f84c03a32c2f80c9c53a6e7477c13c6d1620891774381262"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReactivateVmImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReactivateVmImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reactivateVmImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReactivateVmImageSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vmImage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReactivateVmImageMutation, ReactivateVmImageMutationVariables>;