/**
 * The seed file the extension ships must stay byte-for-byte the one in ../shared/seeds.
 * Regression: a formatter once reflowed assets/seeds/*.md (moving the YAML list), and every
 * browser then refused the seed as bad YAML while Node tests of the corpus still passed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSeedFiles } from '../../../lib/article/bundled-seeds';
import { parseSeedFile } from '../../../lib/article/front-matter';

const SHARED_SEEDS = path.resolve(process.cwd(), '../shared/seeds');

describe('bundled seed files', () => {
  it('are exactly the shared seed files', () => {
    const files = bundledSeedFiles();
    expect(files.map((f) => f.name)).toEqual(['000_460d2781416ddc35.md']);
    for (const file of files) {
      const original = readFileSync(path.join(SHARED_SEEDS, file.name.replace(/\.md$/, '.txt')), 'utf8');
      expect(file.text).toBe(original);
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
