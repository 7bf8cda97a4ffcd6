import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startTestEmbedded, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { qcow2 } from '../helpers/qcow2.js';

/**
 * OpenStack's own clients, from Debian's packages (python3-glanceclient, python3-openstacksdk,
 * installed by .ci/run), against the embedded VM image service: every call succeeds.
 * python-glanceclient reads /v2/schemas/image first; openstacksdk tags one tag at a time.
 */
const SCRIPT = fileURLToPath(new URL('./openstack-clients.py', import.meta.url));
/** Debian's interpreter, where Debian's packages are (not whatever python3 comes first on PATH). */
const PYTHON = '/usr/bin/python3';

describe("OpenStack's own clients against the embedded VM image service", () => {
  it('list, filter, create, upload, download, update, tag, untag, deactivate, reactivate and delete', async () => {
    const dir = await tempDataDir();
    const embedded = await startTestEmbedded(dir, ['vmImages']);
    const image = join(dir, 'client.qcow2');
    await writeFile(image, qcow2(64 * 1024));
    const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, embedded.urls.vmImages!, TOKENS.admin, image], { timeout: 60_000 });
    const steps = JSON.parse(stdout) as Array<{ step: string; ok: boolean; value?: unknown; error?: string }>;
    expect(steps.map((step) => step.step)).toHaveLength(21);
    expect(steps.filter((step) => !step.ok)).toEqual([]);
    const value = (name: string) => steps.find((step) => step.step === name)?.value;
    expect(value('glanceclient download')).toBe(true);
    expect(value('openstacksdk download')).toBe(true);
    expect(value('openstacksdk create and upload')).toBe('active');
    expect(value('openstacksdk deactivate')).toBe('deactivated');
    expect(value('glanceclient update')).toBe('renamed');
  }, 90_000);
});
