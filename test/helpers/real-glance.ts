import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_MAIN, PROJECT_OTHER } from '../../src/embedded/principals.js';
import { freePort } from './free-port.js';
import { tempDataDir } from './leftovers.js';
import { waitFor } from './wait-for.js';

/**
 * A real OpenStack Glance (Debian's glance-api) for contract tests, started standalone the way
 * docs/real-glance.md describes: no Keystone, SQLite, the file store, 127.0.0.1 only. Without
 * Keystone, the `context` middleware takes the caller from the identity headers Keystone's
 * middleware would have set, so a test can speak as any project and role. Glance's secure
 * defaults are on (`enforce_new_defaults`), which is what the embedded principals model: a
 * reader reads, a member writes in its project, an admin does anything.
 *
 * GLANCE_URL points the same tests at another Glance that trusts these headers instead.
 */
export interface RealGlance {
  url: string;
  stop(): Promise<void>;
}

/** The identity headers of each embedded principal, as Keystone's middleware would set them. */
export const GLANCE_IDENTITIES = {
  admin: { project: PROJECT_MAIN, user: 'c3e8a1f5d7b24c9e8f0a6b2d4e1c7f3a', roles: 'admin,member,reader' },
  reader: { project: PROJECT_MAIN, user: 'c3e8a1f5d7b24c9e8f0a6b2d4e1c7f3a', roles: 'reader' },
  other: { project: PROJECT_OTHER, user: 'e6d4b2a09f8c4e1d7b3a5c9e2f0d8b6a', roles: 'member,reader' },
} as const;

export function identityHeaders(who: keyof typeof GLANCE_IDENTITIES): Record<string, string> {
  const identity = GLANCE_IDENTITIES[who];
  return {
    'x-identity-status': 'Confirmed',
    'x-project-id': identity.project,
    'x-user-id': identity.user,
    'x-roles': identity.roles,
  };
}

const PASTE_INI = `[pipeline:glance-api]
pipeline = versionnegotiation context rootapp

[composite:rootapp]
paste.composite_factory = glance.api:root_app_factory
/: apiversions
/v2: apiv2app

[app:apiversions]
paste.app_factory = glance.api.versions:create_resource

[app:apiv2app]
paste.app_factory = glance.api.v2.router:API.factory

[filter:versionnegotiation]
paste.filter_factory = glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory

[filter:context]
paste.filter_factory = glance.api.middleware.context:ContextMiddleware.factory
`;

function apiConf(dir: string, port: number): string {
  return `[DEFAULT]
bind_host = 127.0.0.1
bind_port = ${port}
workers = 1
enforce_secure_rbac = true
log_file = ${join(dir, 'glance-api.log')}
use_stderr = false
[database]
connection = sqlite:///${join(dir, 'glance.sqlite')}
[glance_store]
stores = file
default_store = file
filesystem_store_datadir = ${join(dir, 'images')}/
[paste_deploy]
config_file = ${join(dir, 'glance-api-paste.ini')}
[oslo_policy]
enforce_new_defaults = true
policy_dirs = ${join(dir, 'policy.d')}
`;
}

/** Starts glance-api on a free port of 127.0.0.1 with an empty database, or uses GLANCE_URL. */
export async function startRealGlance(): Promise<RealGlance> {
  if (process.env.GLANCE_URL) return { url: process.env.GLANCE_URL.replace(/\/$/, ''), stop: async () => {} };
  const dir = await tempDataDir();
  await mkdir(join(dir, 'images'));
  await mkdir(join(dir, 'policy.d'));
  const port = await freePort();
  const conf = join(dir, 'glance-api.conf');
  await writeFile(join(dir, 'glance-api-paste.ini'), PASTE_INI);
  await writeFile(conf, apiConf(dir, port));
  await promisify(execFile)('glance-manage', ['--config-file', conf, 'db_sync']);
  const child: ChildProcess = spawn('glance-api', ['--config-file', conf], { stdio: 'ignore', detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`glance-api exited with ${child.exitCode}; see ${join(dir, 'glance-api.log')}`);
        return fetch(`${url}/versions`).then(
          (response) => response.ok,
          () => false,
        );
      },
      { deadlineMs: 30_000, what: 'glance-api to answer' },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
