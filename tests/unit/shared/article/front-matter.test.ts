import { describe, expect, test } from 'vitest';
import type { ParsedPost } from '../../../../lib/shared/article/front-matter';
import { MAX_FILE_CHARS, parseSeedFile } from '../../../../lib/shared/article/front-matter';
import { MAX_TITLE } from '../../../../lib/shared/article/post-fields';
import { readCorpus, readCorpusFile } from '../../../support/corpus';

/** Parses and expects success, returning the post (fails the test with the error otherwise). */
function parsed(name: string, text: string): ParsedPost {
  const result = parseSeedFile(name, text);
  if (!result.ok) throw new Error(`expected ${name} to parse: ${result.error.message}`);
  return result.value;
}

/** Parses and expects a refusal, returning its code and message. */
function refused(name: string, text: string): { code: string; message: string } {
  const result = parseSeedFile(name, text);
  if (result.ok) throw new Error(`expected ${name} to be refused`);
  return result.error;
}

/**
 * The title as written in the file, read with a deliberately small regex instead of the parser
 * under test: single-quoted ('' is a quote), double-quoted (no escapes in the corpus) or plain.
 */
function rawTitle(text: string): string {
  const line = /^title:[ \t]*(.*?)[ \t]*$/m.exec(text)?.[1] ?? '';
  if (line.startsWith("'")) return line.slice(1, -1).replaceAll("''", "'");
  if (line.startsWith('"')) return line.slice(1, -1);
  return line;
}

/** The `categories:` block-list items as written. */
function rawCategories(text: string): string[] {
  const block = /^categories:[ \t]*\r?\n((?:[ \t]+-[^\n]*\n)+)/m.exec(text)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/^[ \t]+-[ \t]*/, '').trim());
}

const post = (front: string, body = '<p>body</p>') => `\n---\n${front}\n---\n${body}\n`;

describe('the 24 Hexo posts', () => {
  const posts = readCorpus('hexo-posts');

  test('are all there', () => {
    expect(posts).toHaveLength(24);
  });

  test.each(posts.map((p) => [p.name, p.text]))('%s parses with its title, categories and date', (name, text) => {
    const value = parsed(name, text);
    expect(value.title).toBe(rawTitle(text));
    expect(value.categories).toHaveLength(3);
    expect(value.categories).toEqual(rawCategories(text));
    expect(value.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Number.isNaN(Date.parse(value.published ?? ''))).toBe(false);
    expect(value.body.trim()).not.toBe('');
  });

  test.each([
    ['Meta在拉美的扩张为人口贩运者创造了利益.md', '2022-08-18T09:53:22Z'],
    ['A URL Lengthener.md', '2021-05-16T04:16:04Z'],
    ["'Do Not Split'_ A Hong Kong protest film _video_.md", '2021-03-26T00:25:44Z'],
    ['Animen動漫平台改版使用說明.md', '2017-11-21T06:00:00Z'],
  ])('%s was published %s', (file, iso) => {
    const found = posts.find((p) => p.name.endsWith(file));
    expect(found).toBeDefined();
    expect(parsed(file, found?.text ?? '').published).toBe(iso);
  });

  test('keeps titles with quotes, underscores and a trailing ellipsis verbatim', () => {
    const titles = posts.map((p) => parsed(p.name, p.text).title);
    expect(titles).toContain("'Do Not Split'_ A Hong Kong protest film _video_");
    expect(titles).toContain('"制冷26℃"和"制热26℃"有啥区别？');
    expect(titles.some((t) => t.endsWith('分享给...'))).toBe(true);
  });

  test('reads headimg, and thumbnail where headimg is missing', () => {
    const acfun = posts.find((p) => p.name.includes('AcFun'));
    const value = parsed('acfun.md', acfun?.text ?? '');
    expect(value.headimg).toBeNull();
    expect(value.thumbnail).toBe('https://tx-free-imgs.acfun.cn/content/2018_09_30/1538318935.png');
  });
});

