import { beforeAll, describe, expect, it } from 'vitest';
import { newImage, seedId, startContainerImages, type ContainerImagesHarness } from './container-images-harness.js';

const MISSING = { errors: ['param is missing or the value is empty: container_image'] };

describe('request bodies the container image API refuses', () => {
  let h: ContainerImagesHarness;
  /** Every image admin can list, to prove a refusal changed nothing. */
  let snapshot: () => Promise<string>;
  beforeAll(async () => {
    h = await startContainerImages();
    snapshot = async () => JSON.stringify(await h.all('per_page=100'));
  });

  it.each<[string, { body?: unknown; headers?: Record<string, string> }]>([
    ['no body', {}],
    ['an empty JSON body', { body: '', headers: { 'content-type': 'application/json' } }],
    ['an empty object', { body: {} }],
    ['other top-level keys', { body: newImage() }],
    ['container_image null', { body: { container_image: null } }],
    ['container_image empty', { body: { container_image: {} } }],
    ['container_image a string', { body: { container_image: 'nginx' } }],
    ['container_image an array', { body: { container_image: [newImage()] } }],
    ['a body that is not JSON', { body: 'container_image[label]=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
  ])('answers a create with %s with 400 param is missing', async (_what, { body, headers }) => {
    const reply = await h.call('POST', '/api/container_images', { body, headers });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(MISSING);
  });

  it('answers an update without container_image with 400 once the image is found, and 404 before that', async () => {
    const id = seedId('acme-mailer');
    const before = await h.show(id);
    for (const method of ['PATCH', 'PUT']) {
      const reply = await h.call(method, `/api/container_images/${id}`, { body: { label: 'x' } });
      expect(reply.status, method).toBe(400);
      expect(reply.body).toEqual(MISSING);
    }
    expect((await h.call('PATCH', '/api/container_images/999999')).status).toBe(404);
    expect((await h.call('PATCH', `/api/container_images/${id}`, { as: 'other' })).status).toBe(404);
    expect(await h.show(id)).toEqual(before);
  });

  it('lists every missing required attribute at once with 422', async () => {
    const before = await snapshot();
    const reply = await h.call('POST', '/api/container_images', { body: { container_image: { description: 'nothing else' } } });
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({
      errors: [
        "Label can't be blank",
        "Role can't be blank",
        "Role class can't be blank",
        "Registry image path can't be blank",
        "Registry image tag can't be blank",
      ],
    });
    expect(await snapshot()).toBe(before);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown role_class', { role_class: 'frontend' }, ['Role class is not included in the list']],
    ['an unknown category', { role_class: undefined, category: 'frontend' }, ['Role class is not included in the list']],
    ['a blank label', { label: '   ' }, ["Label can't be blank"]],
    ['a label that is an object', { label: { en: 'x' } }, ['Label must be a string', "Label can't be blank"]],
    ['a null registry_image_tag', { registry_image_tag: null }, ["Registry image tag can't be blank"]],
    ['a negative min_memory', { min_memory: -1 }, ['Min memory must be greater than or equal to 0']],
    ['a fractional min_memory', { min_memory: 1.5 }, ['Min memory must be an integer']],
    ['a fractional min_memory string', { min_memory: '512.5' }, ['Min memory must be an integer']],
    ['a min_memory that is not a number', { min_memory: 'lots' }, ['Min memory is not a number']],
    ['a min_memory too large for the column', { min_memory: 2 ** 31 }, ['Min memory must be less than or equal to 2147483647']],
    ['a negative min_cpu', { min_cpu: -0.5 }, ['Min cpu must be greater than or equal to 0.0']],
    ['a min_cpu that is not a number', { min_cpu: 'two' }, ['Min cpu is not a number']],
    ['a min_cpu of null', { min_cpu: null }, ['Min cpu is not a number']],
    ['a boolean that is not one', { can_scale: 'maybe' }, ['Can scale must be true or false']],
    ['an unknown registry provider', { container_image_provider_id: 99 }, ['Container image provider must exist']],
    ['an env param of unknown type', { env_params_attributes: [{ name: 'A', param_type: 'secret' }] }, ['Env params param type is not included in the list']],
    ['an env param without a name', { env_params: [{ env_param: { static_value: 'x' } }] }, ["Env params name can't be blank"]],
    [
      'a setting param of unknown type',
      { setting_params_attributes: [{ name: 'a', param_type: 'variable' }] },
      ['Setting params param type is not included in the list'],
    ],
    ['an ingress param of unknown proto', { ingress_params_attributes: [{ port: 80, proto: 'http' }] }, ['Ingress params proto is not included in the list']],
    ['an ingress param without proto', { ingress_params: [{ ingress_param: { port: 80 } }] }, ['Ingress params proto is not included in the list']],
    [
      'an unknown tcp_proxy_opt',
      { ingress_params_attributes: [{ port: 80, proto: 'tcp', tcp_proxy_opt: 'send-proxy-v3' }] },
      ['Ingress params tcp proxy opt is not included in the list'],
    ],
    [
      'an ingress port out of range',
      { ingress_params_attributes: [{ port: 70000, proto: 'tcp' }] },
      ['Ingress params port must be less than or equal to 65535'],
    ],
    ['an ingress port that is not an integer', { ingress_params_attributes: [{ port: '80/tcp', proto: 'tcp' }] }, ['Ingress params port is not a number']],
    ['an ingress param without port', { ingress_params_attributes: [{ proto: 'tcp' }] }, ["Ingress params port can't be blank"]],
    [
      'an ingress backend_ssl that is not a boolean',
      { ingress_params_attributes: [{ port: 80, proto: 'tcp', backend_ssl: 'yes' }] },
      ['Ingress params backend ssl must be true or false'],
    ],
    [
      'the same port and proto twice',
      {
        ingress_params_attributes: [
          { port: 80, proto: 'tcp' },
          { port: 80, proto: 'tcp' },
        ],
      },
      ['Ingress params port is already assigned to container image'],
    ],
    [
      'a volume of unknown borg strategy',
      { volume_attributes: [{ label: 'd', mount_path: '/d', borg_strategy: 'postgres' }] },
      ['Volumes borg strategy is not included in the list'],
    ],
    ['a volume without mount_path', { volumes: [{ volume: { label: 'd' } }] }, ["Volumes mount path can't be blank"]],
    ['a volume without label', { volumes_attributes: [{ mount_path: '/d' }] }, ["Volumes label can't be blank"]],
    [
      'too many daily backups',
      { volume_attributes: [{ label: 'd', mount_path: '/d', borg_keep_daily: 8 }] },
      ['Volumes borg keep daily must be less than or equal to 7'],
    ],
    [
      'a negative backup count',
      { volume_attributes: [{ label: 'd', mount_path: '/d', borg_keep_weekly: -1 }] },
      ['Volumes borg keep weekly must be greater than or equal to 0'],
    ],
    [
      'a backup frequency that is not cron',
      { volume_attributes: [{ label: 'd', mount_path: '/d', borg_freq: 'every day' }] },
      ['Volumes borg freq invalid frequency syntax'],
    ],
    [
      'backup hooks that are not strings',
      { volume_attributes: [{ label: 'd', mount_path: '/d', borg_pre_backup: [1, 2] }] },
      ['Volumes borg pre backup must be an array of strings'],
    ],
    [
      'two volumes on one mount path',
      {
        volume_attributes: [
          { label: 'a', mount_path: '/d' },
          { label: 'b', mount_path: 'd/' },
        ],
      },
      ['Volumes mount path already exists'],
    ],
    ['nested params that are not a list', { env_params: 'NODE_ENV=production' }, ['Env params is invalid']],
    ['a nested item that is not an object', { setting_params: ['password'] }, ['Setting params is invalid']],
    ['an unknown id in required_containers', { required_containers: [999999] }, ['Required container 999999 not found']],
    ['an unknown id in dependency_parents', { dependency_parents: [{ requires_container_id: 888888 }] }, ['Required container 888888 not found']],
    ['a dependency id that is not an integer', { required_containers: ['redis'] }, ['Required container redis not found']],
    ['dependency_parents entries without an id', { dependency_parents: [5] }, ['Dependency parents is invalid']],
  ])('refuses a create with %s: 422 with exactly its message, and nothing changes', async (_what, overrides, messages) => {
    const before = await snapshot();
    const reply = await h.call('POST', '/api/container_images', { body: { container_image: newImage(overrides) } });
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({ errors: messages });
    expect(await snapshot()).toBe(before);
  });

  it('reports problems of attributes, nested params and dependencies together', async () => {
    const reply = await h.call('POST', '/api/container_images', {
      body: { container_image: newImage({ role: '', min_memory: -5, ingress_params_attributes: [{ port: 1, proto: 'sctp' }], required_containers: [777777] }) },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([
      'Min memory must be greater than or equal to 0',
      "Role can't be blank",
      'Ingress params proto is not included in the list',
      'Required container 777777 not found',
    ]);
  });

  it('refuses dependencies the caller cannot see: another user’s private image, an inactive system image', async () => {
    const before = await snapshot();
    for (const id of [seedId('acme-landing-page'), seedId('php-fpm-7')]) {
      const reply = await h.call('POST', '/api/container_images', { as: 'other', body: { container_image: newImage({ required_containers: [id] }) } });
      expect(reply.status, String(id)).toBe(422);
      expect(reply.body).toEqual({ errors: [`Required container ${id} not found`] });
    }
    expect(await snapshot()).toBe(before);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a blank label', { label: '' }, ["Label can't be blank"]],
    ['an unknown role_class', { role_class: 'backend' }, ['Role class is not included in the list']],
    ['a negative min_memory', { min_memory: -1 }, ['Min memory must be greater than or equal to 0']],
    ['a non-integer min_memory', { min_memory: 0.5 }, ['Min memory must be an integer']],
    ['a negative min_cpu', { min_cpu: '-1' }, ['Min cpu must be greater than or equal to 0.0']],
    ['an unknown required container', { label: 'Changed', required_containers: [seedId('redis-7'), 999999] }, ['Required container 999999 not found']],
    ['a dependency on itself', { dependency_parents: [{ requires_container_id: seedId('acme-mailer') }] }, ['Dependency cycle: acme-mailer -> acme-mailer']],
  ])('refuses an update with %s: 422, and the image stays as it was', async (_what, attributes, messages) => {
    const id = seedId('acme-mailer');
    const before = await h.show(id);
    const reply = await h.call('PATCH', `/api/container_images/${id}`, { body: { container_image: attributes } });
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({ errors: messages });
    expect(await h.show(id)).toEqual(before);
  });
});
