import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { PROJECT_MAIN, PROJECT_OTHER } from '../principals.js';
import type { ImageRecord, ImageStatus, Visibility } from './image.js';
import { buildQcow2Header } from '../qcow2.js';
import type { VmImageStore } from './store.js';
import { deterministicUuid } from '../uuid.js';
import { virtualSizeOf } from './virtual-size.js';

/** A third project that no principal belongs to: a vendor publishing community and private images. */
const PROJECT_VENDOR = '7c1e5a9d3b2f4086a4d6e8f0b1c3d5e7';

type Owner = 'main' | 'other' | 'vendor';
const PROJECTS: Record<Owner, string> = { main: PROJECT_MAIN, other: PROJECT_OTHER, vendor: PROJECT_VENDOR };
const GiB = 1024 ** 3;
const DAY = 86_400_000;
/** "Now" for the `created` dates below. */
const SEED_ANCHOR = Date.parse('2025-11-22T00:00:00Z');

interface Seed {
  slug: string;
  name: string;
  owner: Owner;
  visibility: Visibility;
  status: ImageStatus;
  disk?: string;
  container?: string;
  minDisk?: number;
  minRam?: number;
  tags: string[];
  props?: Record<string, string>;
  protected?: boolean;
  hidden?: boolean;
  members?: Array<[Owner, 'accepted' | 'pending' | 'rejected']>;
  created: string;
  /** Guest disk size written into the QCOW2 header of qcow2 images with data. */
  virtual?: number;
  /** KiB of data on disk, for images that hold data. */
  kib?: number;
}

const os = (distro: string, version: string, bus?: string): Record<string, string> =>
  bus === undefined ? { os_distro: distro, os_version: version } : { os_distro: distro, os_version: version, hw_disk_bus: bus };

