/**
 * Every UI string exists in both languages, with the same placeholders, and every key the code
 * asks for exists. A missing zh_CN key would silently show English (or the raw key) to our
 * Chinese readers, so it fails here instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalogues: Record<string, Catalogue> = { en, zh_CN: zh };
const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

describe('locales', () => {
  it('en and zh_CN have exactly the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message is non-empty and declares the placeholders it uses, in both languages', () => {
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      for (const [key, entry] of Object.entries(catalogue)) {
        expect(entry.message.trim(), `${locale}.${key}`).not.toBe('');
        const used = [...entry.message.matchAll(/\$([A-Z_]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()).sort();
        expect(used, `${locale}.${key} placeholders`).toEqual(Object.keys(entry.placeholders ?? {}).sort());
        const enPlaceholders = Object.keys((en as Catalogue)[key]?.placeholders ?? {}).sort();
        expect(Object.keys(entry.placeholders ?? {}).sort(), `${locale}.${key} matches en`).toEqual(enPlaceholders);
      }
    }
  });

  it('zh_CN is actually translated (Chinese text in every UI message but the brand name)', () => {
    for (const [key, entry] of Object.entries(zh as Catalogue)) {
      if (key === 'extName') continue;
      expect(entry.message, key).toMatch(/\p{Script=Han}/u);
    }
  });

  it('every key passed to t() in the code exists', () => {
    const used = new Set<string>();
    for (const dir of ['components', 'entrypoints', 'lib']) {
      for (const file of sourceFiles(path.join(ROOT, dir))) {
        for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1] ?? '');
      }
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(Object.keys(en), key).toContain(key);
  });
});
