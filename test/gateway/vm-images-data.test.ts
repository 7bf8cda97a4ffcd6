import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { CreateVmImageDocument, VmImageByIdDocument } from '../generated/graphql.js';
import { startStack, TOKENS, type Stack } from '../helpers/harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});

/** A minimal QCOW2 v3 header: magic, version, and a 1 GiB virtual size at offset 24. */
function qcow2(bytes: number): Buffer {
  const data = Buffer.alloc(bytes, 7);
  data.write('QFI\xfb', 0, 'latin1');
  data.writeUInt32BE(3, 4);
  data.writeBigUInt64BE(BigInt(1024 ** 3), 24);
  return data;
}

async function queuedImage(diskFormat: 'QCOW2' | 'RAW' = 'QCOW2') {
  const { data } = await stack.gql(CreateVmImageDocument, { input: { name: 'with-data', diskFormat, containerFormat: 'BARE' } });
  if (data.createVmImage.__typename !== 'CreateVmImageSuccess') throw new Error(JSON.stringify(data));
  return data.createVmImage.vmImage;
}

const auth = (token: string = TOKENS.admin) => ({ authorization: `Bearer ${token}` });

describe('VM image byte routes', () => {
  it('uploads through PUT dataUrl and downloads the same bytes with GET', async () => {
    const image = await queuedImage();
    const body = qcow2(256 * 1024);
    const put = await request(`${stack.gateway.url}${image.dataUrl}`, {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body,
    });
    expect(put.statusCode).toBe(204);
    await put.body.dump();

    const { data } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(data.vmImage).toMatchObject({
      status: 'ACTIVE',
      size: body.length,
      virtualSize: 1024 ** 3,
      checksum: createHash('md5').update(body).digest('hex'),
      osHashAlgo: 'sha512',
      osHashValue: createHash('sha512').update(body).digest('hex'),
    });

    const get = await request(`${stack.gateway.url}${image.dataUrl}`, { headers: auth() });
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-length']).toBe(String(body.length));
    const downloaded = Buffer.from(await get.body.arrayBuffer());
    expect(downloaded.equals(body)).toBe(true);

    const ranged = await request(`${stack.gateway.url}${image.dataUrl}`, { headers: { ...auth(), range: 'bytes=0-3' } });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 0-3/${body.length}`);
    expect(Buffer.from(await ranged.body.arrayBuffer()).toString('latin1')).toBe('QFI\xfb');
  });

  it('refuses a second upload with 409 and keeps the first data', async () => {
    const image = await queuedImage('RAW');
    const first = await request(`${stack.gateway.url}${image.dataUrl}`, { method: 'PUT', headers: { ...auth(), 'content-type': 'application/octet-stream' }, body: Buffer.from('one') });
    await first.body.dump();
    const second = await request(`${stack.gateway.url}${image.dataUrl}`, { method: 'PUT', headers: { ...auth(), 'content-type': 'application/octet-stream' }, body: Buffer.from('two') });
    expect(second.statusCode).toBe(409);
    const error = (await second.body.json()) as any;
    expect(error.errors[0].extensions).toMatchObject({ code: 'CONFLICT', upstream: { backend: 'vmImages', status: 409 } });
    const get = await request(`${stack.gateway.url}${image.dataUrl}`, { headers: auth() });
    expect(await get.body.text()).toBe('one');
  });

  it('answers 204 for an image without data', async () => {
    const image = await queuedImage();
    const get = await request(`${stack.gateway.url}${image.dataUrl}`, { headers: auth() });
    expect(get.statusCode).toBe(204);
    await get.body.dump();
  });

  it('refuses a wrong content type, a bad ID and a missing token before touching the backend', async () => {
    const image = await queuedImage();
    const wrongType = await request(`${stack.gateway.url}${image.dataUrl}`, { method: 'PUT', headers: { ...auth(), 'content-type': 'text/plain' }, body: 'x' });
    expect(wrongType.statusCode).toBe(415);
    await wrongType.body.dump();
    const badId = await request(`${stack.gateway.url}/files/vm-images/bogus`, { headers: auth() });
    expect(badId.statusCode).toBe(400);
    expect(((await badId.body.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const anonymous = await request(`${stack.gateway.url}${image.dataUrl}`);
    expect(anonymous.statusCode).toBe(401);
    await anonymous.body.dump();
    const { data } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(data.vmImage?.status).toBe('QUEUED');
  });
});
