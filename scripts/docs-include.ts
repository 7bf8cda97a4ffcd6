/**
 * Code quoted in the docs comes from files that compile and run. A fenced block preceded by
 * `<!-- include: <path>#<region> -->` holds the lines between `// #region <region>` and
 * `// #endregion <region>` of that file (the whole file without `#<region>`).
 *
 *   npx tsx scripts/docs-include.ts     rewrites the quoted blocks of README.md and docs/*.md
 *
 * test/docs-examples.test.ts fails when a quote differs from its source.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const INCLUDE = /<!-- include: ([^\s#]+)(?:#([\w-]+))? -->\n```(\w*)\n([\s\S]*?)```/g;
const MARKER = /^\s*(?:\/\/|#) #(?:end)?region\b/;

/** The markdown files whose quotes are kept in sync, relative to the repository root. */
export function markdownFiles(root = ROOT): string[] {
  return [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
}

/** The lines of `source` inside region `name` (region markers themselves left out). */
export function region(source: string, name: string | undefined, file = 'source'): string {
  const lines = source.split('\n');
  let body = lines;
  if (name !== undefined) {
    const start = lines.findIndex((l) => new RegExp(`^\\s*(?://|#) #region ${name}\\s*$`).test(l));
    const end = lines.findIndex((l, i) => i > start && new RegExp(`^\\s*(?://|#) #endregion ${name}\\s*$`).test(l));
    if (start < 0 || end < 0) throw new Error(`${file} has no region "${name}"`);
    body = lines.slice(start + 1, end);
  }
  return `${body
    .filter((l) => !MARKER.test(l))
    .join('\n')
    .trimEnd()}\n`;
}

/** Every include of a markdown text: the file, region and the block's current content. */
export function includes(markdown: string): Array<{ path: string; region: string | undefined; content: string }> {
  return [...markdown.matchAll(INCLUDE)].map((m) => ({ path: m[1]!, region: m[2], content: m[4]! }));
}

/** The markdown with every included block replaced by its source's current text. */
export function expandIncludes(markdown: string, root = ROOT): string {
  return markdown.replace(INCLUDE, (_all, path: string, name: string | undefined, lang: string) => {
    const text = region(readFileSync(join(root, path), 'utf8'), name, path);
    return `<!-- include: ${path}${name ? `#${name}` : ''} -->\n\`\`\`${lang}\n${text}\`\`\``;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const file of markdownFiles()) {
    const path = join(ROOT, file);
    const before = readFileSync(path, 'utf8');
    const after = expandIncludes(before);
    if (after !== before) {
      writeFileSync(path, after);
      console.log(`updated ${file}`);
    }
  }
}
