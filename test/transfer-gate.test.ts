import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../src/errors.js';
import { ciImageRefusal, gateUpload, PayloadTooLargeError, qcow2Refusal } from '../src/transfer/upload-gate.js';

const QCOW = Buffer.concat([Buffer.from('QFI\xfb', 'latin1'), Buffer.from([0, 0, 0, 3])]);

describe('upload gate', () => {
  it('passes every byte through when the head is accepted, even when it arrives in pieces', async () => {
    const source = new PassThrough();
    const gated = gateUpload(source, { maxBytes: 1000, declaredLength: undefined, headBytes: 8, check: qcow2Refusal });
    source.write(QCOW.subarray(0, 3));
    setImmediate(() => {
      source.write(QCOW.subarray(3));
      source.end(Buffer.from('rest of the disk'));
    });
    const { body } = await gated;
    expect((await buffer(body)).equals(Buffer.concat([QCOW, Buffer.from('rest of the disk')]))).toBe(true);
  });

  it('keeps a body shorter than the head', async () => {
    const { body } = await gateUpload(Readable.from([Buffer.from('abc')]), { maxBytes: 10, declaredLength: 3, headBytes: 8 });
    expect((await buffer(body)).toString()).toBe('abc');
  });

  it('refuses a head that fails the check, an empty body, and a declared length over the limit', async () => {
    await expect(
      gateUpload(Readable.from([Buffer.from('GIF89a..')]), { maxBytes: 100, declaredLength: undefined, headBytes: 8, check: qcow2Refusal }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(gateUpload(Readable.from([]), { maxBytes: 100, declaredLength: 0, headBytes: 8 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(gateUpload(Readable.from([QCOW]), { maxBytes: 100, declaredLength: 101, headBytes: 8 })).rejects.toBeInstanceOf(PayloadTooLargeError);
  });

  it('breaks the stream once it passes the limit', async () => {
    const gate = await gateUpload(Readable.from([QCOW, Buffer.alloc(60), Buffer.alloc(60)]), { maxBytes: 100, declaredLength: undefined, headBytes: 8 });
    await expect(buffer(gate.body)).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(gate.tooLarge).toBe(true);
  });

  it('knows QCOW2 versions and lets bzip2 through for CI images', () => {
    expect(qcow2Refusal(QCOW)).toBeUndefined();
    expect(qcow2Refusal(Buffer.concat([QCOW.subarray(0, 4), Buffer.from([0, 0, 0, 9])]))).toMatch(/version 9/);
    expect(ciImageRefusal(Buffer.from('BZh91AY&SY'))).toBeUndefined();
    expect(ciImageRefusal(Buffer.from('PK\x03\x04zip!'))).toMatch(/QCOW2/);
  });
});
