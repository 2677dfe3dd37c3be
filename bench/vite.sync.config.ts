import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the sync benchmark page. */
export default defineConfig({
  root: fileURLToPath(new URL('./sync-harness', import.meta.url)),
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./.dist-sync', import.meta.url)),
    emptyOutDir: true,
  },
});
