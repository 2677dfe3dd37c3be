/**
 * Reads annotation files from other tools into one neutral shape. Understood:
 * - W3C Web Annotation JSON-LD: one `Annotation`, an `AnnotationPage` (`items`), an
 *   `AnnotationCollection` with an embedded `first` page, or a list of annotations — Glossa's
 *   own JSON-LD export included (colour from `target.styleClass`, kind from `glossa:kind`);
 * - Hypothesis: the client's export (`{ annotations: [...] }`), the API's search answer
 *   (`{ rows: [...] }`) or a bare list of rows; each row's `target[0].selector` holds the quote
 *   and `text` the note. Replies (rows with `references`) are not annotations of the text.
 * An annotation with a note and no selector at all is a comment on the whole document (Glossa's
 * page note, Hypothesis's "page note"): it becomes a page note. Otherwise only what quotes text
 * can be attached to an article; the rest is counted, not guessed at.
 */

import {
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type HighlightKind,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../../model';
import { normalizeText } from '../../shared/anchoring';
import { isRecord } from '../../shared/validate/guards';
import { LIMITS } from '../../shared/validate/limits';

/** One annotation from a file, before it is matched to an article. */
export interface IncomingAnnotation {
  /** Its id in the file (`urn:uuid:…`, a Hypothesis id), when it has one. */
  id: string | null;
  /** The IRI of the annotated document. */
  source: string | null;
  quote: TextQuoteSelector | null;
  /** Offsets in the annotating tool's text: only a hint of where to look first. */
  position: TextPositionSelector | null;
  note: string;
  color: HighlightColor | null;
  kind: HighlightKind;
  created: number | null;
  updated: number | null;
}

type Json = Record<string, unknown>;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Most annotations read from one file. */
const MAX_ANNOTATIONS = 100_000;

/** The annotations of a parsed JSON file, or null when it holds no annotation format we know. */
export function readAnnotations(json: unknown): IncomingAnnotation[] | null {
  const items = annotationItems(json);
  if (!items) return null;
  return items
    .slice(0, MAX_ANNOTATIONS)
    .filter(isRecord)
    .filter((item) => list(item.references).length === 0)
    .map(readOne);
}

/** The list of annotation objects in a file, whichever container it uses. */
function annotationItems(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json.every((item) => isRecord(item) && 'target' in item) ? json : null;
  if (!isRecord(json)) return null;
  if (Array.isArray(json.annotations)) return json.annotations;
  if (Array.isArray(json.rows)) return json.rows;
  const types = list(json.type);
  if (types.includes('Annotation')) return [json];
  if (types.includes('AnnotationPage') && Array.isArray(json.items)) return json.items;
  if (types.includes('AnnotationCollection')) {
    const first = json.first;
    return isRecord(first) && Array.isArray(first.items) ? first.items : [];
  }
  return null;
}

function readOne(item: Json): IncomingAnnotation {
  // W3C: `target` is an IRI, a resource, or a list of them; Hypothesis: a list of one resource.
  const targets = list(item.target);
  const target = (targets.find((t) => isRecord(t) && t.selector !== undefined) ?? targets[0]) as unknown;
  const resource = isRecord(target) ? target : {};
  const selectors = list(resource.selector).filter(isRecord);
  const hypothesis = typeof item.uri === 'string' || typeof item.text === 'string';
  const styleClass = str(resource.styleClass);
  const note = (hypothesis ? (str(item.text) ?? '') : noteOf(item)).slice(0, LIMITS.note);
  return {
    id: str(item.id) ?? str(item['@id']),
    source: str(resource.source) ?? str(target) ?? str(item.uri),
    quote: readQuoteSelector(selectors),
    // Hypothesis counts offsets in the live page's text, which is not our article's.
    position: hypothesis ? null : readPositionSelector(selectors),
    note,
    color: HIGHLIGHT_COLORS.includes(styleClass as HighlightColor) ? (styleClass as HighlightColor) : null,
    kind:
      item['glossa:kind'] === 'paragraph-note'
        ? 'paragraph-note'
        : selectors.length === 0 && note.trim() !== ''
          ? 'page-note'
          : 'highlight',
    created: timeOf(item.created),
    updated: timeOf(item.modified) ?? timeOf(item.updated),
  };
}

function readQuoteSelector(selectors: Json[]): TextQuoteSelector | null {
  const s = selectors.find((x) => x.type === 'TextQuoteSelector');
  const exact = normalizeText(str(s?.exact) ?? '').slice(0, LIMITS.quote);
  if (!s || exact === '') return null;
  // Context is collapsed but not trimmed: the space between it and the quote is evidence too.
  const context = (v: unknown) => (str(v) ?? '').replace(/\s+/g, ' ');
  return {
    type: 'TextQuoteSelector',
    exact,
    prefix: context(s.prefix).slice(-LIMITS.context),
    suffix: context(s.suffix).slice(0, LIMITS.context),
  };
}

function readPositionSelector(selectors: Json[]): TextPositionSelector | null {
  const s = selectors.find((x) => x.type === 'TextPositionSelector');
  const { start, end } = s ?? {};
  return Number.isSafeInteger(start) &&
    Number.isSafeInteger(end) &&
    (start as number) >= 0 &&
    (end as number) >= (start as number)
    ? { type: 'TextPositionSelector', start: start as number, end: end as number }
    : null;
}

/** The text of the commenting bodies (W3C `bodyValue`, or `TextualBody`s that do not tag). */
function noteOf(item: Json): string {
  const bodyValue = str(item.bodyValue);
  if (bodyValue !== null) return bodyValue;
  return list(item.body)
    .filter(isRecord)
    .filter((b) => b.purpose === undefined || b.purpose === 'commenting' || b.purpose === 'describing')
    .map((b) => str(b.value) ?? '')
    .filter((v) => v.trim() !== '')
    .join('\n\n');
}

function timeOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const t = Date.parse(value);
  return Number.isFinite(t) && t >= 0 ? t : null;
}
