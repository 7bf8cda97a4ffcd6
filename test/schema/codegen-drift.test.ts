import { readdirSync, readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';

describe('codegen', () => {
  it('generated typed documents match client/generated and test/generated (run `npm run codegen` after changing operations or schema)', async () => {
    const outputs: Array<{ filename: string; content: string }> = await generate({ ...config, silent: true }, false);
    const written = outputs.map((output) => output.filename).sort();
    // Both targets, each with its documents and its trusted-documents manifest, and nothing else
    // in their folders (a file left from an operation that is gone would still be importable).
    for (const dir of ['client/generated', 'test/generated']) {
      expect(written).toEqual(expect.arrayContaining([`${dir}/graphql.ts`, `${dir}/persisted-documents.json`]));
      const onDisk = readdirSync(new URL(`../../${dir}/`, import.meta.url)).map((file: string) => `${dir}/${file}`);
      expect(onDisk.sort(), dir).toEqual(written.filter((file) => file.startsWith(`${dir}/`)));
    }
    for (const output of outputs) {
      const committed = readFileSync(new URL(`../../${output.filename}`, import.meta.url), 'utf8');
      expect(output.content, output.filename).toBe(committed);
    }
  }, 60_000);
});
