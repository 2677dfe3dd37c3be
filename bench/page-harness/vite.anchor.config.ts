import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The anchoring bench's page bundle (bench/suites/anchor.mjs): one classic script (IIFE) with
 * Glossa's anchoring and painter and the peer libraries, evaluated in a blank page. Its own
 * output folder, because the detect bundle's build empties `.dist-page`.
 */
export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../.dist-anchor', import.meta.url)),
    emptyOutDir: true,
    minify: process.env.BENCH_MINIFY !== '0',
    lib: {
      entry: fileURLToPath(new URL('./anchor.ts', import.meta.url)),
      formats: ['iife'],
      name: 'glossaAnchorBenchLib',
      fileName: () => 'anchor-bench.js',
    },
  },
});
