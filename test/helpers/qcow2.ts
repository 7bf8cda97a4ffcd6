/** A QCOW2 v3 header followed by `bytes` of filler: what the CI image service accepts as an image. */
export function qcow2(bytes: number, fill = 7): Buffer {
  const data = Buffer.alloc(Math.max(bytes, 512), fill);
  data.write('QFI\xfb', 0, 'latin1');
  data.writeUInt32BE(3, 4);
  data.writeBigUInt64BE(BigInt(1024 ** 3), 24);
  data.writeUInt32BE(104, 100); // header length (v3)
  return data;
}
