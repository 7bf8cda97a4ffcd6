import { beforeAll, describe, expect, it } from 'vitest';
import { CS_USER_MAIN, CS_USER_OTHER } from '../../src/embedded/principals.js';
import { newImage, seedId, startContainerImages, type ContainerImagesHarness } from './container-images-harness.js';

const IMAGE_KEYS = [
  'id',
  'active',
  'is_load_balancer',
  'can_scale',
  'command',
  'container_image_provider_id',
  'description',
  'domains_block_id',
  'general_block_id',
  'icon_url',
  'image_url',
  'is_free',
  'label',
  'min_cpu',
  'labels',
  'min_memory',
  'name',
  'registry_auth',
  'registry_custom',
  'registry_image_path',
  'registry_image_tag',
  'registry_username',
  'remote_block_id',
  'role',
  'role_class',
  'ssh_block_id',
  'user_id',
  'created_at',
  'updated_at',
  'required_containers',
  'required_by',
  'container_image_env_params',
  'container_image_settings_params',
  'container_image_ingress_params',
  'volumes',
];
const RAILS_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;

describe('GET /api/container_images/{id}', () => {
  let h: ContainerImagesHarness;
  beforeAll(async () => {
    h = await startContainerImages();
  });

  it('shows a seeded system image with every field of the document, wrapped in container_image', async () => {
    const reply = await h.call('GET', `/api/container_images/${seedId('wordpress-6')}`);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(['container_image']);
    const image = reply.body.container_image;
    expect(Object.keys(image)).toEqual(IMAGE_KEYS);
    expect(image).toMatchObject({
      id: seedId('wordpress-6'),
      name: 'wordpress-6',
      label: 'WordPress 6',
      user_id: null,
      active: true,
      role: 'wordpress',
      role_class: 'web',
      min_cpu: '1.0',
      min_memory: 1024,
      registry_image_path: 'wordpress',
      registry_image_tag: '6.6-php8.3-apache',
      container_image_provider_id: 1,
      is_load_balancer: false,
      required_containers: [seedId('mariadb-11')],
      labels: [{ key: 'com.computestacks.catalog', value: 'system' }],
    });
    expect(image.created_at).toMatch(RAILS_TIME);
    expect(image.updated_at).toMatch(RAILS_TIME);
    expect(image.container_image_env_params[0]).toEqual({
      id: expect.any(Number),
      name: 'WORDPRESS_DB_HOST',
      label: 'Wordpress db host',
      param_type: 'variable',
      env_value: 'dep.mysql.self.ip',
      static_value: null,
      updated_at: expect.stringMatching(RAILS_TIME),
      created_at: expect.stringMatching(RAILS_TIME),
    });
    const password = image.container_image_settings_params.find((param: any) => param.param_type === 'password');
    expect(password.value).toMatch(/^[\w-]{24}$/);
    expect(image.container_image_ingress_params).toEqual([
      expect.objectContaining({ port: 80, proto: 'tcp', external_access: true, backend_ssl: false, tcp_proxy_opt: 'none' }),
    ]);
    expect(image.volumes[0]).toMatchObject({ mount_path: '/var/www/html', borg_strategy: 'file', borg_keep_daily: 7, borg_pre_backup: [] });
  });

  it('never shows registry_password, even for an image from a private registry', async () => {
    const image = await h.show(seedId('acme-api'));
    expect(image).toMatchObject({ registry_auth: true, registry_custom: 'registry.acme.dev', registry_username: 'ci-bot', registry_image_path: 'acme/api' });
    expect(JSON.stringify(image)).not.toContain('registry_password');
  });

  it('prints min_cpu as Rails prints a BigDecimal', async () => {
    expect((await h.show(seedId('nginx'))).min_cpu).toBe('0.25');
    expect((await h.show(seedId('mariadb-11'))).min_cpu).toBe('0.5');
    expect((await h.show(seedId('elasticsearch-8'))).min_cpu).toBe('2.0');
  });

  it('seeds the same catalogue, passwords included, in every new data directory', async () => {
    const fresh = await startContainerImages();
    expect(await fresh.show(seedId('wordpress-6'))).toEqual(await h.show(seedId('wordpress-6')));
  });
});

