import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { grayMatterForBrowsers } from '../scripts/vite-gray-matter.ts';

/** Builds the transfer benchmark page with the same gray-matter shims as the extension. */
export default defineConfig({
  root: fileURLToPath(new URL('./transfer-harness', import.meta.url)),
  logLevel: 'warn',
  plugins: [grayMatterForBrowsers()],
  build: {
    outDir: fileURLToPath(new URL('./.dist-transfer', import.meta.url)),
    emptyOutDir: true,
    minify: process.env.BENCH_MINIFY !== '0',
  },
});
