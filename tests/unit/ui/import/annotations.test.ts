/**
 * Annotation files from other tools: Hypothesis exports attach to the library article they
 * quote — by URL first, else by finding the quoted words — re-anchored in our text; a page note
 * (a note with no selector) attaches by URL as a page note; replies and quotes from elsewhere
 * are counted, not attached; importing twice changes
 * nothing; and Glossa's own W3C export imports back as the same highlights.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Article, type Highlight, newHighlight } from '../../../../lib/model';
import { buildTextIndex } from '../../../../lib/shared/anchoring/text-index';
import { sanitizeArticleDom, sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import type { Library } from '../../../../lib/storage';
import { exportArticle } from '../../../../lib/ui/export';
import { targetSource } from '../../../../lib/ui/export/web-annotation';
import { importFiles } from '../../../../lib/ui/import';
import { asImportFile } from '../../../support/import-file';
import { unstampedAll } from '../../../support/library';
import { corpusFiles, emptyLibrary, fullLibrary, importPosts, snapshot } from '../../../support/library-fixture';

/** The page's sanitizer, as the reader passes it. */
const clean = (html: string) => sanitizeArticleHtml(html, window).html;

const open: Library[] = [];
afterEach(() => {
  for (const library of open.splice(0)) library.close();
});

const deps = {
  prepare: (html: string) => sanitizeArticleHtml(html, window),
  articleRoot: (html: string) => sanitizeArticleDom(html, window).root,
  now: () => 1_800_000_000_000,
};
const POST_URL = 'https://example.com/news/post?id=7';

/** The seed and five posts, one of them saved from a URL. */
async function libraryWithUrl(): Promise<{ library: Library; seed: Article; withUrl: Article }> {
  const library = await emptyLibrary();
  open.push(library);
  const [seed, ...posts] = corpusFiles().slice(0, 6);
  const post = posts[4];
  if (!seed || !post) throw new Error('corpus');
  posts[4] = { ...post, text: post.text.replace(/^(title:.*)$/m, `$1\nurl: '${POST_URL}'`) };
  const [seedId = '', , , , , urlId = ''] = await importPosts(library, [seed, ...posts]);
  return {
    library,
    seed: (await library.getArticle(seedId)) as Article,
    withUrl: (await library.getArticle(urlId)) as Article,
  };
}

/** A quote of `article` as Hypothesis writes it: raw page text, with a position from another text. */
function hypothesisTarget(article: Article, exact: string, source: string) {
  const at = article.text.indexOf(exact);
  if (at < 0) throw new Error(`"${exact}" not in ${article.title}`);
  return [
    {
      source,
      selector: [
        {
          type: 'RangeSelector',
          startContainer: '/main[1]/p[2]',
          startOffset: 3,
          endContainer: '/main[1]/p[2]',
          endOffset: 9,
        },
        { type: 'TextPositionSelector', start: at + 4321, end: at + 4321 + exact.length },
        {
          type: 'TextQuoteSelector',
          exact,
          prefix: article.text.slice(Math.max(0, at - 32), at),
          suffix: article.text.slice(at + exact.length, at + exact.length + 32),
        },
      ],
    },
  ];
}

/** The text a highlight's position selector covers in the article as the reader shows it. */
function positionedText(article: Article, h: Highlight): string {
  const index = buildTextIndex(sanitizeArticleDom(article.html, window).root);
  const position = h.selectors.find((s) => s.type === 'TextPositionSelector');
  return position ? index.text.slice(position.start, position.end) : '';
}

