// Issue 21: the builds the browser tests load use webextension-polyfill everywhere except the
// eager content script (wxt.config.ts explains why). Read from the builds themselves, because
// the unit suite swaps `wxt/browser` for WXT's fake browser and would never notice.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_DIRS } from './support/browsers';

/** A string only webextension-polyfill's onMessage wrapper contains. */
const POLYFILL_MARK = '__mozWebExtensionPolyfillReject__';

/** Every script of a build, as text, by its path inside the build. */
function scripts(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const full = path.join(entry.parentPath, entry.name);
    found.set(path.relative(dir, full), readFileSync(full, 'utf8'));
  }
  return found;
}

for (const [name, dir] of Object.entries(BUILD_DIRS)) {
  describe(`${name} build`, () => {
    it('leaves the polyfill out of the eager content script', () => {
      expect(readFileSync(path.join(dir, 'eager-content.js'), 'utf8')).not.toContain(POLYFILL_MARK);
    });

    it('uses the polyfill in the background, the injected scripts and the extension pages', () => {
      const all = scripts(dir);
      for (const file of ['background.js', 'reading-view.js', 'annotator.js']) {
        expect(all.get(file), file).toContain(POLYFILL_MARK);
      }
      // Extension pages load it from a shared chunk.
      const chunks = [...all].filter(([file]) => file.startsWith('chunks/'));
      expect(chunks.some(([, text]) => text.includes(POLYFILL_MARK))).toBe(true);
      expect(all.size).toBeGreaterThan(5);
    });
  });
}
