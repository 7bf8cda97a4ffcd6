import { describe, expect, it } from 'vitest';
import { request } from 'undici';
import { CreateVmImageDocument, DeleteVmImageDocument, UpdateVmImageDocument, VmImageByIdDocument } from '../generated/graphql.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';

describe('restart', () => {
  it('keeps every acknowledged write: creates, updates, deletes and image data', async () => {
    const dataDir = await tempDataDir();
    const first = await startTestEmbedded(dataDir);
    const gw1 = await startTestGateway(first.urls);

    const created = await gqlAt(gw1.url, CreateVmImageDocument, { input: { name: 'survivor', diskFormat: 'RAW', containerFormat: 'BARE', tags: ['keep'] } });
    if (created.data.createVmImage.__typename !== 'CreateVmImageSuccess') throw new Error(JSON.stringify(created));
    const image = created.data.createVmImage.vmImage;
    await gqlAt(gw1.url, UpdateVmImageDocument, { input: { id: image.id, name: 'survivor-renamed', setProperties: [{ name: 'os_distro', value: 'debian' }] } });
    const doomed = await gqlAt(gw1.url, CreateVmImageDocument, { input: { name: 'doomed' } });
    if (doomed.data.createVmImage.__typename !== 'CreateVmImageSuccess') throw new Error(JSON.stringify(doomed));
    const doomedId = doomed.data.createVmImage.vmImage.id;
    await gqlAt(gw1.url, DeleteVmImageDocument, { input: { id: doomedId } });
    const put = await request(`${gw1.url}${image.uploadUrl!}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKENS.admin}`, 'content-type': 'application/octet-stream' },
      body: Buffer.from('persistent bytes'),
    });
    expect(put.statusCode).toBe(204);
    await put.body.dump();

    await gw1.stop();
    await first.close();

    const second = await startTestEmbedded(dataDir);
    const gw2 = await startTestGateway(second.urls);
    const { data } = await gqlAt(gw2.url, VmImageByIdDocument, { id: image.id });
    expect(data.vmImage).toMatchObject({
      name: 'survivor-renamed',
      status: 'ACTIVE',
      tags: ['keep'],
      size: 16,
      properties: [{ name: 'os_distro', value: 'debian' }],
    });
    const gone = await gqlAt(gw2.url, VmImageByIdDocument, { id: doomedId });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const get = await request(`${gw2.url}${image.uploadUrl!}`, { headers: { authorization: `Bearer ${TOKENS.admin}` } });
    expect(await get.body.text()).toBe('persistent bytes');
  });
});
