/**
 * Regression (issue 19): a Markdown file saved as UTF-16 with a byte-order mark imported in
 * Chromium but was refused as "binary" in Firefox, because `File.text()` decodes differently
 * there. Files are now decoded by their BOM; without one, NUL bytes still mean binary.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeArticleDom, sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { importFiles } from '../../../../lib/ui/import';
import { decodeFileText, encodingByBom } from '../../../../lib/ui/import/file-text';
import { asImportFile } from '../../../support/import-file';
import { emptyLibrary } from '../../../support/library-fixture';

const deps = {
  prepare: (html: string) => sanitizeArticleHtml(html, window),
  articleRoot: (html: string) => sanitizeArticleDom(html, window).root,
  now: () => 1_800_000_000_000,
};

const NOTE =
  '---\ntitle: 停火线过境点 notes\ndate: 2024-03-01\n---\n\n# Heading\n\n过境点 **重开** — 𠮷 (outside the BMP) and “quotes”.\r\n';

/** `text` as UTF-16 code units in the given byte order, with or without a BOM. */
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units = bom ? [0xfeff] : [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  const bytes = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    bytes[i * 2 + (endian === 'le' ? 0 : 1)] = u & 0xff;
    bytes[i * 2 + (endian === 'le' ? 1 : 0)] = u >> 8;
  });
  return bytes;
}

const utf8 = (text: string, bom: boolean) =>
  new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(text)]);

describe('decoding a picked file by its byte-order mark', () => {
  it('tells UTF-16 LE and BE apart by their BOM and reads everything else as UTF-8', () => {
    expect(encodingByBom(utf16('a', 'le', true))).toBe('utf-16le');
    expect(encodingByBom(utf16('a', 'be', true))).toBe('utf-16be');
    expect(encodingByBom(utf8('a', true))).toBe('utf-8');
    expect(encodingByBom(utf8('a', false))).toBe('utf-8');
    expect(encodingByBom(new Uint8Array([]))).toBe('utf-8');
    expect(encodingByBom(new Uint8Array([0xff]))).toBe('utf-8');
  });

  it('decodes each form to the same text, the BOM dropped, surrogate pairs intact', () => {
    for (const bytes of [utf8(NOTE, false), utf8(NOTE, true), utf16(NOTE, 'le', true), utf16(NOTE, 'be', true)]) {
      expect(decodeFileText(bytes.slice().buffer)).toBe(NOTE);
    }
  });

  it('keeps the NUL bytes of UTF-16 without a BOM (nothing is guessed)', () => {
    expect(decodeFileText(utf16('ab', 'le', false).slice().buffer)).toBe('a\0b\0');
  });
});

describe('importing a Markdown file saved as UTF-16', () => {
  it('imports UTF-16 LE and BE with a BOM exactly as the UTF-8 file', async () => {
    const forms = {
      'note-utf8.md': utf8(NOTE, false),
      'note-utf8-bom.md': utf8(NOTE, true),
      'note-utf16le.md': utf16(NOTE, 'le', true),
      'note-utf16be.md': utf16(NOTE, 'be', true),
    };
    const seen = [];
    for (const [name, bytes] of Object.entries(forms)) {
      const library = await emptyLibrary();
      const [result] = await importFiles([asImportFile(name, bytes)], library, deps);
      if (!result?.ok || result.kind !== 'article') throw new Error(`${name}: ${JSON.stringify(result)}`);
      const article = await library.getArticle(result.id);
      library.close();
      seen.push({ id: result.id, title: article?.title, text: article?.text });
    }
    expect(seen[0]?.title).toBe('停火线过境点 notes');
    expect(seen[0]?.text).toContain('过境点 重开 — 𠮷 (outside the BMP)');
    for (const form of seen) expect(form).toEqual(seen[0]);
  });

  it('still refuses, by name, a file with NUL bytes and no BOM', async () => {
    const library = await emptyLibrary();
    const results = await importFiles([asImportFile('no-bom.md', utf16(NOTE, 'le', false))], library, deps);
    library.close();
    expect(results).toEqual([expect.objectContaining({ file: 'no-bom.md', ok: false, code: 'binary' })]);
    expect(results[0]?.ok === false && results[0].message.startsWith('no-bom.md: ')).toBe(true);
  });
});
