/**
 * Glossa records as CouchDB documents, and back. A document from the server is untrusted:
 * another device, an old build or a hand edit may have written it, so every field is checked
 * and the record is rebuilt from what passed; a document that fails is skipped and counted,
 * never half-applied. Article HTML is sanitized again whenever it is rendered.
 */

import {
  type ArticleSource,
  articleSourceOf,
  plausible,
  type ReplicatedArticle,
  type ReplicatedHighlight,
  type ReplicatedSubscription,
  type Stamped,
} from '../../model';
import { checkArticleSource, isNameList } from '../../shared/validate/article';
import { httpUrl, recordId } from '../../shared/validate/fields';
import { isRecord, isTime } from '../../shared/validate/guards';
import { validateHighlight } from '../../shared/validate/highlight';
import { MAX_FEED_INTERVAL, MIN_FEED_INTERVAL } from '../../shared/validate/subscription';
import type { Replica } from '../../storage';
import type { CouchDoc } from './couch';

/** Format version of Glossa's documents on the server. */
export const DOC_FORMAT = 1;

/** The document id of a replica: its outbox key. */
export const docId = (replica: Replica): string => `${replica.type[0]}:${replica.value.id}`;

/** A replica as a document (with the revision it replaces, if any). */
export function toDoc(replica: Replica, rev?: string): CouchDoc {
  const doc: CouchDoc = { _id: docId(replica), glossa: DOC_FORMAT, type: replica.type, record: replica.value };
  if (rev) doc._rev = rev;
  return doc;
}

function stamped<T>(value: unknown, check: (v: unknown) => v is T, allowEmpty = false): Stamped<T> | null {
  if (!isRecord(value) || typeof value.stamp !== 'string' || !check(value.value)) return null;
  if (!(allowEmpty && value.stamp === '') && !plausible(value.stamp)) return null;
  return { value: value.value, stamp: value.stamp };
}

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isNames = (v: unknown): v is string[] => isNameList(v);
/** An article's source fields (the shared checks every door uses), or a deleted article's null. */
const articleSource = (v: unknown): v is ArticleSource | null => v === null || checkArticleSource(v).ok;

function article(id: string, r: Record<string, unknown>): ReplicatedArticle | null {
  const source = stamped(r.source, articleSource, true);
  const tags = stamped(r.tags, isNames, true);
  const archived = stamped(r.archived, isBool, true);
  const deleted = stamped(r.deleted, isBool);
  if (!source || !tags || !archived || !deleted || !isTime(r.savedAt) || !isTime(r.updatedAt)) return null;
  if (!deleted.value && !source.value) return null;
  return {
    id,
    savedAt: r.savedAt,
    updatedAt: r.updatedAt,
    source: { value: source.value ? articleSourceOf(source.value) : null, stamp: source.stamp },
    tags,
    archived,
    deleted,
  };
}

function highlight(id: string, r: Record<string, unknown>): ReplicatedHighlight | null {
  const fields = ['color', 'note', 'selectors', 'deleted'] as const;
  const parts = fields.map((f) => stamped(r[f], (v): v is unknown => v !== undefined));
  if (parts.some((p) => p === null)) return null;
  const [color, note, selectors, deleted] = parts as Stamped<unknown>[];
  const checked = validateHighlight({
    schema: 2,
    id,
    articleId: r.articleId,
    kind: r.kind,
    color: color?.value,
    note: note?.value,
    selectors: selectors?.value,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deleted: deleted?.value,
  });
  if (!checked || !color || !note || !selectors || !deleted) return null;
  return {
    id,
    articleId: checked.articleId,
    kind: checked.kind,
    createdAt: checked.createdAt,
    updatedAt: checked.updatedAt,
    color: { value: checked.color, stamp: color.stamp },
    note: { value: checked.note, stamp: note.stamp },
    selectors: { value: checked.selectors, stamp: selectors.stamp },
    deleted: { value: checked.deleted, stamp: deleted.stamp },
  };
}

const isInterval = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= MIN_FEED_INTERVAL && (v as number) <= MAX_FEED_INTERVAL;

function subscription(id: string, r: Record<string, unknown>): ReplicatedSubscription | null {
  const intervalMinutes = stamped(r.intervalMinutes, isInterval, true);
  const fullText = stamped(r.fullText, isBool, true);
  const deleted = stamped(r.deleted, isBool);
  const url = httpUrl(r.url);
  if (!intervalMinutes || !fullText || !deleted || url === undefined || !id.startsWith('s_')) return null;
  return { id, url, intervalMinutes, fullText, deleted };
}

/**
 * The replica a document holds, or null when it is not a valid Glossa document (another
 * app's document, a design document, a server-side deletion, a malformed record).
 */
export function fromDoc(doc: CouchDoc): Replica | null {
  if (doc._deleted || doc.glossa !== DOC_FORMAT || !isRecord(doc.record)) return null;
  const match = /^([ahs]):(.+)$/.exec(doc._id);
  if (!match || recordId(match[2]) === undefined || doc.record.id !== match[2]) return null;
  const id = match[2] as string;
  if (match[1] === 'a' && doc.type === 'article') {
    const value = article(id, doc.record);
    return value ? { type: 'article', value } : null;
  }
  if (match[1] === 'h' && doc.type === 'highlight') {
    const value = highlight(id, doc.record);
    return value ? { type: 'highlight', value } : null;
  }
  if (match[1] === 's' && doc.type === 'subscription') {
    const value = subscription(id, doc.record);
    return value ? { type: 'subscription', value } : null;
  }
  return null;
}
