/**
 * A library with every feature a backup must carry: seed-format articles from the corpus with
 * categories, user tags (Chinese and spaced), an archived one, highlights in every colour, notes,
 * a paragraph note, a deleted highlight and a deleted article — built with the real importer,
 * sanitizer, anchoring and storage, so exports and imports are tested on real records.
 */
import { readFileSync } from 'node:fs';
import { type Article, HIGHLIGHT_COLORS, type Highlight, newHighlight, type Selector } from '../../lib/model';
import { describeOffsets, describeParagraph, paragraphKey, paragraphsOf } from '../../lib/shared/anchoring';
import { buildTextIndex } from '../../lib/shared/anchoring/text-index';
import { importSeedFiles } from '../../lib/shared/article/import';
import { sanitizeArticleDom, sanitizeArticleHtml } from '../../lib/shared/article/sanitize';
import { type Library, openLibrary } from '../../lib/storage';
import { corpusPath, readCorpus, SEED_PATH } from './corpus';

let counter = 0;
/** A database name no other test uses. */
export function uniqueName(prefix = 'transfer'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Opens an empty library under a fresh name (kept on the library as `dbName` for second connections). */
export async function emptyLibrary(): Promise<Library & { dbName: string }> {
  const dbName = uniqueName();
  return Object.assign(await openLibrary({ name: dbName }), { dbName });
}

/** The bundled seed and every hexo corpus post, as importer input. */
export function corpusFiles(): { name: string; text: string }[] {
  return [
    { name: '000_seed.md', text: readFileSync(SEED_PATH, 'utf8') },
    ...readCorpus('hexo-posts').map((f) => ({ name: f.name, text: f.text })),
  ];
}

/** Imports seed-format files into `library` with the real importer; answers their ids. */
export async function importPosts(library: Library, files: { name: string; text: string }[], now = 1_700_000_000_000) {
  const report = await importSeedFiles(files, {
    prepare: (html) => sanitizeArticleHtml(html, window),
    store: (article) => library.upsertArticle(article),
    now: () => now,
    origin: 'seed',
  });
  if (report.errors.length > 0) throw new Error(report.errors.map((e) => e.message).join('\n'));
  return report.results.map((r) => r.id);
}

/** Selectors for the `nth` occurrence of `quote` in `article`, as the reader would write them. */
export function selectorsFor(article: Article, quote: string, nth = 0): Selector[] {
  const root = sanitizeArticleDom(article.html, window).root;
  const index = buildTextIndex(root);
  let start = -1;
  for (let i = 0; i <= nth; i++) start = index.text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`"${quote}" is not in ${article.title}`);
  const selectors: Selector[] = describeOffsets(index, start, start + quote.length);
  const block = paragraphsOf(root).find((p) => {
    const range = root.ownerDocument.createRange();
    range.selectNodeContents(p);
    return range.toString().replace(/\s+/g, ' ').includes(quote);
  });
  if (block) selectors.push(paragraphKey(root, block));
  return selectors;
}

/** Selectors of a note on the `n`th paragraph of `article`. */
export function paragraphSelectors(article: Article, n: number): Selector[] {
  const root = sanitizeArticleDom(article.html, window).root;
  const block = paragraphsOf(root)[n];
  if (!block) throw new Error(`no paragraph ${n}`);
  return describeParagraph(buildTextIndex(root), block);
}

/** A word run of `article`'s text to highlight: `length` characters from paragraph `n`. */
function sampleQuote(article: Article, n: number, length = 12): string {
  const paragraphs = article.text
    .split(/\n\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > length + 10);
  const quote = (paragraphs[n % paragraphs.length]?.slice(5) ?? article.text.replace(/\s+/g, ' '))
    .slice(0, length)
    .trim();
  if (quote === '') throw new Error(`no paragraph to quote in ${article.title}`);
  return quote;
}

/** What the fixture made, for tests to refer to. */
export interface FullLibrary {
  library: Library & { dbName: string };
  articleIds: string[];
  /** The article whose highlights and tags tests look at (the bundled seed). */
  seedId: string;
  deletedArticleId: string;
  deletedHighlightId: string;
}

/** Builds the full-featured library (see the module comment). */
export async function fullLibrary(): Promise<FullLibrary> {
  const library = await emptyLibrary();
  const files = corpusFiles().slice(0, 8);
  const articleIds = await importPosts(library, files);
  const [seedId = ''] = articleIds;
  const withText: string[] = [];
  for (const id of articleIds.slice(1)) {
    if (((await library.getArticle(id))?.text.length ?? 0) > 200) withText.push(id);
  }
  const [secondId = '', thirdId = '', deletedArticleId = ''] = withText;
  await library.updateArticleFields(seedId, { tags: ['乌克兰', 'to read'], archived: true }, 1_700_000_100_000);
  await library.updateArticleFields(secondId, { tags: ['tech'] }, 1_700_000_200_000);

  let clock = 1_700_000_300_000;
  /** The next moment: each write a second after the last. */
  const tick = () => {
    clock += 1000;
    return clock;
  };
  const put = async (h: Highlight) => {
    await library.putHighlight(h);
    return h;
  };
  // Every colour on the seed, some with notes; the Chinese phrase tests search for.
  const seed = (await library.getArticle(seedId)) as Article;
  await put(
    newHighlight(seedId, selectorsFor(seed, '停火线过境点'), 'blue', {
      note: '过境点 **重开** 的背景',
      now: tick(),
    }),
  );
  for (const [i, color] of HIGHLIGHT_COLORS.entries()) {
    const note = i % 2 === 0 ? `Note ${i}: *why* it matters\n- point one\n- point two` : '';
    await put(newHighlight(seedId, selectorsFor(seed, sampleQuote(seed, i + 1)), color, { note, now: tick() }));
  }
  await put(
    newHighlight(seedId, paragraphSelectors(seed, 2), 'green', {
      kind: 'paragraph-note',
      note: '这一段说明了和谈的立场。',
      now: tick(),
    }),
  );
  const gone = await put(
    newHighlight(seedId, selectorsFor(seed, sampleQuote(seed, 7)), 'pink', { note: 'deleted', now: tick() }),
  );
  await library.deleteHighlight(gone.id, tick());
  for (const id of [secondId, thirdId]) {
    const article = (await library.getArticle(id)) as Article;
    await put(newHighlight(id, selectorsFor(article, sampleQuote(article, 0, 8)), 'purple', { now: tick() }));
  }
  await library.deleteArticle(deletedArticleId, tick());
  return { library, articleIds, seedId, deletedArticleId, deletedHighlightId: gone.id };
}

/** Every record of a library, in id order: what "an identical library" compares. */
export async function snapshot(library: Library) {
  const metas = await library.allArticleMetas();
  const articles = await Promise.all(metas.map((m) => library.getArticle(m.id)));
  return {
    articles,
    highlights: await library.allHighlights({ includeDeleted: true }),
    tombstones: await library.allTombstones(),
  };
}

/** Reads a corpus file as importer input. */
export function corpusFile(relative: string): { name: string; text: string } {
  return { name: relative.split('/').pop() ?? relative, text: readFileSync(corpusPath(relative), 'utf8') };
}
