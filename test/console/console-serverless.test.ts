import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.js';
import { startTestEmbedded, startTestGateway, TOKENS } from '../helpers/harness.js';
import { tempDataDir } from '../helpers/leftovers.js';
import { accessibilityViolations, launchBrowser, newPage, screenshot, signInAs } from './browser.js';

/**
 * The console's serverless forms in a real browser (browser.ts): every field error from
 * InvalidInputError lands beside its field, and a fixed form deploys revisions that the
 * timeline follows to READY.
 */
let browser: Browser;
let gateway: Gateway;

beforeAll(async () => {
  const embedded = await startTestEmbedded(await tempDataDir());
  gateway = await startTestGateway(embedded.urls, {}, { devTokens: TOKENS });
  browser = await launchBrowser();
}, 60_000);

/** The error shown beside a form field, by the field's id. */
const errorBeside = (page: Page, field: string) => page.locator(`[data-field="${field}"] .field-error`);

describe('the console: serverless', () => {
  it('shows every bad field beside itself, then creates and deploys once they are fixed, and a change deploys revision 2 with a GPU model picked', async () => {
    const page = await newPage(browser);
    await signInAs(page, gateway.url, 'admin');
    await page.getByRole('link', { name: 'New serverless container' }).click();
    await page.getByRole('heading', { name: 'New serverless container' }).waitFor();
    // The GPU models come from the API.
    await page.getByLabel('Nvidia a100').waitFor();

    await page.getByLabel('Name', { exact: true }).fill('Not_A_Name');
    await page.getByLabel('Image', { exact: true }).fill('nginx');
    await page.getByLabel('CPU cores').fill('0');
    await page.getByLabel('Memory').fill('lots');
    await page.getByLabel('Port').fill('70000');
    await page.getByRole('button', { name: 'Add a variable' }).click();
    await page.getByLabel('Variable 1 name').fill('1BAD');
    await page.getByLabel('Variable 1 value').fill('x');
    await page.getByRole('button', { name: 'Create and deploy' }).click();

    for (const field of ['sc-name', 'sc-image', 'sc-cpu', 'sc-ram', 'sc-port', 'sc-env-0-name']) {
      await expect(errorBeside(page, field).textContent(), field).resolves.toMatch(/\w/);
    }
    await expect(errorBeside(page, 'sc-ram').textContent()).resolves.toMatch(/Kubernetes quantity/);
    await expect(errorBeside(page, 'sc-port').textContent()).resolves.toMatch(/65535/);
    expect(await errorBeside(page, 'sc-ephemeralStorage').count()).toBe(0);
    expect(await page.getByLabel('Memory').getAttribute('aria-invalid')).toBe('true');
    // The alert counts the fields rather than saying each message twice.
    await expect(page.getByRole('alert').textContent()).resolves.toBe('BAD_USER_INPUT: 6 fields need fixing: see the messages beside them.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'serverless-errors');

    // Fixed: it is created and its page opens, revision 1 deploying, then READY.
    const name = `console-web-${Date.now() % 100_000}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Image', { exact: true }).fill('nginxdemos/hello:0.4');
    await page.getByLabel('CPU cores').fill('0.5');
    await page.getByLabel('Memory').fill('512Mi');
    await page.getByLabel('Port').fill('8080');
    await page.getByLabel('Variable 1 name').fill('GREETING');
    await page.getByRole('button', { name: 'Create and deploy' }).click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
    const timeline = page.getByRole('list', { name: 'Revisions, newest first' });
    await timeline.locator('li[data-revision="1"]').waitFor();
    // The embedded service deploys a revision in 5 s; the page asks again while one deploys.
    await timeline.locator('li[data-revision="1"][data-status="READY"]').waitFor({ timeout: 15_000 });

    // A GPU without a model: the service's refusal lands beside the GPU models.
    await page.getByLabel('GPUs').fill('1');
    await page.getByRole('button', { name: 'Save and deploy a new revision' }).click();
    await expect(errorBeside(page, 'sc-gpuModels').textContent()).resolves.toMatch(/GPU model/);
    expect(await timeline.locator('li').count()).toBe(1);

    await page.getByLabel('Nvidia a100').check();
    await page.getByRole('button', { name: 'Save and deploy a new revision' }).click();
    await timeline.locator('li[data-revision="2"]').waitFor();
    expect(await timeline.locator('li').first().getAttribute('data-revision')).toBe('2');
    await timeline.locator('li[data-revision="2"][data-status="READY"]').waitFor({ timeout: 15_000 });
    await expect(timeline.locator('li[data-revision="2"]').textContent()).resolves.toContain('serving');
    // The form now holds what revision 2 runs.
    expect(await page.getByLabel('Nvidia a100').isChecked()).toBe(true);
    expect(await page.getByLabel('GPUs').inputValue()).toBe('1');
    expect(await errorBeside(page, 'sc-gpuModels').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'serverless');
  });

  it('a number GraphQL cannot carry is named beside its field, not sent', async () => {
    const page = await newPage(browser);
    await signInAs(page, gateway.url, 'admin');
    await page.getByRole('link', { name: 'New serverless container' }).click();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('CreateServerless')) sent.push(request.url());
    });
    await page.getByLabel('Port').fill('80.5');
    await page.getByRole('button', { name: 'Create and deploy' }).click();
    await expect(errorBeside(page, 'sc-port').textContent()).resolves.toBe('must be a whole number');
    expect(sent).toEqual([]);
  });
});
