import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** One classic script (IIFE) the benchmark injects into each served corpus page. */
export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../.dist-page', import.meta.url)),
    emptyOutDir: true,
    minify: process.env.BENCH_MINIFY !== '0',
    lib: {
      entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
      formats: ['iife'],
      name: 'glossaPageBenchLib',
      fileName: () => 'page-bench.js',
    },
  },
});
