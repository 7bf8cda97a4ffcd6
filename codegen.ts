import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the operations in test/operations/*.graphql, generated from the
 * committed schema.graphql, and their trusted-documents manifest. `npm run codegen` writes
 * them; a test fails when they drift.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  // NodeNext resolution wants explicit .js extensions in relative imports.
  importExtension: '.js',
  generates: {
    'test/generated/': {
      preset: 'client',
      // persisted-documents.json: the trusted-documents manifest (hash -> document) the gateway
      // runs alone when GANTRY_TRUSTED_DOCUMENTS points at it.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', SafeInt: 'number' },
        strictScalars: true,
      },
    },
  },
};

export default config;
