import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Article } from '../../../../lib/model';
import { ARTICLE_SCHEMA } from '../../../../lib/model';
import type { SeedFile, SeedImportDeps, StoreOutcome } from '../../../../lib/shared/article/import';
import { importSeedFiles } from '../../../../lib/shared/article/import';
import { sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { readCorpus, repoPath, SEED_PATH } from '../../../support/corpus';
import { dangerousMarkup } from '../../../support/html-safety';

/** A store with the library's semantics: same id + same content is unchanged; savedAt survives. */
function memoryStore() {
  const articles = new Map<string, Article>();
  const store = async (article: Article): Promise<StoreOutcome> => {
    const existing = articles.get(article.id);
    if (!existing) {
      articles.set(article.id, article);
      return 'created';
    }
    if (existing.contentHash === article.contentHash && existing.title === article.title) return 'unchanged';
    articles.set(article.id, {
      ...article,
      savedAt: existing.savedAt,
      tags: existing.tags,
      archived: existing.archived,
    });
    return 'updated';
  };
  return { articles, store };
}

function deps(overrides: Partial<SeedImportDeps> = {}): SeedImportDeps & { articles: Map<string, Article> } {
  const { articles, store } = memoryStore();
  return {
    prepare: (html) => sanitizeArticleHtml(html, window),
    store,
    now: () => 1_700_000_000_000,
    articles,
    ...overrides,
  };
}

const seedFile: SeedFile = { name: '000_460d2781416ddc35.md', text: readFileSync(SEED_PATH, 'utf8') };
const hexo = readCorpus('hexo-posts');
const hostile = readCorpus('hostile');

/** What each hostile file must come to: imported (and then safe), or refused with this code. */
const HOSTILE_OUTCOMES: Record<string, 'imported' | string> = {
  'bad-yaml.md': 'bad-yaml',
  'binary-garbage.md': 'binary',
  'bom-crlf.md': 'imported',
  'data-url-html.md': 'imported',
  'dom-clobber.md': 'imported',
  'empty-body.md': 'empty-body',
  'event-attrs.md': 'imported',
  'form-action.md': 'imported',
  'huge-article.md': 'imported',
  'iframe-srcdoc.md': 'imported',
  'img-onerror.md': 'imported',
  'javascript-href.md': 'imported',
  'js-front-matter.md': 'unsupported-front-matter-language',
  'meta-refresh.md': 'imported',
  'mxss-math.md': 'imported',
  // DOMPurify drops a <noscript> whose content holds "</noscript" (mXSS) with everything in it,
  // and this file's only paragraph is parsed into it: nothing readable is left.
  'mxss-noscript.md': 'empty-body',
  'object-embed.md': 'imported',
  'script-tag.md': 'imported',
  'style-exfil.md': 'imported',
  'svg-script.md': 'imported',
  'template-injection.md': 'imported',
  'unclosed-front-matter.md': 'unclosed-front-matter',
  'wrong-types.md': 'invalid-field',
  'yaml-alias-loop.md': 'invalid-field',
  'yaml-bomb.md': 'imported',
};

describe('the bundled seed article', () => {
  test('imports with its exact metadata', async () => {
    const d = deps();
    const report = await importSeedFiles([seedFile], d);
    expect(report.errors).toEqual([]);
    expect(report.results).toEqual([
      { file: seedFile.name, id: expect.stringMatching(/^a_[0-9a-f]{24}$/), status: 'created' },
    ]);
    const article = d.articles.get(report.results[0]?.id ?? '');
    expect(article).toMatchObject({
      schema: ARTICLE_SCHEMA,
      title: '华盛顿与基辅就莫斯科危机进行磋商并指责俄罗斯继续向乌克兰军事集结',
      published: '2021-12-10T10:20:36Z',
      categories: ['新媒体', 'Aljazeera 半岛网', '新闻'],
      source: 'Aljazeera 半岛网',
      author: 'Aljazeera 半岛网',
      url: null,
      heroImage: 'https://chinese.aljazeera.net/wp-content/uploads/2021/12/image-31.jpg?w=770&resize=770%2C433',
      lang: 'zh-CN',
      dir: 'ltr',
      origin: 'seed',
      tags: [],
      archived: false,
      savedAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    });
    expect(article?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(article?.excerpt.startsWith('美国总统拜登与乌克兰总统泽连斯基')).toBe(true);
    expect(article?.charCount).toBeGreaterThan(1000);
    expect(article?.readingMinutes).toBeGreaterThanOrEqual(2);
    const dom = new DOMParser().parseFromString(article?.html ?? '', 'text/html').body;
    const paragraphs = Array.from(dom.querySelectorAll('p')).filter((p) => (p.textContent ?? '').trim() !== '');
    expect(paragraphs).toHaveLength(18);
    expect(dom.querySelectorAll('h3')).toHaveLength(1);
    expect(dom.querySelectorAll('img[referrerpolicy="no-referrer"][loading="lazy"]')).toHaveLength(2);
  });
});

describe('hostile files', () => {
  test('the outcome table covers every hostile file', () => {
    expect(hostile.map((f) => f.name).sort()).toEqual(Object.keys(HOSTILE_OUTCOMES).sort());
  });

  test.each(hostile.filter((f) => f.name !== 'huge-article.md').map((f) => [f.name, f]))(
    '%s is imported safely or refused by name',
    async (name, file) => {
      const d = deps();
      const report = await importSeedFiles([file], d);
      const expected = HOSTILE_OUTCOMES[name];
      if (expected === 'imported') {
        expect(report.errors).toEqual([]);
        const article = [...d.articles.values()][0];
        expect(article).toBeDefined();
        expect(dangerousMarkup(article?.html ?? '')).toEqual([]);
        expect(article?.heroImage ?? 'https://').toMatch(/^https?:\/\//);
      } else {
        expect(report.results).toEqual([]);
        expect(report.errors).toHaveLength(1);
        expect(report.errors[0]).toMatchObject({ file: name, code: expected });
        expect(report.errors[0]?.message.startsWith(`${name}: `)).toBe(true);
      }
    },
  );

  test('nothing imported runs when rendered into a live document, and ---js was never evaluated', async () => {
    const g = globalThis as { __pwned?: unknown };
    delete g.__pwned;
    const d = deps();
    await importSeedFiles(
      hostile.filter((f) => f.name !== 'huge-article.md'),
      d,
    );
    const host = document.createElement('div');
    document.body.append(host);
    for (const article of d.articles.values()) {
      host.innerHTML = article.html;
      for (const el of Array.from(host.querySelectorAll('*'))) {
        for (const type of ['click', 'mouseover', 'error', 'load', 'toggle']) el.dispatchEvent(new Event(type));
      }
    }
    host.remove();
    expect(g.__pwned).toBeUndefined();
  });

  test('the huge article imports every paragraph', async () => {
    const file = hostile.find((f) => f.name === 'huge-article.md');
    expect(file).toBeDefined();
    const d = deps();
    const started = performance.now();
    const report = await importSeedFiles(file ? [file] : [], d);
    const elapsed = performance.now() - started;
    console.info(`huge-article.md: imported in ${Math.round(elapsed)} ms`);
    expect(report.errors).toEqual([]);
    const article = [...d.articles.values()][0];
    expect(article?.html.match(/<p>/g)).toHaveLength(20_000);
    expect(article?.text.split('\n\n')).toHaveLength(20_000);
    expect(article?.excerpt.length).toBeLessThanOrEqual(200);
  });
});

describe('batches', () => {
  test('every good file of a mixed batch imports despite the bad ones', async () => {
    const d = deps();
    const files = [...hostile, ...hexo, seedFile];
    const report = await importSeedFiles(files, d);
    const refused = Object.entries(HOSTILE_OUTCOMES)
      .filter(([, o]) => o !== 'imported')
      .map(([n]) => n);
    expect(report.errors.map((e) => e.file).sort()).toEqual(refused.sort());
    expect(report.results).toHaveLength(files.length - refused.length);
    for (const f of hexo) expect(report.results.map((r) => r.file)).toContain(f.name);
    expect(new Set(report.results.map((r) => r.id)).size).toBe(report.results.length);
  });

  test('importing the same files twice is idempotent: same ids, unchanged', async () => {
    const d = deps();
    const files = [...hexo, seedFile];
    const first = await importSeedFiles(files, d);
    const second = await importSeedFiles(files, d);
    expect(first.results.every((r) => r.status === 'created')).toBe(true);
    expect(second.results.every((r) => r.status === 'unchanged')).toBe(true);
    expect(second.results.map((r) => r.id)).toEqual(first.results.map((r) => r.id));
    expect(d.articles.size).toBe(files.length);
  });

  test('an edited body keeps the id and is an update', async () => {
    const d = deps();
    const [first] = (await importSeedFiles([seedFile], d)).results;
    const edited = { ...seedFile, text: seedFile.text.replace('美国总统拜登', '美国总统乔·拜登') };
    const [second] = (await importSeedFiles([edited], d)).results;
    expect(second).toEqual({ ...first, status: 'updated' });
  });

  test('a throwing or misbehaving prepare, or a failing store, costs only that file', async () => {
    const good = hexo.slice(0, 3);
    const boom: SeedFile = { name: 'boom.md', text: '---\ntitle: boom\n---\n<p>BOOM</p>' };
    const shape: SeedFile = { name: 'shape.md', text: '---\ntitle: shape\n---\n<p>SHAPE</p>' };
    const full: SeedFile = { name: 'full.md', text: '---\ntitle: full\n---\n<p>FULL</p>' };
    const base = deps();
    const d = deps({
      prepare: (html) => {
        if (html.includes('BOOM')) throw new Error('offscreen document closed');
        if (html.includes('SHAPE')) return { html } as unknown as ReturnType<SeedImportDeps['prepare']>;
        return sanitizeArticleHtml(html, window);
      },
      store: async (article) => {
        if (article.title === 'full') throw new Error('QuotaExceededError');
        return base.store(article);
      },
    });
    const report = await importSeedFiles([boom, ...good, shape, full], d);
    expect(report.results.map((r) => r.file)).toEqual(good.map((f) => f.name));
    expect(report.errors.map((e) => [e.file, e.code])).toEqual([
      ['boom.md', 'prepare-failed'],
      ['shape.md', 'prepare-failed'],
      ['full.md', 'store-failed'],
    ]);
    expect(report.errors[0]?.message).toBe('boom.md: sanitizing the body failed (offscreen document closed)');
  });

  test('a body that sanitizes to nothing is refused as empty-body', async () => {
    const file = {
      name: 'ghost.md',
      text: '---\ntitle: ghost\n---\n<script>x()</script><div style="display:none">hidden</div>',
    };
    const report = await importSeedFiles([file], deps());
    expect(report.errors).toEqual([
      {
        file: 'ghost.md',
        code: 'empty-body',
        message: 'ghost.md: the body has no readable text or images once sanitized',
      },
    ]);
  });

  test('an image-only post is kept (AcFun episode posts have no text)', async () => {
    const acfun = hexo.find((f) => f.name.includes('AcFun'));
    const d = deps();
    const report = await importSeedFiles(acfun ? [acfun] : [], d);
    expect(report.errors).toEqual([]);
    expect([...d.articles.values()][0]?.heroImage).toBe(
      'https://tx-free-imgs.acfun.cn/content/2018_09_30/1538318935.png',
    );
  });

  test('origin is recorded as given', async () => {
    const d = deps({ origin: 'file' });
    await importSeedFiles([seedFile], d);
    expect([...d.articles.values()][0]?.origin).toBe('file');
  });
});

describe('the import path needs no DOM (it runs in an MV3 service worker)', () => {
  test.each(['import', 'build-article', 'front-matter', 'post-fields', 'dates', 'ids', 'text-stats', 'import-error'])(
    'lib/shared/article/%s.ts uses no DOM globals and imports sanitize only for types',
    (module) => {
      const source = readFileSync(repoPath(`lib/shared/article/${module}.ts`), 'utf8');
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code).not.toMatch(/\b(?:window|document|DOMParser|DOMPurify|dompurify)\b/);
      expect(code).not.toMatch(/^import (?!type)[^;]*'\.\/sanitize'/m);
    },
  );
});
