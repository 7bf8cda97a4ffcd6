import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../src/config/schema.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README.md', () => {
  it('shows the two commands first', () => {
    const firstBlock = readme.slice(0, readme.indexOf('```', readme.indexOf('```') + 3));
    expect(firstBlock).toContain('npm start');
    expect(firstBlock).toContain('npm test');
  });

  it('has a settings row for every setting in config.ts, with its file key and default', () => {
    for (const setting of SETTINGS) {
      const parsed = setting.schema.safeParse(undefined);
      const fallback = parsed.success && parsed.data !== undefined ? `\`${String(parsed.data)}\`` : '—';
      expect(readme).toContain(`| \`${setting.env}\` | \`${setting.file}\` | ${fallback} | ${setting.description} |`);
    }
  });
});

describe('LICENSE', () => {
  it('is the license package.json names', () => {
    const license = readFileSync(new URL('../LICENSE', import.meta.url), 'utf8');
    const declared = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { license: string }).license;
    expect(declared).toBe('MIT');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toContain('Permission is hereby granted, free of charge');
  });
});
