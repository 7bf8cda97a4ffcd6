/** The QCOW2 magic, `QFI\xfb`. */
const QCOW2_MAGIC = Buffer.from([0x51, 0x46, 0x49, 0xfb]);

/** Bytes needed from the start of a file to read its QCOW2 virtual size. */
export const QCOW2_HEADER_BYTES = 32;

/** What the QCOW2 header says about an image. */
export interface Qcow2Header {
  version: 2 | 3;
  /** Size of the guest disk in bytes (header offset 24, u64 big-endian). */
  virtualSize: number;
}

/**
 * Reads a QCOW2 header from the first bytes of a file. Returns undefined when the bytes are
 * too short, the magic or version is wrong, or the size does not fit a JS number exactly.
 */
export function parseQcow2Header(bytes: Uint8Array): Qcow2Header | undefined {
  if (bytes.length < QCOW2_HEADER_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < QCOW2_MAGIC.length; i++) {
    if (bytes[i] !== QCOW2_MAGIC[i]) return undefined;
  }
  const version = view.getUint32(4, false);
  if (version !== 2 && version !== 3) return undefined;
  const size = view.getBigUint64(24, false);
  if (size > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { version, virtualSize: Number(size) };
}

/**
 * A plausible QCOW2 header (64 KiB clusters, no backing file, no encryption) for a disk of
 * `virtualSize` bytes: used for seed data and tests, since real images are too big to ship.
 */
export function buildQcow2Header(virtualSize: number, version: 2 | 3 = 3): Buffer {
  const length = version === 3 ? 104 : 72;
  const header = Buffer.alloc(length);
  const clusterBits = 16;
  const clusterSize = 2 ** clusterBits;
  // One L2 table maps clusterSize/8 clusters; the L1 table needs one entry per L2 table.
  const l1Size = Math.max(1, Math.ceil(virtualSize / (clusterSize * (clusterSize / 8))));
  QCOW2_MAGIC.copy(header, 0);
  header.writeUInt32BE(version, 4);
  header.writeBigUInt64BE(0n, 8); // backing_file_offset
  header.writeUInt32BE(0, 16); // backing_file_size
  header.writeUInt32BE(clusterBits, 20);
  header.writeBigUInt64BE(BigInt(virtualSize), 24);
  header.writeUInt32BE(0, 32); // crypt_method
  header.writeUInt32BE(l1Size, 36);
  header.writeBigUInt64BE(BigInt(3 * clusterSize), 40); // l1_table_offset
  header.writeBigUInt64BE(BigInt(clusterSize), 48); // refcount_table_offset
  header.writeUInt32BE(1, 56); // refcount_table_clusters
  header.writeUInt32BE(0, 60); // nb_snapshots
  header.writeBigUInt64BE(0n, 64); // snapshots_offset
  if (version === 3) {
    header.writeUInt32BE(4, 96); // refcount_order: 16-bit refcounts
    header.writeUInt32BE(104, 100); // header_length
  }
  return header;
}
