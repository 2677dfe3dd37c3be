/**
 * Every UI string exists in both languages, with the same placeholders, and every key the code
 * asks for exists. A missing zh_CN key would silently show English (or the raw key) to our
 * Chinese readers, so it fails here instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../../public/_locales/en/messages.json';
import zh from '../../../../public/_locales/zh_CN/messages.json';

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

/** Keys of `all` that `catalogue` lacks, as `locale.key`. */
function missingKeys(all: Record<string, Catalogue>): string[] {
  const keys = new Set(Object.values(all).flatMap((c) => Object.keys(c)));
  return Object.entries(all).flatMap(([locale, c]) => [...keys].filter((k) => !(k in c)).map((k) => `${locale}.${k}`));
}

/** Messages that are empty or only whitespace, as `locale.key`. */
function emptyMessages(all: Record<string, Catalogue>): string[] {
  return Object.entries(all).flatMap(([locale, c]) =>
    Object.entries(c)
      .filter(([, entry]) => typeof entry.message !== 'string' || entry.message.trim() === '')
      .map(([key]) => `${locale}.${key}`),
  );
}

/** Every message key the code names: t('key'), both branches of t(cond ? 'a' : 'b'), __MSG_key__. */
function keysUsedInCode(): Set<string> {
  const used = new Set<string>();
  const files = ['components', 'entrypoints', 'lib'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
  for (const file of [...files, path.join(ROOT, 'wxt.config.ts')]) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1] ?? '');
    for (const m of source.matchAll(/\bt\(\s*[^()'"]*\?\s*'([A-Za-z0-9_]+)'\s*:\s*'([A-Za-z0-9_]+)'/g)) {
      used.add(m[1] ?? '');
      used.add(m[2] ?? '');
    }
    for (const m of source.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1] ?? '');
    // A counted message: every language needs its `_other` form (plural.ts).
    for (const m of source.matchAll(/\btCount\(\s*'([A-Za-z0-9_]+)'/g)) used.add(`${m[1] ?? ''}_other`);
  }
  return used;
}

describe('locales', () => {
  it('each catalogue names its own language (uiLanguage() reads it)', () => {
    expect((en as Catalogue).uiLocale?.message).toBe('en');
    expect((zh as Catalogue).uiLocale?.message).toBe('zh-CN');
  });

  it('counts use plural rules: no count picks its words by "=== 1", every English count has both forms', () => {
    const files = ['components', 'entrypoints', 'lib'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
    const adHoc = files.filter((file) => /\bt\(\s*[\w.]+\s*===\s*1\s*\?/.test(readFileSync(file, 'utf8')));
    expect(adHoc).toEqual([]);
    for (const key of Object.keys(en)) {
      if (key.endsWith('_other')) expect(Object.keys(en), key).toContain(key.replace(/_other$/, '_one'));
    }
  });

  it('en and zh_CN have exactly the same keys', () => {
    expect(missingKeys(catalogues)).toEqual([]);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is empty, in either language', () => {
    expect(emptyMessages(catalogues)).toEqual([]);
  });

  it('the checks catch a key missing from one language and an empty message', () => {
    const { popupHeading: _dropped, ...withoutHeading } = zh as Catalogue;
    const broken = { en: en as Catalogue, zh_CN: { ...withoutHeading, popupRetry: { message: '  ' } } };
    expect(missingKeys(broken)).toEqual(['zh_CN.popupHeading']);
    expect(emptyMessages(broken)).toEqual(['zh_CN.popupRetry']);
  });

  it('every message declares the placeholders it uses, the same in both languages', () => {
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      for (const [key, entry] of Object.entries(catalogue)) {
        const used = [...entry.message.matchAll(/\$([A-Z_]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()).sort();
        expect(used, `${locale}.${key} placeholders`).toEqual(Object.keys(entry.placeholders ?? {}).sort());
        const enPlaceholders = Object.keys((en as Catalogue)[key]?.placeholders ?? {}).sort();
        expect(Object.keys(entry.placeholders ?? {}).sort(), `${locale}.${key} matches en`).toEqual(enPlaceholders);
      }
    }
  });

  it('zh_CN is actually translated (Chinese text in every UI message but the brand name)', () => {
    for (const [key, entry] of Object.entries(zh as Catalogue)) {
      // The brand name, and the catalogue's own language tag (not shown to users).
      if (key === 'extName' || key === 'uiLocale') continue;
      expect(entry.message, key).toMatch(/\p{Script=Han}/u);
    }
  });

  it('every key the code and the manifest name exists in both languages', () => {
    const used = keysUsedInCode();
    // The scan must see the code: a broken regex would pass vacuously.
    expect(used.size).toBeGreaterThan(100);
    for (const key of ['popupArticleCount_other', 'panelCount_other', 'extName', 'popupSearchLabel']) {
      expect(used).toContain(key);
    }
    for (const key of used) {
      expect(Object.keys(en), `en.${key}`).toContain(key);
      expect(Object.keys(zh), `zh_CN.${key}`).toContain(key);
    }
  });
});
