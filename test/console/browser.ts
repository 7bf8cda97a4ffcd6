import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { track } from '../helpers/leftovers.js';

/**
 * The console's browser tests share this: Debian's Chromium (`apt-get install chromium`, as
 * .ci/run does) driven by playwright-core, axe-core to check each page, and ARTIFACTS for the
 * screenshots of each page, whose path .ci/run prints.
 */
export const ARTIFACTS = join(process.cwd(), '.ci', 'artifacts', 'console');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Headless flags for this machine's closed network (background networking would be refused). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Chromium, closed after the file's tests. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  track(() => browser.close());
  return browser;
}

/** A fresh tab in its own context (its own session storage), downloads allowed. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  track(() => context.close());
  return context.newPage();
}

/** axe-core's violations on the page as it stands, as `rule: target` lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }
    ).axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

/** Opens the console at `url` and signs in as one of the dev principals. */
export async function signInAs(page: Page, url: string, who: 'admin' | 'reader' | 'other'): Promise<void> {
  await page.goto(`${url}/console`);
  await page.getByRole('button', { name: `Sign in as ${who}` }).click();
  await page.getByRole('heading', { name: 'Workloads' }).waitFor();
  await page.locator('tbody tr').first().waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