describe('POST /api/container_images', () => {
  let h: ContainerImagesHarness;
  beforeAll(async () => {
    h = await startContainerImages();
  });

  it('creates an image owned by the caller: 201, defaults filled in, name from the label, readable back', async () => {
    const reply = await h.call('POST', '/api/container_images', { body: { container_image: newImage({ label: 'Billing API v2' }) } });
    expect(reply.status).toBe(201);
    expect(Object.keys(reply.body)).toEqual(['container_image']);
    const image = reply.body.container_image;
    expect(Object.keys(image)).toEqual(IMAGE_KEYS);
    expect(image).toMatchObject({
      name: 'billing-api-v2',
      label: 'Billing API v2',
      user_id: CS_USER_MAIN,
      active: true,
      can_scale: false,
      is_free: false,
      is_load_balancer: false,
      min_cpu: '0.0',
      min_memory: 0,
      container_image_provider_id: 1,
      registry_auth: false,
      command: null,
      description: null,
      labels: [],
      required_containers: [],
      required_by: [],
      container_image_env_params: [],
      container_image_settings_params: [],
      container_image_ingress_params: [],
      volumes: [],
      role: 'node',
      role_class: 'web',
      registry_image_path: 'acme/my-app',
      registry_image_tag: '1.0.0',
    });
    expect(image.id).toBeGreaterThan(Math.max(...[seedId('zephyr-sandbox'), seedId('yard-tracker')]));
    expect(image.created_at).toBe(image.updated_at);
    expect(await h.show(image.id)).toEqual(image);
    expect((await h.all('filter=owned&per_page=100')).map((entry) => entry.id)).toContain(image.id);
  });

  it('makes names unique with -2, -3 and gives other’s images user 2', async () => {
    const first = await h.create(newImage({ label: 'Twin' }));
    const second = await h.create(newImage({ label: 'twin' }), 'other');
    const third = await h.create(newImage({ label: ' Twin! ' }));
    expect([first.name, second.name, third.name]).toEqual(['twin', 'twin-2', 'twin-3']);
    expect(second.user_id).toBe(CS_USER_OTHER);
    // A seeded name is taken too.
    expect((await h.create(newImage({ label: 'Nginx' }))).name).toBe('nginx-2');
  });

  it('reads min_cpu from a number or a numeric string and min_memory from an integer or an integer string', async () => {
    const cases: Array<[unknown, string]> = [
      [0.5, '0.5'],
      ['2', '2.0'],
      ['0.250', '0.25'],
      [1, '1.0'],
      ['.75', '0.75'],
      ['1e-1', '0.1'],
      [0, '0.0'],
    ];
    for (const [given, shown] of cases) {
      expect((await h.create(newImage({ min_cpu: given }))).min_cpu, String(given)).toBe(shown);
    }
    expect((await h.create(newImage({ min_memory: '512' }))).min_memory).toBe(512);
    expect((await h.create(newImage({ min_memory: 2048 }))).min_memory).toBe(2048);
  });

  it('accepts category as another name for role_class, stored stripped and lowercased', async () => {
    const { role_class: _omit, ...rest } = newImage();
    expect((await h.create({ ...rest, category: 'Database ' })).role_class).toBe('database');
    expect((await h.create(newImage({ role_class: 'CACHE', category: 'dev' }))).role_class).toBe('cache');
  });

  it('takes nested params in the document’s form and shows them all back', async () => {
    const image = await h.create(
      newImage({
        label: 'Doc Form',
        env_params_attributes: [
          { name: 'NODE_ENV', param_type: 'static', static_value: 'production' },
          { name: 'DB_HOST', label: 'Database host', param_type: 'variable', env_value: 'dep.postgres.self.ip' },
        ],
        setting_params_attributes: [{ name: 'admin_user', param_type: 'static', value: 'root' }],
        ingress_params_attributes: [
          { port: 443, proto: 'tls', backend_ssl: true, external_access: true, tcp_proxy_opt: 'send-proxy-v2-ssl-cn' },
          { port: 53, proto: 'udp' },
        ],
        volume_attributes: [
          {
            label: 'data',
            mount_path: 'var//lib/my app/',
            enable_sftp: false,
            borg_enabled: true,
            borg_freq: '0 */6 * * *',
            borg_strategy: 'mysql',
            borg_keep_hourly: 2,
            borg_keep_daily: 7,
            borg_keep_weekly: 4,
            borg_keep_monthly: 12,
            borg_keep_annually: 3,
            borg_pre_backup: ['sync'],
            borg_post_backup: ['echo done'],
            borg_pre_restore: ['stop'],
            borg_post_restore: ['start'],
            borg_rollback: ['start --force'],
          },
        ],
      }),
    );
    expect(image.container_image_env_params.map((p: any) => [p.name, p.label, p.param_type, p.env_value, p.static_value])).toEqual([
      ['NODE_ENV', 'NODE_ENV', 'static', null, 'production'],
      ['DB_HOST', 'Database host', 'variable', 'dep.postgres.self.ip', null],
    ]);
    expect(image.container_image_settings_params).toEqual([
      expect.objectContaining({ name: 'admin_user', label: 'admin_user', param_type: 'static', value: 'root' }),
    ]);
    expect(image.container_image_ingress_params.map(({ id: _i, created_at: _c, updated_at: _u, ...rest }: any) => rest)).toEqual([
      { port: 443, proto: 'tls', backend_ssl: true, external_access: true, tcp_proxy_opt: 'send-proxy-v2-ssl-cn' },
      { port: 53, proto: 'udp', backend_ssl: false, external_access: false, tcp_proxy_opt: 'none' },
    ]);
    const { id: _id, created_at: _c, updated_at: _u, ...volume } = image.volumes[0];
    expect(volume).toEqual({
      label: 'data',
      mount_path: '/var/lib/my_app',
      enable_sftp: false,
      borg_enabled: true,
      borg_freq: '0 */6 * * *',
      borg_strategy: 'mysql',
      borg_keep_hourly: 2,
      borg_keep_daily: 7,
      borg_keep_weekly: 4,
      borg_keep_monthly: 12,
      borg_keep_annually: 3,
      borg_pre_backup: ['sync'],
      borg_post_backup: ['echo done'],
      borg_pre_restore: ['stop'],
      borg_post_restore: ['start'],
      borg_rollback: ['start --force'],
    });
    expect(await h.show(image.id)).toEqual(image);
  });

  it('takes nested params in ComputeStacks’ own wrapped form, with the same result', async () => {
    const image = await h.create(
      newImage({
        label: 'Real Form',
        env_params: [{ env_param: { name: 'NODE_ENV', param_type: 'static', static_value: 'production' } }],
        setting_params: [{ setting_param: { name: 'admin_user', value: 'root' } }],
        ingress_params: [{ ingress_param: { port: 8080, proto: 'tcp', external_access: true } }],
        volumes: [{ volume: { label: 'data', mount_path: '/data' } }],
      }),
    );
    expect(image.container_image_env_params).toEqual([expect.objectContaining({ name: 'NODE_ENV', param_type: 'static', static_value: 'production' })]);
    expect(image.container_image_settings_params).toEqual([expect.objectContaining({ name: 'admin_user', param_type: 'static', value: 'root' })]);
    expect(image.container_image_ingress_params).toEqual([expect.objectContaining({ port: 8080, proto: 'tcp', external_access: true, tcp_proxy_opt: 'none' })]);
    // ComputeStacks' column defaults for a volume.
    expect(image.volumes).toEqual([
      expect.objectContaining({
        label: 'data',
        mount_path: '/data',
        enable_sftp: true,
        borg_enabled: true,
        borg_freq: '@hourly',
        borg_strategy: 'file',
        borg_keep_hourly: 1,
        borg_keep_daily: 1,
        borg_keep_weekly: 1,
        borg_keep_monthly: 1,
        borg_keep_annually: 1,
        borg_rollback: [],
      }),
    ]);
  });

  it('generates a password for a password setting, ignoring any value sent', async () => {
    const body = newImage({ setting_params_attributes: [{ name: 'db_password', param_type: 'password', value: 'chosen-by-me' }] });
    const first = (await h.create(body)).container_image_settings_params[0];
    const second = (await h.create(body)).container_image_settings_params[0];
    expect(first.value).toMatch(/^[\w-]{24}$/);
    expect(first.value).not.toBe('chosen-by-me');
    expect(second.value).not.toBe(first.value);
    expect(first).toMatchObject({ name: 'db_password', label: 'db_password', param_type: 'password' });
  });

  it('drops the admin-only is_free and override_autoremove for anyone but admin, and keeps them for admin', async () => {
    const theirs = await h.create(newImage({ label: 'Free Try', is_free: true, override_autoremove: true }), 'other');
    expect(theirs.is_free).toBe(false);
    const mine = await h.create(newImage({ label: 'Free Admin', is_free: true }));
    expect(mine.is_free).toBe(true);
  });

  it('ignores attributes nobody may set: id, name, user_id, is_load_balancer, labels, registry_password in the output', async () => {
    const image = await h.create(
      newImage({
        label: 'Strong Params',
        id: 1,
        name: 'chosen',
        user_id: 2,
        is_load_balancer: true,
        labels: [{ key: 'a', value: 'b' }],
        registry_password: 's3cret',
        registry_auth: 'true',
        registry_username: 'bot',
      }),
    );
    expect(image.id).not.toBe(1);
    expect(image).toMatchObject({
      name: 'strong-params',
      user_id: CS_USER_MAIN,
      is_load_balancer: false,
      labels: [],
      registry_auth: true,
      registry_username: 'bot',
    });
    expect(JSON.stringify(image)).not.toContain('s3cret');
    expect((await h.show(1)).name).toBe('nginx');
  });
});

