import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownFiles, ROOT } from '../scripts/docs-include.js';

/**
 * The docs point only at what the repository has, and name no internal function as if a user
 * could call it: every quoted path exists, every quoted file name is some file's name, and no
 * quoted call is a function the source exports (those are the code's business, not a reader's).
 */

const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
const names = new Set(tracked.map((file) => basename(file)));
const dirs = new Set(
  tracked.flatMap((file) =>
    file
      .split('/')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
  ),
);

/** Every markdown file a reader meets: README, docs/, and the READMEs beside the code. */
const DOCS = [...markdownFiles(), ...tracked.filter((file) => file.endsWith('README.md') && file !== 'README.md' && !file.startsWith('docs/'))];

const quoted = (file: string) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);

/** Fields of the GraphQL API: `containerState(id)` is the subscription, whatever a source file calls its own. */
const apiFields = new Set([...readFileSync(join(ROOT, 'schema.graphql'), 'utf8').matchAll(/^\s+(\w+)[(:]/gm)].map((match) => match[1]!));

const exportedFunctions = new Set(
  tracked
    .filter((file) => file.startsWith('src/') && file.endsWith('.ts'))
    .flatMap((file) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^export (?:async )?function (\w+)/gm)].map((match) => match[1]!)),
);

describe('what the docs quote', () => {
  it('every quoted path exists, and every quoted file name is a file of the repository', () => {
    const missing: string[] = [];
    for (const doc of DOCS) {
      for (const text of quoted(doc)) {
        if (/[<>*…{}$ ]/.test(text)) continue; // a pattern or a placeholder, not a path
        const path = text.replace(/[#:?].*$/, '').replace(/\/$/, '');
        if (/^(src|test|docs|bench|client|scripts|bin|\.ci)\//.test(path)) {
          if (!existsSync(join(ROOT, path)) && !dirs.has(path)) missing.push(`${doc}: ${text}`);
        } else if (/^[\w.-]+\.(ts|js|md|json|graphql|yaml|sqlite)$/.test(path) && !names.has(path) && !/^(gantry|tokens)\./.test(path)) {
          missing.push(`${doc}: ${text}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('no quoted call names a function the source exports', () => {
    const internal = DOCS.flatMap((doc) =>
      quoted(doc)
        .map((text) => /^(\w+)\(/.exec(text)?.[1])
        .filter((name): name is string => name !== undefined && exportedFunctions.has(name) && !apiFields.has(name))
        .map((name) => `${doc}: ${name}()`),
    );
    expect(internal).toEqual([]);
  });
});