/** The seed catalogue: realistic names, mostly PROJECT_MAIN's, dates spread over eight months. */
// biome-ignore format: seed data, one record per line, reads as a table
const SEEDS: readonly Seed[] = [
  { slug: 'ubuntu-24.04', name: 'ubuntu-24.04-server-cloudimg-amd64', owner: 'main', visibility: 'public', status: 'active', disk: 'qcow2', minDisk: 10, minRam: 1024, tags: ['ubuntu', 'lts', 'cloud-init'], props: { ...os('ubuntu', '24.04', 'virtio'), hw_qemu_guest_agent: 'yes' }, created: '2025-04-25T10:12:00Z', virtual: 3.5 * GiB, kib: 8 },
  { slug: 'ubuntu-22.04', name: 'ubuntu-22.04-server-cloudimg-amd64', owner: 'main', visibility: 'public', status: 'active', disk: 'qcow2', minDisk: 10, minRam: 1024, tags: ['ubuntu', 'lts', 'cloud-init'], props: os('ubuntu', '22.04', 'virtio'), protected: true, created: '2025-03-02T08:00:00Z', virtual: 2.2 * GiB, kib: 6 },
  { slug: 'ubuntu-24.04-minimal', name: 'ubuntu-24.04-minimal-cloudimg-amd64', owner: 'main', visibility: 'public', status: 'active', disk: 'raw', minDisk: 5, minRam: 512, tags: ['ubuntu', 'minimal'], props: os('ubuntu', '24.04', 'virtio'), created: '2025-05-14T12:30:00Z', kib: 4 },
  { slug: 'debian-12', name: 'debian-12-genericcloud-amd64', owner: 'main', visibility: 'public', status: 'active', disk: 'qcow2', minDisk: 3, minRam: 512, tags: ['debian', 'cloud-init'], props: os('debian', '12', 'virtio'), created: '2025-06-10T07:45:00Z', virtual: 2 * GiB, kib: 6 },
  { slug: 'debian-12-nocloud', name: 'debian-12-nocloud-amd64', owner: 'main', visibility: 'private', status: 'active', disk: 'raw', minDisk: 3, tags: ['debian'], props: { ...os('debian', '12', 'scsi'), hw_scsi_model: 'virtio-scsi' }, created: '2025-06-11T09:00:00Z', kib: 4 },
  { slug: 'fedora-40', name: 'Fedora-Cloud-Base-Generic-40', owner: 'main', visibility: 'public', status: 'active', disk: 'qcow2', minDisk: 5, minRam: 1024, tags: ['fedora'], props: os('fedora', '40', 'virtio'), created: '2025-04-23T15:20:00Z', virtual: 5 * GiB, kib: 6 },
  { slug: 'fedora-39', name: 'Fedora-Cloud-Base-39', owner: 'main', visibility: 'public', status: 'deactivated', disk: 'qcow2', minDisk: 5, minRam: 1024, tags: ['fedora', 'eol'], props: os('fedora', '39', 'virtio'), created: '2025-03-15T11:00:00Z', virtual: 5 * GiB, kib: 5 },
  { slug: 'cirros-0.6.2', name: 'cirros-0.6.2-x86_64-disk', owner: 'main', visibility: 'public', status: 'active', disk: 'qcow2', minDisk: 1, minRam: 64, tags: ['cirros', 'test'], props: os('cirros', '0.6.2', 'virtio'), created: '2025-03-20T09:30:00Z', virtual: 112 * 1024 ** 2, kib: 4 },
  { slug: 'cirros-0.5.2', name: 'cirros-0.5.2-x86_64-disk', owner: 'main', visibility: 'public', status: 'active', disk: 'qcow2', minDisk: 1, minRam: 64, tags: ['cirros', 'test'], props: os('cirros', '0.5.2', 'virtio'), hidden: true, created: '2025-03-05T09:00:00Z', virtual: 112 * 1024 ** 2, kib: 4 },
  { slug: 'windows-2022', name: 'windows-server-2022-standard-eval', owner: 'main', visibility: 'private', status: 'active', disk: 'qcow2', minDisk: 40, minRam: 4096, tags: ['windows', 'eval'], props: { ...os('windows', '2022', 'sata'), os_type: 'windows', hw_firmware_type: 'uefi' }, created: '2025-07-01T13:00:00Z', virtual: 40 * GiB, kib: 12 },
  { slug: 'windows-2019', name: 'windows-server-2019-standard', owner: 'main', visibility: 'private', status: 'queued', disk: 'vhd', minDisk: 40, minRam: 4096, tags: ['windows'], props: { ...os('windows', '2019'), os_type: 'windows' }, created: '2025-07-03T13:00:00Z' },
  { slug: 'alpine-3.20', name: 'alpine-virt-3.20.3-x86_64', owner: 'main', visibility: 'public', status: 'active', disk: 'iso', minRam: 256, tags: ['alpine', 'iso'], props: os('alpine', '3.20', 'ide'), created: '2025-08-05T10:00:00Z', kib: 4 },
  { slug: 'alpine-3.19', name: 'alpine-3.19-cloud', owner: 'main', visibility: 'community', status: 'active', disk: 'raw', minDisk: 1, tags: ['alpine', 'community'], props: os('alpine', '3.19', 'virtio'), created: '2025-03-28T16:40:00Z', kib: 4 },
  { slug: 'rocky-9.4', name: 'Rocky-9-GenericCloud-9.4', owner: 'main', visibility: 'public', status: 'active', disk: 'qcow2', minDisk: 10, minRam: 1024, tags: ['rocky', 'rhel-compatible'], props: os('rocky', '9.4', 'virtio'), created: '2025-05-22T14:00:00Z', virtual: 10 * GiB, kib: 6 },
  { slug: 'rocky-8.10', name: 'Rocky-8-GenericCloud-8.10', owner: 'main', visibility: 'shared', status: 'active', disk: 'qcow2', minDisk: 10, minRam: 1024, tags: ['rocky', 'rhel-compatible'], props: os('rocky', '8.10', 'virtio'), members: [['other', 'accepted']], created: '2025-05-20T14:00:00Z', virtual: 10 * GiB, kib: 5 },
  { slug: 'almalinux-9.4', name: 'AlmaLinux-9-GenericCloud-9.4', owner: 'main', visibility: 'shared', status: 'active', disk: 'qcow2', minDisk: 10, minRam: 1024, tags: ['almalinux', 'rhel-compatible'], props: os('almalinux', '9.4', 'virtio'), members: [['other', 'pending']], created: '2025-06-02T08:10:00Z', virtual: 10 * GiB, kib: 5 },
  { slug: 'centos-stream-9', name: 'CentOS-Stream-GenericCloud-9', owner: 'main', visibility: 'shared', status: 'active', disk: 'qcow2', minDisk: 10, minRam: 1024, tags: ['centos'], props: os('centos', '9', 'virtio'), members: [['other', 'rejected']], created: '2025-06-18T17:25:00Z', virtual: 8 * GiB, kib: 5 },
  { slug: 'opensuse-15.6', name: 'openSUSE-Leap-15.6-Minimal-VM', owner: 'main', visibility: 'public', status: 'queued', disk: 'qcow2', minDisk: 5, tags: ['opensuse'], props: os('opensuse', '15.6', 'virtio'), created: '2025-09-09T09:09:00Z' },
  { slug: 'arch', name: 'Arch-Linux-x86_64-cloudimg', owner: 'main', visibility: 'private', status: 'queued', tags: ['arch'], created: '2025-10-01T12:00:00Z' },
  { slug: 'freebsd-14.1', name: 'FreeBSD-14.1-RELEASE-amd64', owner: 'main', visibility: 'public', status: 'active', disk: 'raw', minDisk: 5, minRam: 512, tags: ['freebsd'], props: os('freebsd', '14.1', 'virtio'), created: '2025-07-15T18:00:00Z', kib: 8 },
  { slug: 'runner-killed', name: 'gitlab-runner-base-2025-08', owner: 'main', visibility: 'private', status: 'killed', disk: 'qcow2', tags: ['ci'], created: '2025-08-20T06:00:00Z' },
  { slug: 'k8s-1.30', name: 'k8s-node-1.30-ubuntu-22.04', owner: 'main', visibility: 'private', status: 'active', disk: 'qcow2', minDisk: 20, minRam: 2048, tags: ['kubernetes', 'k8s-1.30'], props: { ...os('ubuntu', '22.04', 'virtio'), kube_version: '1.30.4' }, created: '2025-09-01T10:00:00Z', virtual: 20 * GiB, kib: 8 },
  { slug: 'k8s-1.29', name: 'k8s-node-1.29-ubuntu-22.04', owner: 'main', visibility: 'private', status: 'active', disk: 'qcow2', minDisk: 20, minRam: 2048, tags: ['kubernetes', 'k8s-1.29', 'deprecated'], props: { ...os('ubuntu', '22.04', 'virtio'), kube_version: '1.29.8' }, created: '2025-08-01T10:00:00Z', virtual: 20 * GiB, kib: 6 },
  { slug: 'postgres-16', name: 'postgres-16-appliance', owner: 'main', visibility: 'shared', status: 'active', disk: 'qcow2', minDisk: 15, minRam: 2048, tags: ['database', 'appliance'], props: { ...os('debian', '12', 'virtio'), app: 'postgresql-16' }, members: [['other', 'accepted']], created: '2025-10-12T11:11:00Z', virtual: 15 * GiB, kib: 6 },
  { slug: 'other-hardened', name: 'ubuntu-24.04-cis-hardened', owner: 'other', visibility: 'private', status: 'active', disk: 'qcow2', minDisk: 10, minRam: 1024, tags: ['ubuntu', 'hardened'], props: os('ubuntu', '24.04', 'virtio'), created: '2025-09-15T08:00:00Z', virtual: 3.5 * GiB, kib: 6 },
  { slug: 'other-build-agent', name: 'jenkins-build-agent', owner: 'other', visibility: 'shared', status: 'active', disk: 'qcow2', minDisk: 10, minRam: 2048, tags: ['ci', 'jenkins'], props: os('debian', '12', 'virtio'), members: [['main', 'accepted']], created: '2025-10-05T07:30:00Z', virtual: 10 * GiB, kib: 5 },
  { slug: 'other-scratch', name: 'scratch-upload', owner: 'other', visibility: 'private', status: 'queued', disk: 'raw', tags: [], created: '2025-11-01T15:00:00Z' },
  { slug: 'other-debian-gpu', name: 'debian-12-nvidia-gpu', owner: 'other', visibility: 'public', status: 'active', disk: 'qcow2', minDisk: 20, minRam: 4096, tags: ['debian', 'gpu', 'nvidia'], props: { ...os('debian', '12', 'virtio'), nvidia_driver: '550' }, created: '2025-10-20T12:00:00Z', virtual: 20 * GiB, kib: 6 },
  { slug: 'other-nixos', name: 'nixos-24.05', owner: 'other', visibility: 'community', status: 'active', disk: 'qcow2', minDisk: 4, minRam: 1024, tags: ['nixos', 'community'], props: os('nixos', '24.05', 'virtio'), created: '2025-08-25T19:00:00Z', virtual: 4 * GiB, kib: 5 },
  { slug: 'vendor-firewall', name: 'opnsense-24.7-appliance', owner: 'vendor', visibility: 'community', status: 'active', disk: 'qcow2', minDisk: 20, minRam: 2048, tags: ['firewall', 'appliance'], props: os('freebsd', '14.1', 'virtio'), created: '2025-09-20T09:00:00Z', virtual: 20 * GiB, kib: 6 },
  { slug: 'vendor-rhel', name: 'rhel-9.4-byol', owner: 'vendor', visibility: 'private', status: 'active', disk: 'qcow2', minDisk: 10, minRam: 1536, tags: ['rhel'], props: os('rhel', '9.4', 'virtio'), created: '2025-07-25T09:00:00Z', virtual: 10 * GiB, kib: 6 },
  { slug: 'vendor-netbox', name: 'netbox-4.1-appliance', owner: 'vendor', visibility: 'shared', status: 'active', disk: 'qcow2', minDisk: 10, minRam: 2048, tags: ['appliance'], props: os('ubuntu', '24.04', 'virtio'), members: [['main', 'pending']], created: '2025-10-28T09:00:00Z', virtual: 10 * GiB, kib: 5 },
];

