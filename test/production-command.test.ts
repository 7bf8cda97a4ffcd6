import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_NODE_FLAGS } from '../bench/processes.js';
import { markdownFiles, ROOT } from '../scripts/docs-include.js';

/**
 * The production command's node flags (package.json `start:prod`) are part of the memory
 * budget (docs/deployment.md, Memory), and the bench runs its gateways with them
 * (bench/processes.ts): every production command the docs show carries the same flags.
 */
describe('the production command', () => {
  const startProd = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start:prod']!;

  it('is node with flags and dist/main.js in the production profile, exec-ed so that SIGTERM reaches it, and the bench reads those flags', () => {
    expect(PRODUCTION_NODE_FLAGS).toContain('--max-semi-space-size=8');
    expect(startProd).toBe(['NODE_ENV=production', 'exec', 'node', ...PRODUCTION_NODE_FLAGS, 'dist/main.js'].join(' '));
  });

  it('is shown with the same flags wherever the docs run dist/main.js', () => {
    const flags = PRODUCTION_NODE_FLAGS.join(' ');
    const shown = markdownFiles().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bnode((?:\s+--[\w=.-]+)*)\s+dist\/main\.js/g)].map((match) => ({ file, flags: match[1]!.trim() })),
    );
    expect(shown.length).toBeGreaterThanOrEqual(3);
    for (const command of shown) expect(command, command.file).toEqual({ file: command.file, flags });
  });
});