describe('hostile front matter', () => {
  test('---js is refused without being evaluated', () => {
    const g = globalThis as { __pwned?: unknown };
    delete g.__pwned;
    const { name, text } = readCorpusFile('hostile/js-front-matter.md');
    const error = refused(name, text);
    expect(error.code).toBe('unsupported-front-matter-language');
    expect(error.message).toMatch(/^js-front-matter\.md: front matter language "js" is not supported/);
    expect(g.__pwned).toBeUndefined();
  });

  test.each(['javascript', 'coffee', 'json', 'toml', ' js'])('---%s is refused too', (language) => {
    const g = globalThis as { __pwned?: unknown };
    const text = `---${language}\n{ "title": (globalThis.__pwned = 1) }\n---\n<p>x</p>`;
    expect(refused('x.md', text).code).toBe('unsupported-front-matter-language');
    expect(g.__pwned).toBeUndefined();
  });

  test('---yaml and ---yml are plain YAML', () => {
    expect(parsed('y.md', '---yaml\ntitle: t\n---\n<p>x</p>').title).toBe('t');
    expect(parsed('y.md', '---yml\ntitle: t\n---\n<p>x</p>').title).toBe('t');
  });

  test('bad YAML names the file and the line in the file', () => {
    const { name, text } = readCorpusFile('hostile/bad-yaml.md');
    const error = refused(name, text);
    expect(error.code).toBe('bad-yaml');
    expect(error.message).toMatch(/^bad-yaml\.md: front matter is not valid YAML \(line 4: .+\)$/);
    // Line numbers count the blank lines before the fence too.
    expect(refused('b.md', `\n\n${text}`).message).toContain('(line 6:');
  });

  test('the same bad input is refused every time (gray-matter caches parses made without options)', () => {
    const { name, text } = readCorpusFile('hostile/bad-yaml.md');
    expect(refused(name, text).code).toBe('bad-yaml');
    expect(refused(name, text).code).toBe('bad-yaml');
    const good = post("title: 'same'");
    expect(parsed('a.md', good).title).toBe('same');
    expect(parsed('a.md', good).title).toBe('same');
  });

  test.each([
    ['binary-garbage.md', 'binary'],
    ['unclosed-front-matter.md', 'unclosed-front-matter'],
    ['empty-body.md', 'empty-body'],
    ['wrong-types.md', 'invalid-field'],
    ['yaml-alias-loop.md', 'invalid-field'],
  ])('%s is refused with %s', (file, code) => {
    const { name, text } = readCorpusFile(`hostile/${file}`);
    const error = refused(name, text);
    expect(error.code).toBe(code);
    expect(error.message.startsWith(`${file}: `)).toBe(true);
  });

  test('a YAML bomb parses quickly: aliases are never expanded', () => {
    const { name, text } = readCorpusFile('hostile/yaml-bomb.md');
    const started = performance.now();
    const value = parsed(name, text);
    expect(value.title).toBe('yaml bomb');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('a self-referencing alias in categories is refused, not walked forever', () => {
    expect(refused('loop.md', post('title: t\ncategories: &a [*a]')).code).toBe('invalid-field');
  });

  test('BOM, CRLF and a leading blank line are tolerated', () => {
    const { name, text } = readCorpusFile('hostile/bom-crlf.md');
    const value = parsed(name, text);
    expect(value.title).toBe('BOM and CRLF 标题');
    expect(value.categories).toEqual(['测试']);
    expect(value.published).toBe('2022-08-18T09:53:22Z');
    expect(value.body).not.toContain('\r');
    expect(parsed('cr.md', '\uFEFF\r\n\r\n---\rtitle: t\r---\r<p>x</p>').title).toBe('t');
  });

  test('files without front matter are refused', () => {
    expect(refused('a.md', '<p>just html</p>').code).toBe('no-front-matter');
    expect(refused('b.md', '----\ntitle: t\n----\n<p>x</p>').code).toBe('no-front-matter');
    expect(refused('c.md', '').code).toBe('no-front-matter');
  });

  test('oversized files are refused before any parsing', () => {
    const text = post('title: big', 'x'.repeat(MAX_FILE_CHARS));
    expect(refused('big.md', text).code).toBe('too-large');
  });

  test('a front matter that is not a mapping is refused', () => {
    expect(refused('l.md', post('- a\n- b')).code).toBe('bad-yaml');
    expect(refused('s.md', post('just a string')).code).toBe('bad-yaml');
  });

  test('a "---" line inside the front matter is refused, not split differently from gray-matter', () => {
    expect(refused('d.md', '---\ntitle: t\n---x\n---\n<p>x</p>').code).toBe('bad-yaml');
  });
});

describe('field policy', () => {
  test('title: scalars are read as text, whitespace collapsed, long titles cut', () => {
    expect(parsed('n.md', post('title: 2021')).title).toBe('2021');
    expect(parsed('b.md', post('title: true')).title).toBe('true');
    expect(parsed('w.md', post('title: "a\\n\\t b"')).title).toBe('a b');
    expect(Array.from(parsed('l.md', post(`title: '${'长'.repeat(5000)}'`)).title)).toHaveLength(MAX_TITLE);
  });

  test('title: missing or empty is missing-title; a mapping is invalid-field', () => {
    expect(refused('m.md', post('author: x')).code).toBe('missing-title');
    expect(refused('e.md', post('title: "  "')).code).toBe('missing-title');
    expect(refused('n.md', post('title: ~')).code).toBe('missing-title');
    expect(refused('o.md', post('title: {a: 1}')).message).toBe('o.md: title must be text, not a mapping');
  });

  test('categories: one string is a one-item list; nested lists are refused', () => {
    expect(parsed('s.md', post('title: t\ncategories: "not a list"')).categories).toEqual(['not a list']);
    expect(parsed('n.md', post('title: t\ncategories: [a, 2, b]')).categories).toEqual(['a', '2', 'b']);
    const error = refused('x.md', post('title: t\ncategories: [a, [b]]'));
    expect(error).toEqual({
      file: 'x.md',
      code: 'invalid-field',
      message: 'x.md: categories item 2 must be a name, not a list',
    });
  });

  test('optional fields of the wrong type fall back to null instead of refusing the post', () => {
    const value = parsed(
      'w.md',
      post('title: t\ndate: not a date\nheadimg: javascript:alert(1)\nthumbnail: 42\nauthor: [x]'),
    );
    expect(value).toMatchObject({ published: null, headimg: null, thumbnail: null, author: null });
  });

  test('url comes from url, link or permalink when it is http(s)', () => {
    expect(parsed('u.md', post('title: t\nlink: https://Example.com/a')).url).toBe('https://example.com/a');
    expect(parsed('u.md', post('title: t\nurl: javascript:alert(1)\npermalink: http://e.com/p')).url).toBe(
      'http://e.com/p',
    );
    expect(parsed('u.md', post('title: t')).url).toBeNull();
  });

  test('a __proto__ key pollutes nothing', () => {
    parsed('p.md', post('title: t\n__proto__: {polluted: 1}'));
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
