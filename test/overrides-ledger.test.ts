import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * src/overrides/README.md is the ledger of every place Gantry bends a framework. It must stay
 * true: every override file has a row, every package version a row relies on is the one
 * installed (a dependency bump has to go through the ledger), and every guard test it names exists.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ledger = readFileSync(`${ROOT}src/overrides/README.md`, 'utf8');
const rows = ledger
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| ?/, '').replace(/ ?\|$/, '')));

describe('the overrides ledger', () => {
  it('has a row for every file in src/overrides, each with its five columns', () => {
    const named = rows.map((cells) => /`([^`]+)`/.exec(cells[0]!)?.[1]);
    const files = readdirSync(`${ROOT}src/overrides`).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(named, file).toContain(file);
    for (const cells of rows) expect(cells, cells[0]).toHaveLength(5);
  });

  it('names the installed version of every package an override relies on', () => {
    const pins = rows.flatMap((cells) => [...cells[2]!.matchAll(/(@?[a-z][\w./-]*)@(\d+\.\d+\.\d+)/g)].map((m) => [m[1]!, m[2]!] as const));
    expect(pins.length).toBeGreaterThan(10);
    for (const [name, version] of pins) {
      // Read from node_modules directly: some packages' exports maps hide their package.json.
      const installed = (JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
      expect(`${name}@${installed}`).toBe(`${name}@${version}`);
    }
  });

  it('names guard tests that exist', () => {
    const guards = rows.flatMap((cells) => [...cells[3]!.matchAll(/`(test\/[^`]+)`/g)].map((m) => m[1]!));
    expect(guards.length).toBeGreaterThanOrEqual(rows.length);
    for (const guard of guards) expect(existsSync(`${ROOT}${guard}`), guard).toBe(true);
  });
});
