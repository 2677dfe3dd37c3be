/**
 * Builders for storage tests: complete, valid records with readable defaults, so each test
 * spells out only the fields it is about.
 */
import { ARTICLE_SCHEMA, type Article, HIGHLIGHT_SCHEMA, type Highlight } from '../../lib/model';

let dbCounter = 0;

/** A database name no other test uses, so tests never share data even within one factory. */
export function uniqueDbName(): string {
  dbCounter += 1;
  return `glossa-test-${dbCounter}`;
}

/** A complete article; `id` also seeds the url, title and body so records differ visibly. */
export function makeArticle(overrides: Partial<Article> & { id: string }): Article {
  const { id } = overrides;
  return {
    schema: ARTICLE_SCHEMA,
    url: `https://example.com/${id}`,
    title: `Title ${id}`,
    author: 'Ada',
    source: 'Example',
    categories: ['news', 'Example'],
    tags: [],
    published: '2024-05-01T08:00:00+08:00',
    savedAt: 1_000,
    updatedAt: 1_000,
    heroImage: null,
    lang: 'en',
    dir: 'ltr',
    charCount: 11,
    readingMinutes: 1,
    origin: 'web',
    contentHash: `hash-${id}`,
    excerpt: `Body of ${id}`,
    archived: false,
    html: `<p>Body of ${id}</p>`,
    text: `Body of ${id}`,
    ...overrides,
  };
}

/** A live yellow highlight on `articleId`. */
export function makeHighlight(overrides: Partial<Highlight> & { id: string; articleId: string }): Highlight {
  return {
    schema: HIGHLIGHT_SCHEMA,
    kind: 'highlight',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'Body', prefix: '', suffix: ' of' },
      { type: 'TextPositionSelector', start: 0, end: 4 },
    ],
    color: 'yellow',
    note: '',
    createdAt: 2_000,
    updatedAt: 2_000,
    deleted: false,
    ...overrides,
  };
}

/** A stored record without its write stamps: what a test compares when stamps are not its subject. */
export function unstamped<T extends { stamps?: unknown }>(record: T | undefined): Omit<T, 'stamps'> | undefined {
  if (!record) return record;
  const { stamps: _stamps, ...rest } = record;
  return rest;
}

/** {@link unstamped} over a list. */
export function unstampedAll<T extends { stamps?: unknown }>(records: readonly T[]): Omit<T, 'stamps'>[] {
  return records.map((r) => unstamped(r) as Omit<T, 'stamps'>);
}
