import { beforeAll, describe, expect, it } from 'vitest';
import { GPU_MODELS } from '../../src/embedded/serverless/gpu-models.js';
import { TAG_REQUIRED_MESSAGE } from '../../src/formats/image-reference.js';
import { seedNamed, startServerless, validBody, type ServerlessHarness } from './serverless-harness.js';

const DIGEST = `sha256:${'ab12'.repeat(16)}`;

/** [what, fields to merge into a valid body, the field errors expected: exact text or a pattern]. */
type Case = [string, Record<string, unknown>, Record<string, string | RegExp>];

const CREATE_CASES: Case[] = [
  ['name and image missing', { name: undefined, image: undefined }, { name: 'is required', image: 'is required' }],
  ['an image without a tag', { image: 'nginx' }, { image: TAG_REQUIRED_MESSAGE }],
  ['a registry with a port and no tag', { image: 'registry:5000/app' }, { image: TAG_REQUIRED_MESSAGE }],
  ['an uppercase repository', { image: 'Nginx:1.27' }, { image: /is not a valid image reference/ }],
  ['a bad tag', { image: 'nginx:-x' }, { image: /^tag "-x" is not valid/ }],
  ['a short digest', { image: 'nginx@sha256:abc' }, { image: /^digest must be "sha256:"/ }],
  ['an empty image', { image: '' }, { image: 'is required' }],
  ['ram "512Mb"', { ram: '512Mb' }, { ram: '"512Mb" is not a Kubernetes quantity: use e.g. "512Mi", "1Gi", "1.5Gi" or "500M"' }],
  ['ram "-1Gi"', { ram: '-1Gi' }, { ram: 'must not be negative' }],
  ['ram ""', { ram: '' }, { ram: /is not a Kubernetes quantity/ }],
  ['ram as a JSON number', { ram: 536870912 }, { ram: 'must be a Kubernetes quantity string such as "512Mi" or "1Gi"' }],
  ['ram above the bound', { ram: '512Gi' }, { ram: 'must be between 32Mi and 256Gi' }],
  ['ram below the bound', { ram: '1Mi' }, { ram: 'must be between 32Mi and 256Gi' }],
  ['ephemeralStorage "10GB"', { ephemeralStorage: '10GB' }, { ephemeralStorage: /"10GB" is not a Kubernetes quantity/ }],
  ['ephemeralStorage above the bound', { ephemeralStorage: '2Ti' }, { ephemeralStorage: 'must be between 64Mi and 1Ti' }],
  ['port "0"', { port: '0' }, { port: 'must be a port number from "1" to "65535"' }],
  ['port "65536"', { port: '65536' }, { port: 'must be a port number from "1" to "65535"' }],
  ['port "80a"', { port: '80a' }, { port: 'must be a port number from "1" to "65535"' }],
  ['port "080"', { port: '080' }, { port: 'must be a port number from "1" to "65535"' }],
  ['port as a JSON number', { port: 80 }, { port: 'must be a string such as "80"' }],
  ['cpu 0', { cpu: 0 }, { cpu: 'must be greater than 0' }],
  ['cpu -1', { cpu: -1 }, { cpu: 'must be greater than 0' }],
  ['cpu as a string', { cpu: '1' }, { cpu: 'must be a number of CPU cores, such as 1 or 0.5' }],
  ['cpu above the bound', { cpu: 65 }, { cpu: 'must be at most 64' }],
  ['cpu below a millicore', { cpu: 0.0001 }, { cpu: 'must be at least 0.001 (one millicore)' }],
  ['gpu 2 with no model', { gpu: 2 }, { desiredGPUs: /^is required when gpu is greater than 0/ }],
  ['gpu 2 with an empty model list', { gpu: 2, desiredGPUs: [] }, { desiredGPUs: /^is required when gpu is greater than 0/ }],
  ['gpu -1', { gpu: -1 }, { gpu: 'must not be negative' }],
  ['gpu 1.5', { gpu: 1.5, desiredGPUs: ['a100'] }, { gpu: 'must be a whole number of GPUs' }],
  ['gpu 9', { gpu: 9, desiredGPUs: ['a100'] }, { gpu: 'must be at most 8' }],
  ['an unknown GPU model', { gpu: 1, desiredGPUs: ['b200'] }, { desiredGPUs: '"b200" is not a GPU model code (see GET /v1/gpu-models)' }],
  ['a model name instead of its code', { gpu: 1, desiredGPUs: ['Nvidia a100'] }, { desiredGPUs: /is not a GPU model code/ }],
  ['a model twice', { gpu: 2, desiredGPUs: ['a100', 'a100'] }, { desiredGPUs: 'lists "a100" more than once' }],
  ['models with gpu 0', { gpu: 0, desiredGPUs: ['a100'] }, { desiredGPUs: 'must be left out or empty when gpu is 0' }],
  ['models not in a list', { gpu: 1, desiredGPUs: 'a100' }, { desiredGPUs: 'must be an array of GPU model codes, such as ["a100"]' }],
  ['an env name with a space', { env: { 'MY VAR': 'x', GOOD: 'y' } }, { 'env.MY VAR': /^"MY VAR" is not a valid environment variable name/ }],
  ['an env name starting with a digit', { env: { '1ABC': 'x' } }, { 'env.1ABC': /is not a valid environment variable name/ }],
  ['an env value that is not a string', { env: { PORT_NUMBER: 8080 } }, { 'env.PORT_NUMBER': 'must be a string' }],
  ['env as an array', { env: ['A=1'] }, { env: 'must be an object of string values, such as {"FOO": "bar"}' }],
  ['command as a number', { command: 5 }, { command: 'must be a string or null' }],
  ['arguments as a string', { arguments: '--port 80' }, { arguments: 'must be an array of strings or null' }],
  ['arguments with a number', { arguments: ['--port', 80] }, { arguments: 'must be an array of strings: item 1 is not a string' }],
  ['an uppercase name', { name: 'Hello' }, { name: /^must be a DNS-1123 label/ }],
  ['a name with an underscore', { name: 'hello_world' }, { name: /^must be a DNS-1123 label/ }],
  ['a name ending in a dash', { name: 'hello-' }, { name: /^must be a DNS-1123 label/ }],
  ['a name of 64 characters', { name: 'a'.repeat(64) }, { name: /^must be a DNS-1123 label/ }],
  ['a name that is not a string', { name: 42 }, { name: 'must be a string' }],
];

