import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * gray-matter was written for Node. In a browser bundle it would carry three problems:
 * its default engines include an `eval` for `---js` front matter (MV3's CSP forbids it and
 * `web-ext lint` flags it), js-yaml 3 drags in esprima, and it calls Node's `Buffer`.
 * This plugin swaps gray-matter's engine table for ours (YAML only, via js-yaml 4, which has
 * no JavaScript types) and its Buffer helpers for string-only ones. Our parser also passes its
 * own engines explicitly, so Node tests and the bundle run the same YAML code.
 */
export function grayMatterForBrowsers(): Plugin {
  return {
    name: 'glossa:gray-matter-for-browsers',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/[\\/]gray-matter[\\/]/.test(importer)) return null;
      if (source === './lib/engines' || source === './engines') return here('./shims/gray-matter-engines.js');
      if (source === './lib/utils' || source === './utils') return here('./shims/gray-matter-utils.js');
      if (source === 'fs') return here('./shims/empty.js');
      return null;
    },
  };
}
