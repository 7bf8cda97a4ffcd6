/**
 * README.md's settings tables come from src/config/: one table per group (what a deployment
 * sets, then the tuning knobs), between `<!-- settings:start -->` and `<!-- settings:end -->`.
 *
 *   npx tsx scripts/settings-table.ts     rewrites them
 *
 * test/docs.test.ts fails when a row differs from its setting.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS, type Setting } from '../src/config/schema.js';
import { ROOT } from './docs-include.js';

const row = (s: Setting) => {
  const parsed = s.schema.safeParse(undefined);
  const fallback = parsed.success && parsed.data !== undefined ? `\`${String(parsed.data)}\`` : '—';
  return `| \`${s.env}\` | \`${s.file}\` | ${fallback} | ${s.description} |`;
};

const table = (group: Setting['group']) =>
  ['| env | config file key | default | meaning |', '|---|---|---|---|', ...SETTINGS.filter((s) => s.group === group).map(row)].join('\n');

const generated = [
  '**What a deployment sets**',
  '',
  table('operator'),
  '',
  '**Tuning knobs**: their defaults hold; change one for a measured reason.',
  '',
  table('tuning'),
].join('\n');

const path = join(ROOT, 'README.md');
const readme = readFileSync(path, 'utf8');
if (!/<!-- settings:start -->\n[\s\S]*?<!-- settings:end -->/.test(readme)) throw new Error('README.md has no settings markers');
const updated = readme.replace(/(<!-- settings:start -->\n)[\s\S]*?(<!-- settings:end -->)/, `$1${generated}\n$2`);
writeFileSync(path, updated);
