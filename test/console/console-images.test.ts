import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { accessibilityViolations, launchBrowser, newPage, screenshot, signInAs } from './browser.js';

/**
 * The console's images and catalogue pages in a real browser (browser.ts): a real QCOW2 made by
 * qemu-img goes up through the byte routes and comes back down with the same sha256, and the
 * catalogue's dependency graph links each image to its own page.
 */
let browser: Browser;
let gateway: Gateway;
let dir: string;
/** A real QCOW2 of random data (so it does not compress away): about 6 MB. */
let qcow2: string;

beforeAll(async () => {
  dir = await tempDataDir();
  const raw = join(dir, 'disk.raw');
  writeFileSync(raw, randomBytes(6 * 1024 * 1024));
  qcow2 = join(dir, 'disk.qcow2');
  execFileSync('qemu-img', ['convert', '-f', 'raw', '-O', 'qcow2', raw, qcow2]);
  const embedded = await startTestEmbedded(await tempDataDir());
  gateway = await startTestGateway(embedded.urls, {}, { devTokens: TOKENS });
  browser = await launchBrowser();
}, 60_000);

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function openImages(page: Page): Promise<void> {
  await signInAs(page, gateway.url, 'admin');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Images' }).click();
  await page.getByRole('heading', { name: 'Images', exact: true }).waitFor();
  await page.locator('tbody tr').first().waitFor();
}

/** Uploads the test's QCOW2 through the form; resolves once the gateway has answered. */
async function upload(page: Page, kind: 'VM image' | 'CI image', name: string, namespace?: string): Promise<void> {
  await page.getByLabel(kind, { exact: true }).check();
  await page.getByLabel('QCOW2 file').setInputFiles(qcow2);
  await page.getByLabel('Image name').fill(name);
  if (namespace) await page.getByLabel('Namespace (optional)').fill(namespace);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
}

/** Downloads from an image's page; the file's suggested name and its sha256. */
async function downloadFrom(page: Page): Promise<{ name: string; sha256: string }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  const path = join(dir, `download-${Date.now()}`);
  await saved.saveAs(path);
  return { name: saved.suggestedFilename(), sha256: sha256(path) };
}

describe('the console: images', () => {
  it('uploads a real QCOW2 as a VM image with progress to 100%, lists it, and downloads it by name with the same sha256', async () => {
    const page = await newPage(browser);
    await openImages(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'images');

    const name = `console-vm-${Date.now()}`;
    await upload(page, 'VM image', name);
    await page.locator('.transfer[data-percent="100"]').waitFor({ timeout: 20_000 });
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /100% · 6\.\d MB of 6\.\d MB · [\d.]+ [KMG]?B\/s/ })
        .count(),
    ).resolves.toBe(1);
    await page.getByText(`Uploaded ${name}.`).waitFor();
    // The list has asked again: the new image is there, ACTIVE now that its data is in.
    const row = page.locator(`tr[data-image="${name}"]`);
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('ACTIVE');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'images-uploaded');

    await row.getByRole('link', { name }).click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
    const file = await downloadFrom(page);
    expect(file).toEqual({ name: `${name}.qcow2`, sha256: sha256(qcow2) });
    await page.getByText(`Saved as ${name}.qcow2.`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'vm-image');
  });

  it('uploads a CI image into a namespace and downloads it with the same sha256', async () => {
    const page = await newPage(browser);
    await openImages(page);
    const name = `console_ci_${Date.now()}`;
    await upload(page, 'CI image', name, 'infra');
    await page.getByText(`Uploaded ${name}.`).waitFor({ timeout: 20_000 });
    await page.getByRole('link', { name, exact: true }).first().click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
    await expect(page.locator('dd').filter({ hasText: 'infra' }).count()).resolves.toBe(1);
    expect(await downloadFrom(page)).toEqual({ name: `${name}.qcow2`, sha256: sha256(qcow2) });
  });

  it('shows each refusal beside its field: a file that is not QCOW2, and a CI name the gateway refuses', async () => {
    const page = await newPage(browser);
    await openImages(page);
    const notQcow2 = join(dir, 'notes.txt');
    writeFileSync(notQcow2, 'not a disk image');
    await page.getByLabel('QCOW2 file').setInputFiles(notQcow2);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.locator('[data-field="upload-file"] .field-error').textContent()).resolves.toMatch(/not a QCOW2 file/);
    await expect(page.getByLabel('QCOW2 file').getAttribute('aria-invalid')).resolves.toBe('true');

    // The gateway's own rule for CI names comes back as an InvalidInputError on `name`.
    await upload(page, 'CI image', 'not a valid name!');
    await expect(page.locator('[data-field="upload-name"] .field-error').textContent()).resolves.toMatch(/letters, digits/);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('BAD_USER_INPUT');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('cancels an upload half way and leaves no empty VM image behind', async () => {
    const page = await newPage(browser);
    await openImages(page);
    // Chromium's own throttle: 256 KB/s up, so the 6 MB file takes about 24 s.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    const name = `console-cancel-${Date.now()}`;
    await upload(page, 'VM image', name);
    const bar = page.locator('.transfer');
    await expect.poll(async () => Number(await bar.getAttribute('data-percent')), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(Number(await bar.getAttribute('data-percent'))).toBeLessThan(100);
    await bar.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/CANCELLED.*Upload cancelled/);
    await expect(bar.count()).resolves.toBe(0);
    const left = await gqlAt(gateway.url, 'query($name: String!) { vmImages(first: 5, filter: { name: $name }) { nodes { id status } } }', { name });
    expect(left.data.vmImages.nodes).toEqual([]);
  });

  it('filters the list by name and by source', async () => {
    const page = await newPage(browser);
    await openImages(page);
    const { data } = await gqlAt(gateway.url, '{ ciImages(first: 1) { nodes { name } } vmImages(first: 1) { nodes { name } } }');
    const ciName = data.ciImages.nodes[0].name as string;
    await page.getByLabel('Name contains').fill(ciName);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.locator('tbody th').allTextContents()).toContain(ciName);
    for (const cell of await page.locator('tbody th').allTextContents()) expect(cell.toLowerCase()).toContain(ciName.toLowerCase());

    await page.getByLabel('Name contains').fill('');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByLabel('CI images').uncheck();
    await expect.poll(() => page.locator('tbody td:first-of-type').allTextContents()).not.toContain('CI image');
    expect(await page.locator('tbody td:first-of-type').allTextContents()).toContain('VM image');
  });
});

