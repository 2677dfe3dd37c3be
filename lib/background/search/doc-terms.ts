/**
 * What search persists of one article, its entry: the fingerprint of what it was indexed
 * from, the short fields (title, highlight quotes and notes) as text for hits and snippets,
 * and — when the article changed since the last index snapshot (`snapshot.ts`) — the body as
 * its distinct terms grouped by how often they occur. A restarted service worker replays such
 * entries over the snapshot by looking terms up, without reading or tokenizing a body; the
 * short fields are tokenized again (cheap).
 *
 * An entry is the unit of update: an edit to an article or one of its highlights replaces that
 * article's entry and nothing else.
 */
import { type BodyBuckets, DocCollector } from './collector';
import { TermDictionary } from './dictionary';
import { IN_BODY, IN_NOTES, IN_TITLE } from './postings';

/** Version of {@link SearchDocData}; entries of another version are rebuilt from the article. */
export const SEARCH_DOC_FORMAT = 2;

/** What is indexed of one article. */
export interface SearchDoc {
  id: string;
  title: string;
  /** Highlight quotes, highlight notes and paragraph notes, one text each. */
  notes: readonly string[];
  /** Plain text of the body. */
  body: string;
}

/** The persisted part of one article's index entry (`SearchDocRecord.data`). */
export interface SearchDocData {
  /** What the entry was built from (see `article-doc.ts`): a different one means rebuild it. */
  fingerprint: string;
  title: string;
  notes: string[];
  /**
   * The body's distinct terms, by occurrences: `body[0]` those seen once, then 2–3, 4–7, and 8
   * or more; each a `\n`-joined list (terms never hold a line break). Null when the snapshot
   * holds the article's postings (built from this same fingerprint).
   */
  body: BodyBuckets | null;
}

/** Feeds an article's text to a collector: title, notes, body. */
export function collectDoc(collector: DocCollector, doc: Omit<SearchDoc, 'id'>): void {
  collector.text(doc.title, IN_TITLE);
  for (const note of doc.notes) collector.text(note, IN_NOTES);
  collector.text(doc.body, IN_BODY);
}

/** Feeds a persisted entry to a collector: the short fields' text, the body's term lists. */
export function collectData(collector: DocCollector, data: SearchDocData): void {
  collector.text(data.title, IN_TITLE);
  for (const note of data.notes) collector.text(note, IN_NOTES);
  data.body?.forEach((list, bucket) => {
    collector.bodyTerms(list, bucket);
  });
}

/** Tokenizes one article into its persisted entry, without an index (storage-only updates). */
export function docDataOf(doc: SearchDoc, fingerprint: string): SearchDocData {
  const collector = new DocCollector(new TermDictionary());
  collectDoc(collector, doc);
  return { fingerprint, title: doc.title, notes: [...doc.notes], body: collector.bodyBuckets() };
}

/** A persisted entry's data if it has the shape of {@link SearchDocData}, else null. */
export function asDocData(value: unknown): SearchDocData | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (typeof v.fingerprint !== 'string' || typeof v.title !== 'string') return null;
  if (!strings(v.notes) || (v.body !== null && (!strings(v.body) || v.body.length !== 4))) return null;
  return v as unknown as SearchDocData;
}
