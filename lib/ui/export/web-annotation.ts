/**
 * W3C Web Annotation Data Model (JSON-LD) for highlights and notes, as other annotation tools
 * read them. Each live highlight or paragraph note is one `Annotation`:
 * - `id`: `urn:uuid:<highlight id>`, so importing the file back lands on the same highlight;
 * - `motivation`: `highlighting`, or `commenting` when it carries a note (paragraph notes always);
 * - `body`: the note as a `TextualBody` in `text/markdown`, when there is one;
 * - `target`: `source` is the article's URL (or `urn:glossa:article:<id>` when it has none),
 *   `selector` lists its selectors (alternatives, as the model says: TextQuoteSelector,
 *   TextPositionSelector and Glossa's paragraph key), and `styleClass` names its colour, styled
 *   by the annotation's `stylesheet` (the reader's light tint) — the model's own way to carry a
 *   colour. A page note (`glossa:kind` `page-note`) is a comment on the whole document: its target
 *   is `{ source }` alone, with no selector and no colour, as the model writes such a comment.
 * Tombstones are not exported here (the JSON backup carries them). Several annotations travel as
 * an `AnnotationCollection` with one embedded `AnnotationPage`.
 */

import type { ArticleMeta, Highlight, Selector } from '../../model';
import { LIGHT_TINTS } from '../../shared/highlighting/styles';
import { inDocumentOrder } from './highlight-order';

/** JSON-LD context: the W3C model plus Glossa's terms (paragraph selector, annotation kind). */
export const ANNOTATION_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { glossa: 'https://glossa.example/ns#' }];

/** Prefix of the target IRI of an article that has no URL. */
export const ARTICLE_URN = 'urn:glossa:article:';

/** A JSON value (what JSON-LD documents are made of). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The IRI an article's annotations target. */
export function targetSource(meta: Pick<ArticleMeta, 'id' | 'url'>): string {
  return meta.url ?? `${ARTICLE_URN}${meta.id}`;
}

function selectorJson(selector: Selector): Json {
  switch (selector.type) {
    case 'TextQuoteSelector':
      return { type: 'TextQuoteSelector', exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix };
    case 'TextPositionSelector':
      return { type: 'TextPositionSelector', start: selector.start, end: selector.end };
    case 'ParagraphSelector':
      return { type: 'glossa:ParagraphSelector', 'glossa:index': selector.index, 'glossa:textHash': selector.textHash };
  }
}

/** One highlight as a W3C annotation (without `@context`: the collection carries it). */
export function toAnnotation(highlight: Highlight, meta: Pick<ArticleMeta, 'id' | 'url' | 'title'>): Json {
  const note = highlight.note.trim();
  const annotation: { [key: string]: Json } = {
    id: `urn:uuid:${highlight.id}`,
    type: 'Annotation',
    motivation: note || highlight.kind !== 'highlight' ? 'commenting' : 'highlighting',
    created: new Date(highlight.createdAt).toISOString(),
    modified: new Date(highlight.updatedAt).toISOString(),
    'glossa:kind': highlight.kind,
  };
  if (note)
    annotation.body = { type: 'TextualBody', value: highlight.note, format: 'text/markdown', purpose: 'commenting' };
  if (highlight.kind === 'page-note') {
    annotation.target = { source: targetSource(meta) };
    return annotation;
  }
  annotation.stylesheet = {
    type: 'CssStylesheet',
    value: `.${highlight.color} { background-color: ${LIGHT_TINTS[highlight.color]} }`,
  };
  annotation.target = {
    source: targetSource(meta),
    styleClass: highlight.color,
    selector: highlight.selectors.map(selectorJson),
  };
  return annotation;
}

/** Annotations of several articles as one collection (`@context` included). */
export function annotationCollection(label: string, annotations: Json[]): Json {
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: annotations.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: annotations },
  };
}

/** One article's live annotations in document order, as a collection. */
export function articleAnnotations(meta: ArticleMeta, highlights: readonly Highlight[]): Json {
  return annotationCollection(
    meta.title,
    inDocumentOrder(highlights).map((h) => toAnnotation(h, meta)),
  );
}