const ACCEPTED: Array<[string, Record<string, unknown>]> = [
  ['a digest instead of a tag', { image: `nginx@${DIGEST}` }],
  ['a tag and a digest', { image: `nginx:1.27@${DIGEST}` }],
  ['a registry with a port and a tag', { image: 'registry:5000/app:1.0' }],
  ['localhost as the registry', { image: 'localhost/team/app:dev' }],
  ['ram "500M"', { ram: '500M' }],
  ['ram "1.5Gi"', { ram: '1.5Gi' }],
  ['ram in plain bytes', { ram: '1073741824' }],
  ['ram with an exponent', { ram: '1e9' }],
  ['ephemeralStorage "100Gi"', { ephemeralStorage: '100Gi' }],
  ['cpu 0.25', { cpu: 0.25 }],
  ['port "65535"', { port: '65535' }],
  ['two GPUs of either of two models', { gpu: 2, desiredGPUs: ['a100', 'h100'] }],
  ['gpu 0 with an empty model list', { gpu: 0, desiredGPUs: [] }],
  ['a name of 63 characters', { name: `a${'-b'.repeat(31)}` }],
  ['env names with underscores and digits', { env: { _PRIVATE: '1', HTTP2_ENABLED: 'true' } }],
];

function bodyOf(name: string, overrides: Record<string, unknown>): Record<string, unknown> {
  const body = validBody(name, overrides);
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete body[key];
  return body;
}

function expectFields(actual: Record<string, string>, expected: Record<string, string | RegExp>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, message] of Object.entries(expected)) {
    if (typeof message === 'string') expect(actual[key], key).toBe(message);
    else expect(actual[key], key).toMatch(message);
  }
}

