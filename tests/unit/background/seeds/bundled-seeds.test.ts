/**
 * The seed file the extension ships must stay byte-for-byte the one the project was given
 * (`seeds/000_460d2781416ddc35.txt`, SHA-256 pinned below; tests/fixtures/corpus/README.md says
 * where it comes from). Regression: a formatter once reflowed assets/seeds/*.md (moving the YAML
 * list), and every browser then refused the seed as bad YAML while Node tests of the corpus
 * still passed.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bundledSeedFiles } from '../../../../lib/background/seeds/bundled-seeds';
import { parseSeedFile } from '../../../../lib/shared/article/front-matter';

/** SHA-256 of the original seed file, bytes as given. */
const ORIGINAL_SHA256: Record<string, string> = {
  '000_460d2781416ddc35.md': '39a6a15247013c96568bc5a67843fda23ab870adc2b0926cc0cdb41b44234aa8',
};

describe('bundled seed files', () => {
  it('are exactly the original seed files', () => {
    const files = bundledSeedFiles();
    expect(files.map((f) => f.name)).toEqual(Object.keys(ORIGINAL_SHA256));
    for (const file of files) {
      expect(createHash('sha256').update(file.text, 'utf8').digest('hex')).toBe(ORIGINAL_SHA256[file.name]);
    }
  });

  it('parse with their exact title and categories', () => {
    const [seed] = bundledSeedFiles();
    if (!seed) throw new Error('no bundled seed');
    const parsed = parseSeedFile(seed.name, seed.text);
    expect(parsed.ok && parsed.value.title).toBe('华盛顿与基辅就莫斯科危机进行磋商并指责俄罗斯继续向乌克兰军事集结');
    expect(parsed.ok && parsed.value.categories).toEqual(['新媒体', 'Aljazeera 半岛网', '新闻']);
  });
});
