import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents generated from the committed schema.graphql, with their trusted-documents
 * manifests (persisted-documents.json: hash -> document, what GANTRY_TRUSTED_DOCUMENTS reads):
 *
 * - `client/generated/`: the client package users import (`client/index.ts`), from the
 *   documented operations in client/operations/*.graphql;
 * - `test/generated/`: the operations the tests use, from test/operations/*.graphql.
 *
 * `npm run codegen` writes both; test/schema/codegen-drift.test.ts fails when either drifts.
 */
const preset = {
  preset: 'client',
  presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    scalars: { DateTime: 'string', SafeInt: 'number' },
    strictScalars: true,
  },
} as const;

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  // NodeNext resolution wants explicit .js extensions in relative imports.
  importExtension: '.js',
  generates: {
    'client/generated/': { ...preset, documents: ['client/operations/**/*.graphql'] },
    'test/generated/': { ...preset, documents: ['test/operations/**/*.graphql'] },
  },
};

export default config;
