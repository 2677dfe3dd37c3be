/**
 * Checks a highlight that arrives from outside: a web page's content script, a sync peer (through
 * lib/background/sync/docs.ts) or a backup file. The background trusts nothing from a page: every field's type, form and size
 * is checked, unknown fields are dropped, and the record is rebuilt from what passed.
 */
import { HIGHLIGHT_COLORS, HIGHLIGHT_SCHEMA, type Highlight, type HighlightColor, type Selector } from '../../model';
import { isCount, isRecord, isText } from './guards';

/** Size limits, in UTF-16 code units. */
export const HIGHLIGHT_LIMITS = { quote: 20_000, context: 256, note: 100_000, id: 128, selectors: 8 } as const;

const ID = /^[A-Za-z0-9_-]{1,128}$/;

/** One selector, rebuilt, or null if malformed. */
function selector(value: unknown): Selector | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'TextQuoteSelector':
      return isText(value.exact, HIGHLIGHT_LIMITS.quote) &&
        value.exact.length > 0 &&
        isText(value.prefix, HIGHLIGHT_LIMITS.context) &&
        isText(value.suffix, HIGHLIGHT_LIMITS.context)
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
  if (!isText(p.id, HIGHLIGHT_LIMITS.id) || !ID.test(p.id)) return null;
  if (!isText(p.articleId, HIGHLIGHT_LIMITS.id) || !(ID.test(p.articleId) || (allowNoArticle && p.articleId === '')))
    return null;
  if (p.kind !== 'highlight' && p.kind !== 'paragraph-note') return null;
  if (!HIGHLIGHT_COLORS.includes(p.color as HighlightColor)) return null;
  if (!isText(p.note, HIGHLIGHT_LIMITS.note)) return null;
  if (!isCount(p.createdAt) || !isCount(p.updatedAt) || typeof p.deleted !== 'boolean') return null;
  if (!Array.isArray(p.selectors) || p.selectors.length === 0 || p.selectors.length > HIGHLIGHT_LIMITS.selectors)
    return null;
  const selectors = p.selectors.map(selector);
  if (selectors.some((s) => s === null)) return null;
  const hasQuote = selectors.some((s) => s?.type === 'TextQuoteSelector');
  if (p.kind === 'highlight' && !hasQuote) return null;
  return {
    schema: HIGHLIGHT_SCHEMA,
    id: p.id,
    articleId: p.articleId,
    kind: p.kind,
    selectors: selectors as Selector[],
    color: p.color as HighlightColor,
    note: p.note,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    deleted: p.deleted,
  };
}
