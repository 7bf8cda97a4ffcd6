/**
 * Byte-transfer scenario: a 1 GiB QCOW2 file uploaded and downloaded straight to the embedded
 * CI image service, then through the gateway's byte routes. Reports MB/s for each, the
 * gateway/direct speed ratio, the gateway's RSS rise over its idle baseline, and whether the
 * sha256 of what came back equals what was sent. ROUNDS rounds, each an upload and a download
 * both ways, alternating direct and through the gateway, and the medians count: a single
 * 1 GiB transfer on cores shared with everything else swung from 0.27x to 0.69x of the
 * direct speed between back-to-back runs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { request } from 'undici';

const MIB = 1024 * 1024;
const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** `total` bytes: a QCOW2 v3 header, then 1 MiB blocks of random bytes, hashed as they go. */
function qcow2Stream(total: number, hash: ReturnType<typeof createHash>): Readable {
  const block = randomBytes(MIB);
  const header = Buffer.alloc(512);
  header.write('QFI\xfb', 0, 'latin1');
  header.writeUInt32BE(3, 4);
  header.writeBigUInt64BE(BigInt(total), 24);
  header.writeUInt32BE(104, 100);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) {
        this.push(null);
        return;
      }
      let chunk = sent === 0 ? Buffer.concat([header, block.subarray(header.length)]) : block;
      if (sent + chunk.length > total) chunk = chunk.subarray(0, total - sent);
      sent += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
}

async function upload(url: string, token: string, total: number): Promise<{ ms: number; sha256: string; downloadPath: string }> {
  const hash = createHash('sha256');
  const started = performance.now();
  const response = await request(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': String(total) },
    body: qcow2Stream(total, hash),
  });
  const body = (await response.body.json()) as { id: string | number; downloadUrl?: string };
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, sha256: hash.digest('hex'), downloadPath: body.downloadUrl ?? `/images/${body.id}` };
}

async function download(url: string, token: string): Promise<{ ms: number; sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const started = performance.now();
  const response = await request(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/x-qemu-disk' } });
  if (response.statusCode !== 200) throw new Error(`download failed: ${response.statusCode}`);
  let bytes = 0;
  for await (const chunk of response.body) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { ms: performance.now() - started, sha256: hash.digest('hex'), bytes };
}

export interface TransferResult {
  sizeMiB: number;
  direct: { uploadMBs: number; downloadMBs: number };
  gateway: { uploadMBs: number; downloadMBs: number };
  ratio: { upload: number; download: number };
  sha256Equal: boolean;
  gatewayRssBaselineMb: number;
  gatewayRssPeakMb: number;
  gatewayRssRiseMb: number;
}

export async function runTransfers(opts: {
  gatewayUrl: string;
  ciImagesUrl: string;
  token: string;
  sizeMiB: number;
  rss: () => number;
}): Promise<TransferResult> {
  const total = opts.sizeMiB * MIB;
  const mbs = (ms: number) => Math.round((total / MIB / (ms / 1000)) * 10) / 10;
  const stamp = Date.now();
  const baseline = opts.rss();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, opts.rss())), 100);
  try {
    const times = { directUp: [] as number[], gatewayUp: [] as number[], directDown: [] as number[], gatewayDown: [] as number[] };
    let sha256Equal = true;
    for (let round = 0; round < ROUNDS; round++) {
      const direct = await upload(`${opts.ciImagesUrl}/images?name=bench-direct-${stamp}-${round}`, opts.token, total);
      const viaGateway = await upload(`${opts.gatewayUrl}/files/ci-images?name=bench-gateway-${stamp}-${round}`, opts.token, total);
      const directDown = await download(`${opts.ciImagesUrl}${direct.downloadPath}`, opts.token);
      const viaGatewayDown = await download(`${opts.gatewayUrl}${viaGateway.downloadPath}`, opts.token);
      times.directUp.push(direct.ms);
      times.gatewayUp.push(viaGateway.ms);
      times.directDown.push(directDown.ms);
      times.gatewayDown.push(viaGatewayDown.ms);
      sha256Equal &&=
        direct.sha256 === directDown.sha256 && viaGateway.sha256 === viaGatewayDown.sha256 && directDown.bytes === total && viaGatewayDown.bytes === total;
    }
    const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<keyof typeof times, number>;
    return {
      sizeMiB: opts.sizeMiB,
      direct: { uploadMBs: mbs(m.directUp), downloadMBs: mbs(m.directDown) },
      gateway: { uploadMBs: mbs(m.gatewayUp), downloadMBs: mbs(m.gatewayDown) },
      ratio: {
        upload: Math.round((m.directUp / m.gatewayUp) * 100) / 100,
        download: Math.round((m.directDown / m.gatewayDown) * 100) / 100,
      },
      sha256Equal,
      gatewayRssBaselineMb: Math.round(baseline),
      gatewayRssPeakMb: Math.round(peak),
      gatewayRssRiseMb: Math.round(peak - baseline),
    };
  } finally {
    clearInterval(sampler);
  }
}