describe('Hypothesis import', () => {
  it('attaches each annotation to the article it quotes, by URL or by text, and only once', async () => {
    const { library, seed, withUrl } = await libraryWithUrl();
    const urlQuote =
      withUrl.text
        .split(/\n\n+/)
        .find((p) => p.length > 40)
        ?.slice(6, 26) ?? '';
    expect(urlQuote).toHaveLength(20);
    const rows = [
      {
        id: 'HyUrl0000001',
        created: '2024-01-02T03:04:05.000Z',
        updated: '2024-01-03T00:00:00.000Z',
        uri: POST_URL,
        text: 'Seen on the site: **important**',
        tags: ['hypothesis'],
        target: hypothesisTarget(withUrl, urlQuote, POST_URL),
        document: { title: [withUrl.title] },
      },
      {
        id: 'HyText000002',
        created: '2024-02-01T00:00:00.000Z',
        updated: '2024-02-01T00:00:00.000Z',
        uri: 'https://mirror.example.org/somewhere-else',
        text: '',
        target: hypothesisTarget(seed, '停火线过境点', 'https://mirror.example.org/somewhere-else'),
      },
      {
        id: 'HyElsewhere3',
        uri: 'https://elsewhere.example/',
        text: 'not ours',
        target: [
          {
            source: 'https://elsewhere.example/',
            selector: [
              {
                type: 'TextQuoteSelector',
                exact: 'words that are in no article of the library',
                prefix: '',
                suffix: '',
              },
            ],
          },
        ],
      },
      {
        id: 'HyReply00004',
        uri: POST_URL,
        text: 'a reply',
        references: ['HyUrl0000001'],
        target: [{ source: POST_URL }],
      },
      { id: 'HyPageNote05', uri: POST_URL, text: 'a page note', target: [{ source: POST_URL }] },
    ];
    const exportFile = JSON.stringify({
      export_date: '2024-03-01T00:00:00.000Z',
      export_userid: 'acct:reader@hypothes.is',
      client_version: '1.1500.0',
      annotations: rows,
    });
    const [result] = await importFiles([asImportFile('hypothesis.json', exportFile)], library, deps);
    expect(result).toMatchObject({ ok: true, kind: 'annotations', attached: 3, unmatched: 1 });
    expect(result?.ok && result.kind === 'annotations' ? [...result.articles].sort() : []).toEqual(
      [seed.title, withUrl.title].sort(),
    );

    const [onUrl, pageNote] = await library.listHighlights(withUrl.id);
    expect(pageNote).toMatchObject({ kind: 'page-note', selectors: [], note: 'a page note', deleted: false });
    expect(onUrl).toMatchObject({
      kind: 'highlight',
      color: 'yellow',
      note: 'Seen on the site: **important**',
      createdAt: Date.parse('2024-01-02T03:04:05.000Z'),
      updatedAt: Date.parse('2024-01-03T00:00:00.000Z'),
      deleted: false,
    });
    expect(onUrl?.selectors.map((s) => s.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
      'ParagraphSelector',
    ]);
    expect(positionedText(withUrl, onUrl as Highlight)).toBe(urlQuote);
    const [onSeed] = await library.listHighlights(seed.id);
    expect(positionedText(seed, onSeed as Highlight)).toBe('停火线过境点');
    expect(await library.allHighlights()).toHaveLength(3);

    // Again, and as the API's search answer: the same three records, nothing changed.
    const before = await snapshot(library);
    const again = await importFiles(
      [asImportFile('hypothesis.json', exportFile), asImportFile('search.json', JSON.stringify({ total: 5, rows }))],
      library,
      deps,
    );
    expect(again.map((r) => r.ok)).toEqual([true, true]);
    expect(await snapshot(library)).toEqual(before);
  });

  it('reports a file whose quotes are nowhere in the library, and one that quotes nothing', async () => {
    const { library } = await libraryWithUrl();
    const elsewhere = [
      {
        id: 'x',
        uri: 'https://elsewhere.example/',
        text: '',
        target: [
          {
            source: 'https://elsewhere.example/',
            selector: [{ type: 'TextQuoteSelector', exact: 'not in the library at all', prefix: '', suffix: '' }],
          },
        ],
      },
    ];
    const results = await importFiles(
      [
        asImportFile('elsewhere.json', JSON.stringify({ rows: elsewhere })),
        asImportFile('empty.json', '{"annotations": []}'),
      ],
      library,
      deps,
    );
    expect(results).toMatchObject([
      { ok: false, code: 'no-matching-article', message: expect.stringMatching(/^elsewhere\.json: /) },
      { ok: false, code: 'no-annotations', message: expect.stringMatching(/^empty\.json: /) },
    ]);
  });
});

describe('W3C round trip', () => {
  it("imports Glossa's own JSON-LD back as the same highlights on the same article", async () => {
    const { library: source, seedId } = await fullLibrary();
    open.push(source);
    const article = (await source.getArticle(seedId)) as Article;
    const highlights = await source.listHighlights(seedId);
    const jsonld = exportArticle('jsonld', article, highlights, { sanitizeHtml: clean }).parts.join('');

    const target = await emptyLibrary();
    open.push(target);
    await importPosts(target, corpusFiles().slice(0, 1));
    const [result] = await importFiles([asImportFile('seed.jsonld', jsonld)], target, deps);
    expect(result).toMatchObject({ ok: true, kind: 'annotations', attached: 7, unmatched: 0 });
    const sortById = (list: Highlight[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(unstampedAll(sortById(await target.listHighlights(seedId)))).toEqual(unstampedAll(sortById(highlights)));
  });

  it('writes a page note as an annotation on the whole source, and imports it back as the page note', async () => {
    const { library: source, seedId } = await fullLibrary();
    open.push(source);
    const article = (await source.getArticle(seedId)) as Article;
    const pageNote = newHighlight(seedId, [], 'yellow', {
      kind: 'page-note',
      note: '读完全文：**停火线**一带的局势是关键。',
      now: 1_700_000_000_000,
    });
    await source.putHighlight(pageNote);
    const highlights = await source.listHighlights(seedId);
    const jsonld = exportArticle('jsonld', article, highlights, { sanitizeHtml: clean }).parts.join('');
    const items = (JSON.parse(jsonld) as { first: { items: Record<string, unknown>[] } }).first.items;
    expect(items[0]).toMatchObject({
      id: `urn:uuid:${pageNote.id}`,
      motivation: 'commenting',
      'glossa:kind': 'page-note',
      body: { type: 'TextualBody', value: pageNote.note, format: 'text/markdown' },
      target: { source: targetSource(article) },
    });
    expect(Object.keys(items[0]?.target as object)).toEqual(['source']);

    const target = await emptyLibrary();
    open.push(target);
    await importPosts(target, corpusFiles().slice(0, 1));
    const [result] = await importFiles([asImportFile('seed.jsonld', jsonld)], target, deps);
    expect(result).toMatchObject({ ok: true, kind: 'annotations', attached: 8, unmatched: 0 });
    const back = (await target.listHighlights(seedId)).filter((h) => h.kind === 'page-note');
    expect(unstampedAll(back)).toEqual(unstampedAll([pageNote]));
  });
});
