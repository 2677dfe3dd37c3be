/**
 * W3C Web Annotation JSON-LD export: a collection whose items are well-formed annotations — one
 * per live highlight or note, with its selectors, its note as a TextualBody, its colour as a
 * style class, and the article's address (or URN) as target source.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../../lib/model';
import { sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import type { Library } from '../../../../lib/storage';
import { exportArticle, exportLibrary } from '../../../../lib/ui/export';
import { toAnnotation } from '../../../../lib/ui/export/web-annotation';
import { makeArticle, makeHighlight } from '../../../support/library';
import { fullLibrary } from '../../../support/library-fixture';

/** The page's sanitizer, as the reader passes it. */
const clean = (html: string) => sanitizeArticleHtml(html, window).html;

const open: Library[] = [];
afterEach(() => {
  for (const library of open.splice(0)) library.close();
});

interface Annotation {
  id: string;
  type: string;
  motivation: string;
  created: string;
  modified: string;
  body?: { type: string; value: string; format: string; purpose: string };
  target: { source: string; styleClass: string; selector: { type: string; [k: string]: unknown }[] };
  stylesheet: { type: string; value: string };
  'glossa:kind': string;
}

const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('W3C Web Annotation export', () => {
  it('makes one annotation per live highlight or note, with selectors, body and colour', async () => {
    const { library, seedId, deletedHighlightId } = await fullLibrary();
    open.push(library);
    const article = (await library.getArticle(seedId)) as Article;
    const highlights = await library.listHighlights(seedId, { includeDeleted: true });
    const file = exportArticle('jsonld', article, highlights, { sanitizeHtml: clean });
    expect(file.type).toBe('application/ld+json;charset=utf-8');
    const doc = JSON.parse(file.parts.join('')) as {
      '@context': unknown[];
      type: string;
      total: number;
      label: string;
      first: { type: string; items: Annotation[] };
    };
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 7, label: article.title });
    expect(doc.first.type).toBe('AnnotationPage');
    const items = doc.first.items;
    expect(items).toHaveLength(7);
    expect(items.map((a) => a.id)).not.toContain(`urn:uuid:${deletedHighlightId}`);
    for (const a of items) {
      const h = highlights.find((x) => `urn:uuid:${x.id}` === a.id);
      if (!h) throw new Error(`no highlight for ${a.id}`);
      expect(a.id).toMatch(UUID);
      expect(a.type).toBe('Annotation');
      expect(a.motivation).toBe(h.note || h.kind === 'paragraph-note' ? 'commenting' : 'highlighting');
      expect(a.created).toBe(new Date(h.createdAt).toISOString());
      expect(a.modified).toBe(new Date(h.updatedAt).toISOString());
      expect(a.target.source).toBe(`urn:glossa:article:${seedId}`);
      expect(a.target.styleClass).toBe(h.color);
      expect(a.stylesheet.value).toMatch(new RegExp(`^\\.${h.color} \\{ background-color: rgba\\(`));
      if (h.note)
        expect(a.body).toEqual({ type: 'TextualBody', value: h.note, format: 'text/markdown', purpose: 'commenting' });
      else expect(a.body).toBeUndefined();
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
      expect(quote).toEqual(h.selectors.find((s) => s.type === 'TextQuoteSelector'));
      expect(position).toEqual(h.selectors.find((s) => s.type === 'TextPositionSelector'));
    }
    const paragraphNotes = items.filter((a) => a['glossa:kind'] === 'paragraph-note');
    expect(paragraphNotes).toHaveLength(1);
    expect(paragraphNotes[0]?.motivation).toBe('commenting');
    expect(paragraphNotes[0]?.target.selector.map((s) => s.type)).toContain('glossa:ParagraphSelector');
  });

  it('targets the article URL when it has one', () => {
    const article = makeArticle({ id: 'a1', url: 'https://example.com/post' });
    const annotation = toAnnotation(makeHighlight({ id: 'h1', articleId: 'a1' }), article) as unknown as Annotation;
    expect(annotation.target.source).toBe('https://example.com/post');
    expect(annotation.motivation).toBe('highlighting');
  });

  it('exports the whole library as one collection', async () => {
    const { library } = await fullLibrary();
    open.push(library);
    const file = await exportLibrary('jsonld', library, { now: 1_750_000_000_000 });
    const doc = JSON.parse(file.parts.join('')) as { total: number; first: { items: Annotation[] } };
    expect(file.name).toBe('glossa-annotations-2025-06-15.jsonld');
    expect(doc.total).toBe(9);
    expect(doc.first.items).toHaveLength(9);
    expect(new Set(doc.first.items.map((a) => a.target.source)).size).toBe(3);
  });
});
