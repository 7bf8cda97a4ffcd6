import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.js';
import { PowerContainerDocument } from '../generated/graphql.js';
import { gqlAt, startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { ARTIFACTS, accessibilityViolations, launchBrowser, newPage as openTab, screenshot, signInAs as signInAt } from './browser.js';

/**
 * The Gantry Console in a real browser (browser.ts), against a real gateway and the embedded
 * services: sign-in, workloads, a container's page, search, errors, and how it is served.
 * Images, the catalogue and serverless have their own files beside this one.
 */
let browser: Browser;
let gateway: Gateway;

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  gateway = await startTestGateway(embedded.urls, { GANTRY_POLL_INTERVAL_MS: '200' }, { devTokens: TOKENS });
  browser = await launchBrowser();
}, 60_000);

const newPage = (): Promise<Page> => openTab(browser);
const signInAs = (page: Page, who: 'admin' | 'reader') => signInAt(page, gateway.url, who);

describe('the Gantry Console', () => {
  it('signs in with a pasted token, by keyboard, and passes axe-core', async () => {
    console.log(`console screenshots: ${ARTIFACTS}`);
    const page = await newPage();
    await page.goto(`${gateway.url}/console`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    // By keyboard: the token field, then its button.
    await page.keyboard.press('Tab');
    await page.keyboard.type(TOKENS.reader);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Workloads' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('gantry-console-token'))).toBe(TOKENS.reader);
    // The token is never in the page's HTML.
    expect(await page.content()).not.toContain(TOKENS.reader);
  });

  it('lists workloads and follows a container to ONLINE live, without a reload', async () => {
    const page = await newPage();
    await signInAs(page, 'admin');
    expect(await accessibilityViolations(page)).toEqual([]);
    const { data } = await gqlAt(gateway.url, '{ containers(first: 50) { nodes { id name state } } }');
    const offline = (data.containers.nodes as Array<{ id: string; name: string; state: string }>).find((c) => c.state === 'OFFLINE')!;
    const cell = page.locator(`tr[data-workload="${offline.name}"] [data-state]`);
    await expect(cell.getAttribute('data-state')).resolves.toBe('OFFLINE');
    const powered = await gqlAt(gateway.url, PowerContainerDocument, { input: { id: offline.id, action: 'START' } });
    expect(powered.data.powerContainer.__typename).toBe('PowerContainerSuccess');
    await page.locator(`tr[data-workload="${offline.name}"] [data-state="ONLINE"]`).waitFor({ timeout: 15_000 });
    await screenshot(page, 'workloads');
    // The search box narrows the table to matching names.
    await page.getByLabel('Search by name').fill(offline.name);
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
  });

  it("a container's page: the tail grows, stop and start go through a confirmation, and a reload resumes the tail with no line lost or repeated", async () => {
    const page = await newPage();
    await signInAs(page, 'admin');
    const { data } = await gqlAt(gateway.url, '{ containers(first: 50) { nodes { id name state } } }');
    const online = (data.containers.nodes as Array<{ id: string; name: string; state: string }>).find((c) => c.state === 'ONLINE')!;
    await page.getByRole('link', { name: online.name, exact: true }).click();
    await page.getByRole('heading', { name: online.name }).waitFor();
    // The demo container logs a line every 2 s.
    const lines = page.locator('[data-log-line]');
    await expect.poll(() => lines.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'container');

    // Stop, with a confirmation: the state shown follows it live to OFFLINE, and the tail goes quiet.
    await page.getByRole('button', { name: 'stop', exact: true }).click();
    await page.getByRole('alertdialog').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, stop' }).click();
    await page.locator('dd[data-state="OFFLINE"]').waitFor({ timeout: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const shown = () => lines.evaluateAll((items) => items.map((item) => ({ cursor: item.getAttribute('data-cursor'), text: item.textContent })));
    const before = await shown();

    // Reload, then start it again: the tail resumes after the last line shown before the reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Power' }).waitFor();
    await page.getByRole('button', { name: 'start', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, start' }).click();
    await page.locator('dd[data-state="ONLINE"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => lines.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const after = await shown();
    expect(after.filter((line) => before.some((seen) => seen.cursor === line.cursor))).toEqual([]);
    const tail = await gqlAt(gateway.url, 'query($id: ID!) { container(id: $id) { logs(limit: 200) { timestamp message } } }', { id: online.id });
    // `logs` answers newest first.
    const history = (tail.data.container.logs as Array<{ timestamp: string; message: string }>).map((line) => `${line.timestamp} ${line.message}`).reverse();
    const lastSeen = history.indexOf(before.at(-1)!.text!);
    expect(lastSeen).toBeGreaterThanOrEqual(0);
    expect(after[0]!.text).toBe(history[lastSeen + 1]);
  });

  it("a container's CPU and memory charts hold its recent samples and move on with each new one", async () => {
    // The embedded fleet samples every 30 s of its clock: a clock 30 times as fast samples each second.
    const start = Date.now();
    const embedded = await startTestEmbedded(await tempDataDir(), undefined, () => start + (Date.now() - start) * 30);
    const fast = await startTestGateway(embedded.urls, { GANTRY_POLL_INTERVAL_MS: '200' }, { devTokens: TOKENS });
    const page = await newPage();
    await page.goto(`${fast.url}/console`);
    await page.getByRole('button', { name: 'Sign in as admin' }).click();
    const { data } = await gqlAt(fast.url, '{ containers(first: 50) { nodes { id name state } } }');
    const online = (data.containers.nodes as Array<{ id: string; name: string; state: string }>).find((c) => c.state === 'ONLINE')!;
    await page.getByRole('link', { name: online.name, exact: true }).click();
    const figure = (chart: string, attribute: 'data-points' | 'data-last') =>
      page.locator(`figure[data-chart="${chart}"]`).getAttribute(attribute).then(Number);
    await expect.poll(() => figure('CPU', 'data-points'), { timeout: 10_000 }).toBeGreaterThan(0);
    // The window is full (three hours of samples): a new sample moves its end.
    const last = await figure('CPU', 'data-last');
    await expect.poll(() => figure('CPU', 'data-last'), { timeout: 10_000 }).toBeGreaterThan(last);
    await expect.poll(() => figure('Memory', 'data-last'), { timeout: 10_000 }).toBeGreaterThan(last);
    expect(await page.locator('figure[data-chart="CPU"] canvas').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'container-metrics');
  });

  it('starts a stopped container from its page: the state reaches ONLINE, the tail grows, the charts gain points; then stops it', async () => {
    const start = Date.now();
    const embedded = await startTestEmbedded(await tempDataDir(), undefined, () => start + (Date.now() - start) * 30);
    const fast = await startTestGateway(embedded.urls, { GANTRY_POLL_INTERVAL_MS: '200' }, { devTokens: TOKENS });
    const page = await newPage();
    await signInAt(page, fast.url, 'admin');
    const { data } = await gqlAt(fast.url, '{ containers(first: 50) { nodes { id name state } } }');
    const offline = (data.containers.nodes as Array<{ id: string; name: string; state: string }>).find((c) => c.state === 'OFFLINE')!;
    await page.getByRole('link', { name: offline.name, exact: true }).click();
    await page.locator('dd[data-state="OFFLINE"]').waitFor();
    const lines = page.locator('[data-log-line]');
    const figure = (chart: string, attribute: 'data-points' | 'data-last') =>
      page
        .locator(`figure[data-chart="${chart}"]`)
        .getAttribute(attribute)
        .then((value) => Number(value || 0));
    const linesBefore = await lines.count();
    const pointsBefore = await figure('CPU', 'data-points');
    const lastBefore = await figure('CPU', 'data-last');

    await page.getByRole('button', { name: 'start', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, start' }).click();
    await page.locator('dd[data-state="ONLINE"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => lines.count(), { timeout: 10_000 }).toBeGreaterThan(linesBefore + 1);
    // A new sample: the chart holds more points, or its full window ends later.
    await expect
      .poll(async () => (await figure('CPU', 'data-points')) > pointsBefore || (await figure('CPU', 'data-last')) > lastBefore, { timeout: 10_000 })
      .toBe(true);

    await page.getByRole('button', { name: 'stop', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, stop' }).click();
    await page.locator('dd[data-state="OFFLINE"]').waitFor({ timeout: 15_000 });
  });

  it("a reader's power action is refused, and the page shows the typed error", async () => {
    const page = await newPage();
    await signInAs(page, 'reader');
    // Serverless rows link to their own pages: take a container's row.
    await page
      .locator('tbody tr')
      .filter({ has: page.getByRole('cell', { name: 'Container', exact: true }) })
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('heading', { name: 'Power' }).waitFor();
    await page.getByRole('button', { name: 'restart', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, restart' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('FORBIDDEN');
    await screenshot(page, 'refused');
  });

  it('searches everything from the header and jumps to a container', async () => {
    const page = await newPage();
    await signInAs(page, 'admin');
    const { data } = await gqlAt(gateway.url, '{ containers(first: 50) { nodes { name } } }');
    const name = (data.containers.nodes as Array<{ name: string }>)[0]!.name;
    await page.getByLabel('Search everything').fill(name);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'search');
    await results.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
    expect(page.url()).toContain('#/containers/');
    expect(await results.count()).toBe(0);
  });

  it('shows a backend that is down by name, and the rest of the page works', async () => {
    const embedded = await startTestEmbedded(await tempDataDir());
    // Nothing listens on port 9 of 127.0.0.1: the serverless service is down.
    const halfDown = await startTestGateway({ ...embedded.urls, serverless: 'http://127.0.0.1:9' }, {}, { devTokens: TOKENS });
    const page = await newPage();
    await page.goto(`${halfDown.url}/console`);
    await page.getByRole('button', { name: 'Sign in as admin' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/UPSTREAM_UNAVAILABLE.*serverless/i);
    // The containers are listed all the same.
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody td', { hasText: 'Container' }).count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'backend-down');
  });

  it('serves small, compressed, cached assets: far lighter than GraphiQL', async () => {
    const html = await request(`${gateway.url}/console`);
    expect(html.headers['cache-control']).toBe('no-cache');
    const page = await html.body.text();
    expect(html.statusCode).toBe(200);
    const assets = [...page.matchAll(/\/console\/assets\/[\w.-]+\.(?:js|css)/g)].map((match) => match[0]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    let compressed = 0;
    for (const asset of assets) {
      const response = await request(`${gateway.url}${asset}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      compressed += Buffer.from(await response.body.arrayBuffer()).length;
      const again = await request(`${gateway.url}${asset}`, { headers: { 'if-none-match': String(response.headers.etag) } });
      expect(again.statusCode).toBe(304);
      await again.body.dump();
    }
    expect(compressed).toBeLessThan(150 * 1024);
  });

  it('runs on a gateway that takes only trusted documents (each operation sent by its hash)', async () => {
    const embedded = await startTestEmbedded(await tempDataDir());
    const trusted = await startTestGateway(
      embedded.urls,
      { GANTRY_TRUSTED_DOCUMENTS: join(process.cwd(), 'client/generated/persisted-documents.json') },
      { devTokens: TOKENS },
    );
    const page = await newPage();
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/graphql') && response.status() >= 400) refused.push(`${response.status()}`);
    });
    await page.goto(`${trusted.url}/console`);
    await page.getByRole('button', { name: 'Sign in as admin' }).click();
    await page.locator('tbody tr').first().waitFor();
    await page.locator('tr [data-state="ONLINE"]').first().waitFor();
    expect(refused).toEqual([]);
    expect(await page.getByRole('alert').count()).toBe(0);
    // Every other page's documents are in the manifest too.
    const pages: Array<[string, () => Promise<unknown>]> = [
      [
        'a container',
        () =>
          page
            .locator('tbody tr')
            .filter({ has: page.getByRole('cell', { name: 'Container', exact: true }) })
            .getByRole('link')
            .first()
            .click(),
      ],
      ['images', () => page.goto(`${trusted.url}/console#/images`)],
      [
        'a VM image',
        () =>
          page
            .locator('tbody tr')
            .filter({ has: page.getByRole('cell', { name: 'VM image', exact: true }) })
            .getByRole('link')
            .first()
            .click(),
      ],
      [
        'a CI image',
        () =>
          page.goto(`${trusted.url}/console#/images`).then(() =>
            page
              .locator('tbody tr')
              .filter({ has: page.getByRole('cell', { name: 'CI image', exact: true }) })
              .getByRole('link')
              .first()
              .click(),
          ),
      ],
      ['the catalogue', () => page.goto(`${trusted.url}/console#/catalogue`)],
      ['a catalogue image', () => page.locator('tbody a').first().click()],
      [
        'a serverless container',
        () =>
          page.goto(`${trusted.url}/console#/workloads`).then(() =>
            page
              .locator('tbody tr')
              .filter({ has: page.getByRole('cell', { name: 'Serverless', exact: true }) })
              .getByRole('link')
              .first()
              .click(),
          ),
      ],
      ['the new serverless form', () => page.goto(`${trusted.url}/console#/serverless/new`)],
    ];
    for (const [name, open] of pages) {
      await open();
      await page.locator('main h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(refused, name).toEqual([]);
      expect(await page.getByRole('alert').count(), name).toBe(0);
    }
    await page.getByLabel('Nvidia a100').waitFor();
  });

  it('offers no dev principals where the gateway would not print their tokens', async () => {
    const embedded = await startTestEmbedded(await tempDataDir());
    const plain = await startTestGateway(embedded.urls);
    const session = (await (await request(`${plain.url}/console/session.json`)).body.json()) as { principals: unknown[] };
    expect(session.principals).toEqual([]);
    const page = await newPage();
    await page.goto(`${plain.url}/console`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('button', { name: /Sign in as/ }).count()).toBe(0);
  });
});
