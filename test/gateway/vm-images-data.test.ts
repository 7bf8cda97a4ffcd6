import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { CreateVmImageDocument, VmImageByIdDocument } from '../generated/graphql.js';
import { startStack, startTestGateway, TOKENS, type Stack } from '../helpers/harness.js';

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
    const put = await request(`${stack.gateway.url}${image.uploadUrl!}`, {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body,
    });
    expect(put.statusCode).toBe(204);
    await put.body.dump();

    const { data } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(data.vmImage).toMatchObject({
      downloadUrl: image.uploadUrl,
      uploadUrl: null,
      status: 'ACTIVE',
      size: body.length,
      virtualSize: 1024 ** 3,
      checksum: createHash('md5').update(body).digest('hex'),
      osHashAlgo: 'sha512',
      osHashValue: createHash('sha512').update(body).digest('hex'),
    });

    const get = await request(`${stack.gateway.url}${image.uploadUrl!}`, { headers: auth() });
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-length']).toBe(String(body.length));
    // A browser saves it under the image's name, with its format's extension.
    expect(get.headers['content-disposition']).toBe(`attachment; filename="with-data.qcow2"; filename*=UTF-8''with-data.qcow2`);
    const downloaded = Buffer.from(await get.body.arrayBuffer());
    expect(downloaded.equals(body)).toBe(true);

    const ranged = await request(`${stack.gateway.url}${image.uploadUrl!}`, { headers: { ...auth(), range: 'bytes=0-3' } });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 0-3/${body.length}`);
    expect(Buffer.from(await ranged.body.arrayBuffer()).toString('latin1')).toBe('QFI\xfb');
    // A range past the end is 416, as the backend answers it, not 400.
    const past = await request(`${stack.gateway.url}${image.uploadUrl!}`, { headers: { ...auth(), range: `bytes=${body.length + 10}-` } });
    expect(past.statusCode).toBe(416);
    expect(((await past.body.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('names a download after the image, safely for any name', async () => {
    const { data } = await stack.gql(CreateVmImageDocument, { input: { name: 'Ubuntu "24.04" / amd64 – été', diskFormat: 'RAW', containerFormat: 'BARE' } });
    if (data.createVmImage.__typename !== 'CreateVmImageSuccess') throw new Error(JSON.stringify(data));
    const url = `${stack.gateway.url}${data.createVmImage.vmImage.uploadUrl!}`;
    const put = await request(url, { method: 'PUT', headers: { ...auth(), 'content-type': 'application/octet-stream' }, body: Buffer.alloc(1024) });
    expect(put.statusCode).toBe(204);
    const get = await request(url, { headers: auth() });
    await get.body.dump();
    expect(get.headers['content-disposition']).toBe(
      `attachment; filename="Ubuntu _24.04_ _ amd64 _ _t_.img"; filename*=UTF-8''Ubuntu%20%2224.04%22%20%2F%20amd64%20%E2%80%93%20%C3%A9t%C3%A9.img`,
    );
  });

  it('refuses a second upload with 409 and keeps the first data', async () => {
    const image = await queuedImage('RAW');
    const first = await request(`${stack.gateway.url}${image.uploadUrl!}`, {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body: Buffer.from('one'),
    });
    await first.body.dump();
    const second = await request(`${stack.gateway.url}${image.uploadUrl!}`, {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body: Buffer.from('two'),
    });
    expect(second.statusCode).toBe(409);
    const error = (await second.body.json()) as any;
    expect(error.errors[0].extensions).toMatchObject({ code: 'CONFLICT', upstream: { backend: 'vmImages', status: 409 } });
    const get = await request(`${stack.gateway.url}${image.uploadUrl!}`, { headers: auth() });
    expect(await get.body.text()).toBe('one');
  });

  it('refuses bytes that are not QCOW2 for a QCOW2 image, before the backend sees them', async () => {
    const image = await queuedImage('QCOW2');
    const put = await request(`${stack.gateway.url}${image.uploadUrl!}`, {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body: Buffer.from('this is a text file, not a disk image'),
    });
    expect(put.statusCode).toBe(400);
    const error = ((await put.body.json()) as any).errors[0];
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.upstream).toBeUndefined(); // refused by the gateway itself
    expect(error.message).toMatch(/QCOW2/);
    const { data } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(data.vmImage).toMatchObject({ status: 'QUEUED', size: null });
  });

  it('refuses an upload over the size limit, declared or streamed, and keeps the image queued', async () => {
    const small = await startTestGateway(stack.embedded.urls, { GANTRY_MAX_UPLOAD_BYTES: '1024' });
    const image = await queuedImage('QCOW2');
    const declared = await request(`${small.url}${image.uploadUrl!}`, {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body: qcow2(4096),
    });
    expect(declared.statusCode).toBe(413);
    await declared.body.dump();
    const streamed = await request(`${small.url}${image.uploadUrl!}`, {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body: Readable.from([qcow2(512), Buffer.alloc(512), Buffer.alloc(512)]),
    });
    expect(streamed.statusCode).toBe(413);
    await streamed.body.dump();
    const { data } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(data.vmImage).toMatchObject({ status: 'QUEUED', size: null });
  });

  it('answers 204 for an image without data', async () => {
    const image = await queuedImage();
    const get = await request(`${stack.gateway.url}${image.uploadUrl!}`, { headers: auth() });
    expect(get.statusCode).toBe(204);
    await get.body.dump();
  });

  it('refuses a wrong content type, a bad ID and a missing token before touching the backend', async () => {
    const image = await queuedImage();
    const wrongType = await request(`${stack.gateway.url}${image.uploadUrl!}`, {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(wrongType.statusCode).toBe(415);
    await wrongType.body.dump();
    const badId = await request(`${stack.gateway.url}/files/vm-images/bogus`, { headers: auth() });
    expect(badId.statusCode).toBe(400);
    expect(((await badId.body.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const anonymous = await request(`${stack.gateway.url}${image.uploadUrl!}`);
    expect(anonymous.statusCode).toBe(401);
    await anonymous.body.dump();
    const { data } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(data.vmImage?.status).toBe('QUEUED');
  });
});
