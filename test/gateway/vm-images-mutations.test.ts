import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateVmImageDocument,
  DeactivateVmImageDocument,
  DeleteVmImageDocument,
  ReactivateVmImageDocument,
  UpdateVmImageDocument,
  VmImageByIdDocument,
  VmImagesPageDocument,
  type CreateVmImageInput,
} from '../generated/graphql.js';
import { startStack, TOKENS, type Stack } from '../helpers/harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});

async function create(input: CreateVmImageInput, token: string = TOKENS.admin) {
  const { data, errors } = await stack.gql(CreateVmImageDocument, { input }, { token });
  expect(errors).toBeUndefined();
  if (data.createVmImage.__typename !== 'CreateVmImageSuccess') throw new Error(`create failed: ${JSON.stringify(data)}`);
  return data.createVmImage.vmImage;
}

async function count(token: string = TOKENS.admin) {
  const { data } = await stack.gql(VmImagesPageDocument, { first: 100, filter: { visibility: 'ALL' } }, { token });
  return data.vmImages!.edges.length;
}

describe('createVmImage', () => {
  it('creates a queued image with tags and custom properties', async () => {
    const image = await create({
      name: 'gateway-test',
      diskFormat: 'QCOW2',
      containerFormat: 'BARE',
      minDisk: 10,
      minRam: 512,
      tags: ['test', 'gateway'],
      visibility: 'PRIVATE',
      properties: [{ name: 'os_distro', value: 'ubuntu' }],
    });
    expect(image).toMatchObject({ name: 'gateway-test', status: 'QUEUED', diskFormat: 'QCOW2', minDisk: 10, visibility: 'PRIVATE', size: null });
    expect(new Set(image.tags)).toEqual(new Set(['test', 'gateway']));
    expect(image.properties).toEqual([{ name: 'os_distro', value: 'ubuntu' }]);
    const { data } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(data.vmImage?.name).toBe('gateway-test');
  });

  it('returns an over-long name as InvalidInputError data and creates nothing', async () => {
    const before = await count();
    const { data, errors } = await stack.gql(CreateVmImageDocument, { input: { name: 'x'.repeat(256) } });
    expect(errors).toBeUndefined();
    expect(data.createVmImage).toMatchObject({ __typename: 'InvalidInputError', code: 'BAD_USER_INPUT' });
    if (data.createVmImage.__typename === 'InvalidInputError') {
      expect(data.createVmImage.fields[0]?.path).toEqual(['input', 'name']);
    }
    expect(await count()).toBe(before);
  });

  it('refuses a custom property named like a built-in attribute', async () => {
    const { data } = await stack.gql(CreateVmImageDocument, { input: { name: 'p', properties: [{ name: 'status', value: 'active' }] } });
    expect(data.createVmImage.__typename).toBe('InvalidInputError');
  });

  it("refuses Glance's reserved names as custom properties, each at its entry, before any call", async () => {
    const before = await count();
    const properties = ['location', 'deleted', 'deleted_at', 'os_glance_import'].map((name) => ({ name, value: 'x' }));
    const { data } = await stack.gql(CreateVmImageDocument, { input: { name: 'p', properties } });
    expect(data.createVmImage.__typename).toBe('InvalidInputError');
    const messages = ((data.createVmImage as { fields: unknown }).fields as Array<{ path: string[]; message: string }>).map(
      (field) => `${field.path.join('.')}: ${field.message}`,
    );
    expect(messages).toEqual([
      'input.properties.0.name: "location" is reserved by Glance',
      'input.properties.1.name: "deleted" is reserved by Glance',
      'input.properties.2.name: "deleted_at" is reserved by Glance',
      'input.properties.3.name: "os_glance_import" is reserved by Glance',
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses a bad UUID and a duplicate UUID', async () => {
    const bad = await stack.gql(CreateVmImageDocument, { input: { uuid: 'not-a-uuid' } });
    expect(bad.data.createVmImage.__typename).toBe('InvalidInputError');
    const uuid = '5e9f6a3c-1d2b-4c8e-9f7a-0b1c2d3e4f5a';
    await create({ uuid, name: 'fixed-id' });
    const dup = await stack.gql(CreateVmImageDocument, { input: { uuid, name: 'again' } });
    expect(dup.data.createVmImage).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
  });

  it('gives a reader a ForbiddenError: it may only read', async () => {
    const before = await count(TOKENS.reader);
    const { data } = await stack.gql(CreateVmImageDocument, { input: { name: 'reader-made' } }, { token: TOKENS.reader });
    expect(data.createVmImage).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(await count(TOKENS.reader)).toBe(before);
  });
});

describe('updateVmImage', () => {
  it('turns typed fields into one JSON Patch', async () => {
    const image = await create({
      name: 'to-update',
      tags: ['a'],
      properties: [
        { name: 'keep', value: '1' },
        { name: 'drop', value: '2' },
      ],
    });
    const { data } = await stack.gql(UpdateVmImageDocument, {
      input: {
        id: image.id,
        name: 'updated',
        tags: ['b', 'c'],
        minRam: 2048,
        setProperties: [{ name: 'os_version', value: '24.04' }],
        removeProperties: ['drop'],
      },
    });
    if (data.updateVmImage.__typename !== 'UpdateVmImageSuccess') throw new Error(JSON.stringify(data));
    const updated = data.updateVmImage.vmImage;
    expect(updated).toMatchObject({ id: image.id, name: 'updated', minRam: 2048 });
    expect(new Set(updated.tags)).toEqual(new Set(['b', 'c']));
    expect(updated.properties).toEqual([
      { name: 'keep', value: '1' },
      { name: 'os_version', value: '24.04' },
    ]);
  });

  it('changes nothing when one operation of the patch fails', async () => {
    const image = await create({ name: 'atomic' });
    const { data } = await stack.gql(UpdateVmImageDocument, { input: { id: image.id, name: 'renamed', removeProperties: ['missing'] } });
    expect(data.updateVmImage).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    const { data: after } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(after.vmImage?.name).toBe('atomic');
  });

  it('refuses a negative minDisk and an over-long tag, changing nothing', async () => {
    const image = await create({ name: 'bounded', minDisk: 1 });
    const negative = await stack.gql(UpdateVmImageDocument, { input: { id: image.id, minDisk: -1, name: 'changed' } });
    expect(negative.data.updateVmImage).toMatchObject({ __typename: 'InvalidInputError', fields: [{ path: ['input', 'minDisk'] }] });
    const longTag = await stack.gql(UpdateVmImageDocument, { input: { id: image.id, tags: ['t'.repeat(256)] } });
    expect(longTag.data.updateVmImage.__typename).toBe('InvalidInputError');
    const { data } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(data.vmImage).toMatchObject({ name: 'bounded', minDisk: 1, tags: [] });
  });

  it('refuses an empty change set and a bad ID before calling the backend', async () => {
    const image = await create({ name: 'empty' });
    const empty = await stack.gql(UpdateVmImageDocument, { input: { id: image.id } });
    expect(empty.data.updateVmImage.__typename).toBe('InvalidInputError');
    const badId = await stack.gql(UpdateVmImageDocument, { input: { id: 'bogus!', name: 'x' } });
    expect(badId.data.updateVmImage.__typename).toBe('InvalidInputError');
  });

  it('returns NotFoundError for an image of another project', async () => {
    const theirs = await create({ name: 'other-private', visibility: 'PRIVATE' }, TOKENS.other);
    const { data } = await stack.gql(UpdateVmImageDocument, { input: { id: theirs.id, name: 'hijack' } }, { token: TOKENS.reader });
    expect(data.updateVmImage.__typename).toBe('NotFoundError');
  });
});

describe('deleteVmImage', () => {
  it('deletes an image, after which it is not found', async () => {
    const image = await create({ name: 'doomed' });
    const { data } = await stack.gql(DeleteVmImageDocument, { input: { id: image.id } });
    expect(data.deleteVmImage).toEqual({ __typename: 'DeleteVmImageSuccess', deletedId: image.id });
    const { data: after, errors } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(after.vmImage).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a protected image with ForbiddenError and keeps it', async () => {
    const image = await create({ name: 'guarded', protected: true });
    const { data } = await stack.gql(DeleteVmImageDocument, { input: { id: image.id } });
    expect(data.deleteVmImage.__typename).toBe('ForbiddenError');
    const { data: after } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(after.vmImage?.id).toBe(image.id);
  });

  it('returns NotFoundError for a missing image', async () => {
    const id = Buffer.from('VmImage:00000000-0000-4000-8000-00000000dead').toString('base64url');
    const { data } = await stack.gql(DeleteVmImageDocument, { input: { id } });
    expect(data.deleteVmImage.__typename).toBe('NotFoundError');
  });
});

describe('deactivateVmImage and reactivateVmImage', () => {
  async function activeImage() {
    const { data } = await stack.gql(VmImagesPageDocument, { first: 1, filter: { status: 'ACTIVE' } });
    return data.vmImages!.edges[0]!.node;
  }

  it('deactivates and reactivates an active image as admin', async () => {
    const image = await activeImage();
    const off = await stack.gql(DeactivateVmImageDocument, { input: { id: image.id } });
    expect(off.data.deactivateVmImage).toEqual({ __typename: 'DeactivateVmImageSuccess', vmImage: { id: image.id, status: 'DEACTIVATED' } });
    const on = await stack.gql(ReactivateVmImageDocument, { input: { id: image.id } });
    expect(on.data.reactivateVmImage).toEqual({ __typename: 'ReactivateVmImageSuccess', vmImage: { id: image.id, status: 'ACTIVE' } });
  });

  it('refuses a reader, and a queued image', async () => {
    const image = await activeImage();
    const reader = await stack.gql(DeactivateVmImageDocument, { input: { id: image.id } }, { token: TOKENS.reader });
    expect(reader.data.deactivateVmImage.__typename).toBe('ForbiddenError');
    const queued = await create({ name: 'queued-one' });
    const refused = await stack.gql(DeactivateVmImageDocument, { input: { id: queued.id } });
    expect(refused.data.deactivateVmImage.__typename).toBe('ForbiddenError');
    const { data } = await stack.gql(VmImageByIdDocument, { id: image.id });
    expect(data.vmImage?.status).toBe('ACTIVE');
  });
});

describe('a second token', () => {
  it('sees only what its owner may see', async () => {
    const mine = await create({ name: 'admin-private', visibility: 'PRIVATE' });
    const { data, errors } = await stack.gql(VmImageByIdDocument, { id: mine.id }, { token: TOKENS.other });
    expect(data.vmImage).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const { data: list } = await stack.gql(VmImagesPageDocument, { first: 100 }, { token: TOKENS.other });
    const owners = new Set(list.vmImages!.edges.filter((e) => e.node.visibility === 'PRIVATE').map((e) => e.node.owner));
    expect(owners.size).toBeLessThanOrEqual(1);
    expect(list.vmImages!.edges.some((e) => e.node.id === mine.id)).toBe(false);
  });
});
