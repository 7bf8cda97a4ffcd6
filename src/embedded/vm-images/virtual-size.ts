import { parseQcow2Header } from '../qcow2.js';

/**
 * The guest disk size for image data, as Glance's format inspector reports it: from the header
 * for qcow2 (undefined when the header is not QCOW2), the data size for raw, unknown (null)
 * for the formats this service does not inspect.
 */
export function virtualSizeOf(diskFormat: string | null, firstBytes: Uint8Array, size: number): number | null | undefined {
  if (diskFormat === 'qcow2') return parseQcow2Header(firstBytes)?.virtualSize;
  if (diskFormat === 'raw') return size;
  return null;
}
