import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The console's build: served by the gateway under /console (src/entries/console.ts), assets
 * with hashed names in console/dist/assets. JSX is compiled by Vite itself (React's automatic
 * runtime, from console/tsconfig.json); no dev server is used.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
});
