import { describe, expect, it } from 'vitest';
import { QCOW2_HEADER_BYTES, buildQcow2Header, parseQcow2Header } from '../../src/embedded/qcow2.js';

/** A header written by hand from the QCOW2 spec, independent of buildQcow2Header. */
function handMadeHeader(version: number, size: bigint): Buffer {
  const header = Buffer.alloc(72);
  header.write('QFI', 0, 'latin1');
  header[3] = 0xfb;
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(16, 20);
  header.writeBigUInt64BE(size, 24);
  return header;
}

describe('parseQcow2Header', () => {
  it('reads version 2 and 3 headers and the big-endian virtual size at offset 24', () => {
    expect(parseQcow2Header(handMadeHeader(2, 1073741824n))).toEqual({ version: 2, virtualSize: 1073741824 });
    expect(parseQcow2Header(handMadeHeader(3, 0x0102030405n))).toEqual({ version: 3, virtualSize: 0x0102030405 });
  });

  it('needs only the first 32 bytes, also from a view into a larger buffer', () => {
    const header = handMadeHeader(3, 42n);
    expect(parseQcow2Header(header.subarray(0, QCOW2_HEADER_BYTES))).toEqual({ version: 3, virtualSize: 42 });
    expect(parseQcow2Header(header.subarray(0, QCOW2_HEADER_BYTES - 1))).toBeUndefined();
    const padded = Buffer.concat([Buffer.alloc(5), header]);
    expect(parseQcow2Header(padded.subarray(5))).toEqual({ version: 3, virtualSize: 42 });
  });

  it('rejects a wrong magic, an unknown version and a size beyond exact JS integers', () => {
    const badMagic = handMadeHeader(3, 1n);
    badMagic[3] = 0xfa;
    expect(parseQcow2Header(badMagic)).toBeUndefined();
    expect(parseQcow2Header(handMadeHeader(1, 1n))).toBeUndefined();
    expect(parseQcow2Header(handMadeHeader(4, 1n))).toBeUndefined();
    expect(parseQcow2Header(handMadeHeader(3, 2n ** 60n))).toBeUndefined();
    expect(parseQcow2Header(Buffer.from('BZh91AY&SY'.padEnd(40, '\0')))).toBeUndefined();
  });

  it('round-trips the headers buildQcow2Header writes for seed data', () => {
    const v3 = buildQcow2Header(3.5 * 1024 ** 3);
    expect(v3.length).toBe(104);
    expect(v3.subarray(0, 4).toString('latin1')).toBe('QFI\xfb');
    expect(parseQcow2Header(v3)).toEqual({ version: 3, virtualSize: 3.5 * 1024 ** 3 });
    expect(parseQcow2Header(buildQcow2Header(117440512, 2))).toEqual({ version: 2, virtualSize: 117440512 });
  });
});
