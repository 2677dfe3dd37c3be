import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Compiles the feeds benchmark (bench/feeds-harness) for Node: parsers run the same in Node and
 * in the MV3 worker (V8, no DOM), so this suite needs no browser. Packages stay external and
 * load from node_modules.
 */
export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: fileURLToPath(new URL('./feeds-harness/main.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('./.dist-feeds', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'feeds.mjs' } },
  },
});