describe('PATCH and PUT /api/container_images/{id}', () => {
  let h: ContainerImagesHarness;
  beforeAll(async () => {
    h = await startContainerImages();
  });

  it('updates the given attributes only: 202 with the object, updated_at moves, name stays', async () => {
    const before = await h.show(seedId('acme-shop'));
    const reply = await h.call('PATCH', `/api/container_images/${before.id}`, {
      body: { container_image: { label: 'Acme Shop Renamed', min_cpu: '1.5', description: 'Now with a new name', active: false } },
    });
    expect(reply.status).toBe(202);
    expect(Object.keys(reply.body)).toEqual(['container_image']);
    const after = reply.body.container_image;
    expect(after).toEqual({
      ...before,
      label: 'Acme Shop Renamed',
      min_cpu: '1.5',
      description: 'Now with a new name',
      active: false,
      updated_at: after.updated_at,
    });
    expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
    expect(after.name).toBe('acme-shop');
    expect(await h.show(before.id)).toEqual(after);
  });

  it('treats PUT like PATCH: a partial update answered with 202', async () => {
    const before = await h.show(seedId('acme-docs'));
    const after = await h.update(before.id, { registry_image_tag: '2025.01', can_scale: true }, 'admin', 'PUT');
    expect(after).toEqual({ ...before, registry_image_tag: '2025.01', can_scale: true, updated_at: after.updated_at });
  });

  it('ignores nested params on update, as ComputeStacks permits none there', async () => {
    const before = await h.show(seedId('acme-api'));
    const after = await h.update(before.id, { description: 'x', env_params_attributes: [{ name: 'NEW', static_value: 'v' }] });
    expect(after.container_image_env_params).toEqual(before.container_image_env_params);
  });

  it('lets the owner and admin update, and answers 404 to anyone else, even for an image they can see', async () => {
    const theirs = await h.create(newImage({ label: 'Other Owned' }), 'other');
    expect((await h.update(theirs.id, { description: 'by owner' }, 'other')).description).toBe('by owner');
    expect((await h.update(theirs.id, { description: 'by admin' }, 'admin')).description).toBe('by admin');
    expect((await h.update(seedId('nginx'), { description: 'admin edits the catalogue' })).description).toBe('admin edits the catalogue');
    for (const id of [seedId('acme-landing-page'), seedId('nginx'), seedId('acme-docs')]) {
      const before = await h.show(id);
      const reply = await h.call('PATCH', `/api/container_images/${id}`, { as: 'other', body: { container_image: { label: 'hijack' } } });
      expect(reply.status, String(id)).toBe(404);
      expect(reply.raw.length).toBe(0);
      expect(await h.show(id)).toEqual(before);
    }
    // acme-docs is shared with other: visible to them, yet not theirs to change.
    expect((await h.call('GET', `/api/container_images/${seedId('acme-docs')}`, { as: 'other' })).status).toBe(200);
  });

  it('drops is_free from a non-admin update and applies it for admin', async () => {
    const theirs = await h.create(newImage({ label: 'Free Later' }), 'other');
    expect((await h.update(theirs.id, { is_free: true, description: 'tried' }, 'other')).is_free).toBe(false);
    expect((await h.update(theirs.id, { is_free: true }, 'admin')).is_free).toBe(true);
  });
});

