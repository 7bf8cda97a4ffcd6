import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) without an exports map. Node, and so every
    // dependency, loads the CJS build; Vite would hand our sources the ESM one, and two graphql
    // instances break `instanceof` checks. Point both at the build Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start real servers on 127.0.0.1:0; give them room but never hang CI.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