describe('validation of serverless container requests', () => {
  let h: ServerlessHarness;
  beforeAll(async () => {
    h = await startServerless();
  });

  it.each(CREATE_CASES)('refuses a create with %s: 400 naming the field, and creates nothing', async (what, overrides, fields) => {
    const before = await h.list();
    // A name of its own per case, so one wrongly accepted create cannot make the next case fail on a taken name.
    const reply = await h.call('POST', '/v1/containers', { body: bodyOf(`refused-${CREATE_CASES.findIndex(([other]) => other === what)}`, overrides) });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('data validation error');
    expectFields(reply.body.fields, fields);
    expect(await h.list()).toEqual(before);
  });

  it.each(ACCEPTED)('accepts a create with %s', async (what, overrides) => {
    const name =
      overrides.name === undefined
        ? `ok-${what
            .replace(/[^a-z0-9]+/gi, '-')
            .toLowerCase()
            .replace(/-+$/, '')}`
        : undefined;
    const created = await h.create(bodyOf(name ?? String(overrides.name), overrides));
    for (const [key, value] of Object.entries(overrides)) {
      if (key === 'desiredGPUs') continue; // shown once deployed
      expect(created[key], key).toEqual(value);
    }
    await h.remove(created.id);
  });

  it('names every bad field of one request at once', async () => {
    const reply = await h.call('POST', '/v1/containers', {
      body: {
        name: 'Bad Name',
        image: 'nginx',
        cpu: 0,
        ram: '512Mb',
        gpu: 2,
        ephemeralStorage: -1,
        port: '0',
        env: { 'MY VAR': 'x', 'OTHER VAR': 'y', FINE: 'z' },
        command: false,
        arguments: [1],
      },
    });
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.body.fields).sort()).toEqual([
      'arguments',
      'command',
      'cpu',
      'desiredGPUs',
      'env.MY VAR',
      'env.OTHER VAR',
      'ephemeralStorage',
      'image',
      'name',
      'port',
      'ram',
    ]);
  });

  it('accepts every listed GPU model code', async () => {
    const created = await h.create(validBody('every-gpu', { gpu: 8, desiredGPUs: GPU_MODELS.slice(0, 8).map((model) => model.code) }));
    for (let i = 8; i < GPU_MODELS.length; i += 8) {
      await h.update(created.id, { desiredGPUs: GPU_MODELS.slice(i, i + 8).map((model) => model.code) });
    }
    const revisions = await h.revisions(created.id);
    expect(revisions.items.flatMap((revision) => revision.desiredGPUs).sort()).toEqual(GPU_MODELS.map((model) => model.code).sort());
  });

  describe('of updates', () => {
    let id: string;
    let before: { shown: any; revisions: any };
    beforeAll(async () => {
      id = (await h.create(validBody('update-target'))).id;
    });

    const UPDATE_CASES: Case[] = [
      ['no tag', { image: 'nginx' }, { image: TAG_REQUIRED_MESSAGE }],
      ['ram "512Mb" and port "0"', { ram: '512Mb', port: '0' }, { ram: /is not a Kubernetes quantity/, port: 'must be a port number from "1" to "65535"' }],
      ['gpu 2 with no model', { gpu: 2 }, { desiredGPUs: /^is required when gpu is greater than 0/ }],
      ['an env name with a space', { env: { 'MY VAR': 'x' } }, { 'env.MY VAR': /is not a valid environment variable name/ }],
      ['a new name', { name: 'renamed' }, { name: 'cannot be changed after the container is created' }],
      ['a known field that is bad beside an unknown one', { cpu: 'lots', colour: 'blue' }, { cpu: 'must be a number of CPU cores, such as 1 or 0.5' }],
    ];

    it.each(UPDATE_CASES)('refuses %s with 400 naming the fields, and changes nothing (no revision)', async (_what, body, fields) => {
      before = { shown: await h.show(id), revisions: await h.revisions(id) };
      const reply = await h.call('PUT', `/v1/containers/${id}`, { body });
      expect(reply.status).toBe(400);
      expect(reply.body.error).toBe('data validation error');
      expectFields(reply.body.fields, fields);
      expect(await h.show(id)).toEqual(before.shown);
      expect(await h.revisions(id)).toEqual(before.revisions);
    });

    it('keeps the GPU models a container has when an update raises gpu, and drops them when gpu goes to 0', async () => {
      const gpuSeed = seedNamed('recommendation-api');
      await h.update(gpuSeed.id, { gpu: 2 });
      await h.update(gpuSeed.id, { gpu: 0 });
      const [dropped, raised] = (await h.revisions(gpuSeed.id)).items;
      expect(raised).toMatchObject({ revisionNumber: 2, gpu: 2, desiredGPUs: ['a100'] });
      expect(dropped).toMatchObject({ revisionNumber: 3, gpu: 0, desiredGPUs: null });
      const refused = await h.call('PUT', `/v1/containers/${gpuSeed.id}`, { body: { desiredGPUs: ['t4'] } });
      expect(refused.status).toBe(400);
      expect(refused.body.fields).toEqual({ desiredGPUs: 'must be left out or empty when gpu is 0' });
      expect((await h.revisions(gpuSeed.id)).total).toBe(3);
    });
  });
});