describe('DELETE /api/container_images/{id}', () => {
  let h: ContainerImagesHarness;
  beforeAll(async () => {
    h = await startContainerImages();
  });

  it('deletes with 202 and {}; the image is gone from show and list, and a second delete is 404', async () => {
    const id = seedId('acme-status-page');
    const reply = await h.call('DELETE', `/api/container_images/${id}`);
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({});
    expect((await h.call('GET', `/api/container_images/${id}`)).status).toBe(404);
    expect((await h.all()).map((image) => image.id)).not.toContain(id);
    expect((await h.call('DELETE', `/api/container_images/${id}`)).status).toBe(404);
  });

  it('refuses to delete an image others require with 500 and errors as a string naming them', async () => {
    const id = seedId('wordpress-6');
    const before = await h.show(id);
    const reply = await h.call('DELETE', `/api/container_images/${id}`);
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({ errors: 'Image is required by: acme-blog, knowledge-base, marketing-site, team-blog, globex-shop' });
    expect(await h.show(id)).toEqual(before);
  });

  it('lets the owner and admin delete, and answers 404 with an empty body to anyone else', async () => {
    const theirs = await h.create(newImage({ label: 'Doomed' }), 'other');
    for (const id of [seedId('nginx'), seedId('acme-docs'), seedId('acme-landing-page')]) {
      const reply = await h.call('DELETE', `/api/container_images/${id}`, { as: 'other' });
      expect(reply.status, String(id)).toBe(404);
      expect(reply.raw.length).toBe(0);
      expect((await h.call('GET', `/api/container_images/${id}`)).status).toBe(200);
    }
    expect((await h.call('DELETE', `/api/container_images/${theirs.id}`, { as: 'other' })).status).toBe(202);
    expect((await h.call('DELETE', `/api/container_images/${seedId('adminer-4')}`)).status).toBe(202);
  });
});
