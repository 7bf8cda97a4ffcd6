import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/schema/global-id.js';
import { startStack, type Stack } from '../helpers/harness.js';

/**
 * Errors a form can act on: every create and update reports every invalid field at once in
 * `InvalidInputError.fields` (one round trip, not one per field), and messages that come from a
 * backend speak the GraphQL API's names (`diskFormat`, `gpuModels`), never the backend's.
 */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});

const ERRORS = '__typename ... on UserError { message } ... on InvalidInputError { fields { path message } }';

interface Payload {
  __typename: string;
  message: string;
  fields?: Array<{ path: string[]; message: string }>;
}

async function payloadOf(mutation: string, input: Record<string, unknown>): Promise<Payload> {
  const field = mutation.replace(/^\w/, (c) => c.toLowerCase());
  const { data, errors } = await stack.gql(`mutation($input: ${mutation}Input!) { ${field}(input: $input) { ${ERRORS} } }`, { input });
  expect(errors).toBeUndefined();
  return (data as Record<string, Payload>)[field]!;
}

const paths = (payload: Payload) => (payload.fields ?? []).map((f) => f.path.join('.')).sort();

async function firstId(query: string, list: string): Promise<string> {
  const { data } = await stack.gql(query);
  return (data as Record<string, { nodes: Array<{ id: string }> }>)[list]!.nodes[0]!.id;
}

describe('every invalid field at once', () => {
  it('createServerlessContainer: seven bad fields, one answer', async () => {
    const payload = await payloadOf('CreateServerlessContainer', {
      name: 'Not A Name',
      image: 'nginx',
      cpu: -1,
      ram: 'lots',
      port: 0,
      gpu: 1,
      env: [{ name: '1x', value: 'a' }],
    });
    expect(payload.__typename).toBe('InvalidInputError');
    expect(paths(payload)).toEqual(['input.cpu', 'input.env.0.name', 'input.gpuModels', 'input.image', 'input.name', 'input.port', 'input.ram']);
  });

  it('updateServerlessContainer', async () => {
    const id = await firstId('{ serverlessContainers(first: 1) { nodes { id } } }', 'serverlessContainers');
    const payload = await payloadOf('UpdateServerlessContainer', { id, cpu: 0, ephemeralStorage: '-1Gi', gpuModels: [''] });
    expect(paths(payload)).toEqual(['input.cpu', 'input.ephemeralStorage', 'input.gpuModels.0']);
  });

  it('createVmImage, reserved property names included', async () => {
    const payload = await payloadOf('CreateVmImage', {
      uuid: 'not-a-uuid',
      name: 'x'.repeat(256),
      minDisk: -1,
      minRam: -1,
      tags: [''],
      properties: [{ name: 'disk_format', value: 'raw' }],
    });
    expect(paths(payload)).toEqual(['input.minDisk', 'input.minRam', 'input.name', 'input.properties.0.name', 'input.tags.0', 'input.uuid']);
  });

  it('updateVmImage', async () => {
    const id = await firstId('{ vmImages(first: 1) { nodes { id } } }', 'vmImages');
    const payload = await payloadOf('UpdateVmImage', {
      id,
      minDisk: -1,
      tags: ['x'.repeat(300)],
      setProperties: [{ name: 'bad name', value: 'v' }],
      removeProperties: ['name'],
    });
    expect(paths(payload)).toEqual(['input.minDisk', 'input.removeProperties.0', 'input.setProperties.0.name', 'input.tags.0']);
  });

  it('createContainerImage, nested lists included', async () => {
    const payload = await payloadOf('CreateContainerImage', {
      label: '',
      role: '',
      roleClass: 'WEB',
      registryImagePath: 'library/nginx',
      registryImageTag: '',
      minCpu: -1,
      envParams: [{ name: '1bad', paramType: 'STATIC' }],
      ingressParams: [{ port: 0, proto: 'TCP' }],
      volumes: [{ mountPath: 'relative' }],
    });
    expect(paths(payload)).toEqual([
      'input.envParams.0.name',
      'input.ingressParams.0.port',
      'input.label',
      'input.minCpu',
      'input.registryImageTag',
      'input.role',
      'input.volumes.0.mountPath',
    ]);
  });

  it('updateContainerImage', async () => {
    const id = await firstId('{ containerImages(first: 1) { nodes { id } } }', 'containerImages');
    const payload = await payloadOf('UpdateContainerImage', { id, label: '', minMemory: -5, settingsParams: [{ name: '', paramType: 'STATIC' }] });
    expect(paths(payload)).toEqual(['input.label', 'input.minMemory', 'input.settingsParams.0.name']);
  });
});

describe("upstream messages in the GraphQL API's names", () => {
  it('Glance: diskFormat, not disk_format', async () => {
    const id = await firstId('{ vmImages(first: 1, filter: { status: ACTIVE }) { nodes { id } } }', 'vmImages');
    const payload = await payloadOf('UpdateVmImage', { id, diskFormat: 'RAW' });
    expect(payload.__typename).toBe('ForbiddenError');
    expect(payload.message).toContain('diskFormat');
    expect(payload.message).not.toMatch(/disk_format/);
  });

  it('Quasarch: gpuModels, not desiredGPUs or a REST path; bounds only the service knows on their fields', async () => {
    const payload = await payloadOf('CreateServerlessContainer', { name: 'bounded', image: 'nginx:1.27', cpu: 1000, gpu: 1, gpuModels: ['nope'] });
    expect(paths(payload)).toEqual(['input.cpu', 'input.gpuModels']);
    expect(JSON.stringify(payload)).not.toMatch(/desiredGPUs|\/v1\//);
    expect(payload.message).toContain('gpuModels');
  });

  it('ComputeStacks: a provider that does not exist is reported on providerId', async () => {
    const payload = await payloadOf('CreateContainerImage', {
      label: 'provider-check',
      role: 'web',
      roleClass: 'WEB',
      registryImagePath: 'library/nginx',
      registryImageTag: '1.27',
      providerId: 999,
    });
    expect(payload.fields).toEqual([{ path: ['input', 'providerId'], message: expect.stringContaining('must exist') }]);
    expect(JSON.stringify(payload)).not.toMatch(/_id\b|container_image/);
  });

  it('a node id of the wrong type still names the input field', async () => {
    const payload = await payloadOf('UpdateVmImage', { id: encodeGlobalId('Container', 1), name: 'x' });
    expect(payload.__typename).toBe('InvalidInputError');
    expect(JSON.stringify(payload)).not.toMatch(/[a-z]+_[a-z]+/);
  });
});
