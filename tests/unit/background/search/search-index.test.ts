/**
 * Search over real articles (the seed, the 24 Chinese hexo posts, 40 English pages of
 * Readability's corpus): Chinese words inside unspaced sentences and English phrases are found
 * in every article that holds them (recall 1) and only there (precision), titles rank first,
 * case and width do not matter, and an edit re-indexes one article.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type SearchDoc, SearchIndex, snippet, termsOf } from '../../../../lib/background/search';
import { foldText } from '../../../../lib/shared/fold-text';
import { SEED_PATH } from '../../../support/corpus';
import { CORPUS, hexoPosts, readabilityCases, splitFrontMatter } from '../../../support/page-corpus';

function textOf(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

const seed = splitFrontMatter(readFileSync(SEED_PATH, 'utf8').replace(/^\s+/, ''));
const docs: SearchDoc[] = [
  {
    id: 'seed',
    title: '华盛顿与基辅就莫斯科危机进行磋商并指责俄罗斯继续向乌克兰军事集结',
    notes: [],
    body: textOf(seed.body),
  },
  ...hexoPosts().map((p) => ({ id: `hexo:${p.name}`, title: p.title, notes: [], body: textOf(p.body) })),
  ...readabilityCases()
    .slice(0, 40)
    .map((c) => ({
      id: `page:${c.name}`,
      title: c.metadata.title ?? '',
      notes: [],
      body: textOf(readFileSync(path.join(CORPUS, 'readability', c.name, 'expected.html'), 'utf8')),
    })),
];

function index(): SearchIndex {
  const built = new SearchIndex();
  for (const doc of docs) built.add(doc);
  return built;
}

/** Articles that truly hold `query` (folded, whitespace-collapsed), by brute force. */
function truth(query: string): Set<string> {
  const needle = foldText(query);
  const flat = (s: string) => foldText(s).replace(/\s+/g, ' ');
  return new Set(
    docs.filter((d) => flat(`${d.title} ${d.notes.join(' ')} ${d.body}`).includes(needle)).map((d) => d.id),
  );
}

const QUERIES = [
  '乌克兰',
  '停火线',
  '克罗地亚',
  '内存',
  '军费开支',
  'crash the server',
  'proof-of-concept',
  'minecraft',
];

describe('SearchIndex', () => {
  const built = index();

  it.each(QUERIES)('finds “%s” in every article that holds it, and nowhere else', (query) => {
    const expected = truth(query);
    expect(expected.size).toBeGreaterThan(0);
    const hits = new Set(built.search(query, 1000).map((h) => h.id));
    const found = [...expected].filter((id) => hits.has(id)).length;
    expect(found / expected.size).toBe(1);
    const correct = [...hits].filter((id) => expected.has(id)).length;
    expect(correct / hits.size).toBeGreaterThanOrEqual(0.95);
  });

  it('ranks a title match above body matches', () => {
    const [first] = built.search('乌克兰');
    expect(first?.id).toBe('seed');
  });

  it('ignores case and width (全角 / 半角)', () => {
    expect(built.search('ＭＩＮＥＣＲＡＦＴ').map((h) => h.id)).toEqual(built.search('minecraft').map((h) => h.id));
    expect(termsOf('Ｗｉｎｄｏｗｓ １１')).toEqual(termsOf('windows 11'));
    expect(termsOf('ｶﾀｶﾅ')).toEqual(termsOf('カタカナ'));
  });

  it('re-indexes one article after an edit, and forgets a removed one', () => {
    const small = new SearchIndex();
    small.add({ id: 'a', title: '旧标题', notes: [], body: '正文没有那个词。' });
    expect(small.search('停火线')).toEqual([]);
    small.add({ id: 'a', title: '旧标题', notes: ['关于停火线的笔记'], body: '正文没有那个词。' });
    expect(small.search('停火线').map((h) => h.id)).toEqual(['a']);
    expect(small.search('旧标题').map((h) => h.id)).toEqual(['a']);
    small.remove('a');
    expect(small.search('旧标题')).toEqual([]);
    expect(small.size).toBe(0);
  });

  it('matches the last word as a prefix while it is being typed', () => {
    const whole = built.search('minecraft', 1000).map((h) => h.id);
    expect(built.search('minecr', 1000).map((h) => h.id)).toEqual(expect.arrayContaining(whole));
    // A finished word (a space after it) is matched whole.
    expect(built.search('minecr ', 1000)).toEqual([]);
    expect(built.search('crash the serv', 1000).map((h) => h.id)).toEqual(
      built.search('crash the server', 1000).map((h) => h.id),
    );
  });

  it('finds a lone Chinese character inside any word', () => {
    const hits = built.search('兰', 1000).map((h) => h.id);
    expect(hits).toEqual(expect.arrayContaining([...truth('乌克兰')]));
    expect(new Set(hits)).toEqual(truth('兰'));
  });

  it('answers the same after removals and merges as an index built from the survivors', () => {
    const churned = new SearchIndex();
    for (const doc of docs) churned.add(doc);
    const survivors = docs.filter((_, i) => i % 3 !== 0);
    for (const doc of docs.filter((_, i) => i % 3 === 0)) churned.remove(doc.id);
    // Re-adding an article replaces it.
    for (const doc of survivors.slice(0, 5)) churned.add(doc);
    churned.compact();
    const fresh = new SearchIndex();
    for (const doc of [...survivors.slice(5), ...survivors.slice(0, 5)]) fresh.add(doc);
    fresh.compact();
    expect(churned.size).toBe(survivors.length);
    for (const query of [...QUERIES, '兰', 'memo', 'the'])
      expect(churned.query(query, 1000)).toEqual(fresh.query(query, 1000));
  });

  it('gives a snippet around the match', () => {
    expect(snippet('……北约第五条规定，对联盟成员的任何攻击都是对其所有成员的攻击……', '联盟成员', 12)).toContain(
      '联盟成员',
    );
    expect(snippet('Nothing here', 'absent')).toBeNull();
    // Case, width and line breaks do not matter; the original text is shown.
    expect(snippet('A MEMORY\n  Leak was found', 'memory leak')).toBe('A MEMORY Leak was found');
    // Words apart: the longest word that occurs.
    expect(snippet('the server crashed', 'crash server')).toBe('the server crashed');
  });
});
