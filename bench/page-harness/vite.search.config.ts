import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The search bench's page bundle (bench/suites/search.mjs): one classic script (IIFE) with
 * Glossa's search index, MiniSearch and FlexSearch, evaluated in a blank page. Its own output
 * folder, because the other page bundles' builds empty theirs.
 */
export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../.dist-search', import.meta.url)),
    emptyOutDir: true,
    minify: process.env.BENCH_MINIFY !== '0',
    lib: {
      entry: fileURLToPath(new URL('./search.ts', import.meta.url)),
      formats: ['iife'],
      name: 'glossaSearchBenchLib',
      fileName: () => 'search-bench.js',
    },
  },
});