describe('the console: catalogue', () => {
  it("draws an image's dependencies both ways, each node a link to its own page", async () => {
    const { data } = await gqlAt(gateway.url, '{ containerImages(first: 100) { nodes { id label requiredContainers { label } requiredBy { label } } } }');
    type Entry = { id: string; label: string; requiredContainers: Array<{ label: string }>; requiredBy: Array<{ label: string }> };
    const entries = data.containerImages.nodes as Entry[];
    const needy = entries.find((entry) => entry.requiredContainers.length > 0)!;
    const needed = needy.requiredContainers[0]!.label;
    const page = await newPage(browser);
    await signInAs(page, gateway.url, 'admin');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Catalogue' }).click();
    await page.getByRole('link', { name: needy.label, exact: true }).click();
    await page.getByRole('heading', { name: needy.label, exact: true }).waitFor();
    const graph = page.locator('figure.graph');
    for (const required of needy.requiredContainers) await graph.locator(`a[data-node="${required.label}"]`).waitFor();
    expect(await graph.locator('a[aria-current="page"]').getAttribute('data-node')).toBe(needy.label);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'catalogue-graph');

    // Following a node opens that image, whose graph has the first image among those requiring it.
    await graph.locator(`a[data-node="${needed}"]`).click();
    await page.getByRole('heading', { name: needed, exact: true }).waitFor();
    await graph.locator(`a[data-node="${needy.label}"]`).waitFor();
    expect(await graph.locator('figcaption').textContent()).toContain(needy.label);
  });
});

describe('the console: search finds every kind', () => {
  it('jumps from a hit to a VM image, a CI image, a catalogue entry and a serverless container', async () => {
    const { data } = await gqlAt(
      gateway.url,
      '{ vmImages(first: 1) { nodes { name } } ciImages(first: 1) { nodes { name } } containerImages(first: 1) { nodes { label } } serverlessContainers(first: 1) { nodes { name } } }',
    );
    const targets = [
      { name: data.vmImages.nodes[0].name as string, kind: 'VmImage', hash: '#/vm-images/' },
      { name: data.ciImages.nodes[0].name as string, kind: 'CiImage', hash: '#/ci-images/' },
      { name: data.containerImages.nodes[0].label as string, kind: 'ContainerImage', hash: '#/catalogue/' },
      { name: data.serverlessContainers.nodes[0].name as string, kind: 'ServerlessContainer', hash: '#/serverless/' },
    ];
    const page = await newPage(browser);
    await signInAs(page, gateway.url, 'admin');
    for (const target of targets) {
      await page.getByLabel('Search everything').fill(target.name);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const hit = page
        .getByRole('list', { name: 'Search results' })
        .getByRole('listitem')
        .filter({ hasText: target.kind })
        .getByRole('link', { name: target.name, exact: true });
      await hit.first().click();
      await page.getByRole('heading', { name: target.name, exact: true }).waitFor();
      expect(page.url()).toContain(target.hash);
    }
  });
});
