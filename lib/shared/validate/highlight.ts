/**
 * Checks a highlight that arrives from outside: a web page's content script, a sync peer (through
 * lib/background/sync/docs.ts) or a backup file. The background trusts nothing from a page: every field's type, form and size
 * is checked, unknown fields are dropped, and the record is rebuilt from what passed.
 */
import { HIGHLIGHT_COLORS, HIGHLIGHT_SCHEMA, type Highlight, type HighlightColor, type Selector } from '../../model';
import { recordId } from './fields';
import { isCount, isRecord, isText } from './guards';
import { LIMITS } from './limits';

/** One selector, rebuilt, or null if malformed. */
function selector(value: unknown): Selector | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'TextQuoteSelector':
      return isText(value.exact, LIMITS.quote) &&
        value.exact.length > 0 &&
        isText(value.prefix, LIMITS.context) &&
        isText(value.suffix, LIMITS.context)
        ? { type: 'TextQuoteSelector', exact: value.exact, prefix: value.prefix, suffix: value.suffix }
        : null;
    case 'TextPositionSelector':
      return isCount(value.start) && isCount(value.end) && value.end >= value.start
        ? { type: 'TextPositionSelector', start: value.start, end: value.end }
        : null;
    case 'ParagraphSelector':
      return Number.isInteger(value.index) && (value.index as number) >= -1 && isText(value.textHash, 16)
        ? { type: 'ParagraphSelector', index: value.index as number, textHash: value.textHash }
        : null;
    default:
      return null;
  }
}

/**
 * The payload as a {@link Highlight}, or null. `articleId` may be empty when `allowNoArticle`
 * (a live page's first highlight: the background saves the article and fills it in).
 */
export function validateHighlight(payload: unknown, allowNoArticle = false): Highlight | null {
  if (!isRecord(payload)) return null;
  const p = payload;
  const id = recordId(p.id);
  const articleId = recordId(p.articleId) ?? (allowNoArticle && p.articleId === '' ? '' : undefined);
  if (id === undefined || articleId === undefined) return null;
  if (p.kind !== 'highlight' && p.kind !== 'paragraph-note' && p.kind !== 'page-note') return null;
  if (!HIGHLIGHT_COLORS.includes(p.color as HighlightColor)) return null;
  if (!isText(p.note, LIMITS.note)) return null;
  if (!isCount(p.createdAt) || !isCount(p.updatedAt) || typeof p.deleted !== 'boolean') return null;
  if (!Array.isArray(p.selectors) || p.selectors.length > LIMITS.selectors) return null;
  // A page note is about the whole article: it has no selector, and only it may have none.
  if ((p.kind === 'page-note') !== (p.selectors.length === 0)) return null;
  const selectors = p.selectors.map(selector);
  if (selectors.some((s) => s === null)) return null;
  const hasQuote = selectors.some((s) => s?.type === 'TextQuoteSelector');
  if (p.kind === 'highlight' && !hasQuote) return null;
  return {
    schema: HIGHLIGHT_SCHEMA,
    id,
    articleId,
    kind: p.kind,
    selectors: selectors as Selector[],
    color: p.color as HighlightColor,
    note: p.note,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    deleted: p.deleted,
  };
}

/**
 * The selectors of a new paragraph note a web page asks the note editor to open on (see
 * 'note-frame/open-paragraph'), rebuilt, or null: well-formed, within the limits, and naming a
 * paragraph (a ParagraphSelector, as `describeParagraph` gives).
 */
export function validateParagraphSelectors(value: unknown): Selector[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > LIMITS.selectors) return null;
  const selectors = value.map(selector);
  if (selectors.some((s) => s === null)) return null;
  return selectors.some((s) => s?.type === 'ParagraphSelector') ? (selectors as Selector[]) : null;
}