/** Deterministic UUID (version-5 layout) for a seed slug. */
function seedImageId(slug: string): string {
  return deterministicUuid(`gantry/vm-images/${slug}`);
}

/** The seed slugs with their ids, names and owners, for tests and docs. */
export const VM_IMAGE_SEEDS: ReadonlyArray<Readonly<{ slug: string; id: string; name: string; owner: string; visibility: Visibility; status: ImageStatus }>> =
  SEEDS.map((seed) => ({
    slug: seed.slug,
    id: seedImageId(seed.slug),
    name: seed.name,
    owner: PROJECTS[seed.owner],
    visibility: seed.visibility,
    status: seed.status,
  }));

/** Deterministic filler bytes (SHA-256 in counter mode), so checksums are stable across runs. */
function seedBytes(slug: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i++) blocks.push(createHash('sha256').update(`${slug}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

function seedData(seed: Seed): Buffer | undefined {
  if (seed.kib === undefined) return undefined;
  const data = seedBytes(seed.slug, seed.kib * 1024);
  if (seed.disk === 'qcow2') buildQcow2Header(Math.round(seed.virtual ?? GiB)).copy(data, 0);
  return data;
}

/**
 * Writes the seed catalogue once per data directory: blobs first, then every row in one
 * transaction with a `seeded` marker, so deletions persist and a crash mid-seed retries cleanly.
 */
export function seedVmImages(store: VmImageStore): void {
  if (store.getMeta('seeded') !== undefined) return;
  const records: ImageRecord[] = [];
  // The catalogue is written relative to SEED_ANCHOR; shift it by whole days so the newest image
  // is about three weeks old whenever a data directory is first seeded.
  const shift = Math.floor((Date.now() - SEED_ANCHOR) / DAY) * DAY;
  for (const seed of SEEDS) {
    const id = seedImageId(seed.slug);
    const created = Date.parse(seed.created) + shift;
    const data = seedData(seed);
    if (data !== undefined) writeFileSync(store.blobPath(id), data);
    records.push({
      id,
      name: seed.name,
      status: seed.status,
      visibility: seed.visibility,
      protected: seed.protected ?? false,
      container_format: seed.disk === undefined ? null : (seed.container ?? 'bare'),
      disk_format: seed.disk ?? null,
      min_disk: seed.minDisk ?? 0,
      min_ram: seed.minRam ?? 0,
      size: data?.length ?? null,
      virtual_size: data === undefined ? null : (virtualSizeOf(seed.disk ?? null, data, data.length) ?? null),
      checksum: data === undefined ? null : createHash('md5').update(data).digest('hex'),
      os_hash_algo: data === undefined ? null : 'sha512',
      os_hash_value: data === undefined ? null : createHash('sha512').update(data).digest('hex'),
      os_hidden: seed.hidden ?? false,
      owner: PROJECTS[seed.owner],
      // Updated a few days after creation, varied so sorting by updated_at differs from created_at.
      created_at: created,
      updated_at: created + (records.length % 5) * DAY + 3_600_000,
      tags: seed.tags,
      properties: new Map(Object.entries(seed.props ?? {})),
    });
  }
  store.db.transaction(() => {
    for (const record of records) store.insert(record);
    for (const seed of SEEDS) {
      for (const [member, status] of seed.members ?? []) store.addMember(seedImageId(seed.slug), PROJECTS[member], status);
    }
    store.setMeta('seeded', new Date().toISOString());
  })();
}
