/**
 * The merge of two replicas of one record: per-field last-writer-wins by hybrid logical clock
 * stamp. Each mutable field carries the stamp of its last write, so a colour changed on one
 * device and a note edited on another both survive. Deleting is a field too (a tombstone): an
 * edit to another field does not bring a deleted record back; only a later explicit undelete
 * (undo, or saving the article again) does. Ties (the same stamp with different values, which
 * only a bug or a forged record can make) are broken by comparing the values, so every device
 * computes the same result whatever the order in which replicas meet: the merge is
 * commutative, associative and idempotent (property-tested).
 */
import type { ArticleMeta, HighlightColor, HighlightKind, Selector } from './types';

/**
 * A feed subscription as replicas exchange it: the address and the reader's choices. What a
 * refresh learns (title, site, fetch state) is each device's own: every device reads the feed.
 */
export interface ReplicatedSubscription {
  id: string;
  url: string;
  intervalMinutes: Stamped<number>;
  fullText: Stamped<boolean>;
  deleted: Stamped<boolean>;
}

/** A field's value and the stamp of the write that set it. */
export interface Stamped<T> {
  value: T;
  stamp: string;
}

/** A highlight as replicas exchange it (and as the sync server stores it). */
export interface ReplicatedHighlight {
  id: string;
  articleId: string;
  kind: HighlightKind;
  createdAt: number;
  /** Newest local edit time seen on any replica (for display; merged by max). */
  updatedAt: number;
  color: Stamped<HighlightColor>;
  note: Stamped<string>;
  selectors: Stamped<Selector[]>;
  deleted: Stamped<boolean>;
}

/** The fields of an article that come from its source, body included: they travel together. */
export type ArticleSource = Omit<
  ArticleMeta,
  'schema' | 'id' | 'savedAt' | 'updatedAt' | 'tags' | 'archived' | 'stamps'
> & {
  html: string;
  text: string;
};

/**
 * Exactly the source fields of `v`, in a fixed order: extra fields an old record carried never
 * travel, so a replica read back from the server equals the one that was sent.
 */
export function articleSourceOf(v: ArticleSource): ArticleSource {
  const { url, title, author, source, categories, published, heroImage, lang, dir, charCount } = v;
  const { readingMinutes, origin, contentHash, excerpt, html, text } = v;
  return {
    url,
    title,
    author,
    source,
    categories,
    published,
    heroImage,
    lang,
    dir,
    charCount,
    readingMinutes,
    origin,
    contentHash,
    excerpt,
    html,
    text,
  };
}

/**
 * An article as replicas exchange it. A deleted article's replica may have no source left
 * (`value: null` with the empty stamp, which every real write beats).
 */
export interface ReplicatedArticle {
  id: string;
  /** When first saved on any device (merged by min). */
  savedAt: number;
  updatedAt: number;
  source: Stamped<ArticleSource | null>;
  tags: Stamped<string[]>;
  archived: Stamped<boolean>;
  deleted: Stamped<boolean>;
}

/** The later write; equal stamps fall back to comparing the values themselves. */
function later<T>(a: Stamped<T>, b: Stamped<T>): Stamped<T> {
  if (a.stamp !== b.stamp) return a.stamp > b.stamp ? a : b;
  return JSON.stringify(a.value) >= JSON.stringify(b.value) ? a : b;
}

const HIGHLIGHT_FIELDS = ['color', 'note', 'selectors', 'deleted'] as const;
const ARTICLE_FIELDS = ['source', 'tags', 'archived', 'deleted'] as const;

/** Merges two replicas of the same highlight (same `id`). */
export function mergeHighlight(a: ReplicatedHighlight, b: ReplicatedHighlight): ReplicatedHighlight {
  if (a.id !== b.id) throw new Error(`Cannot merge different highlights (${a.id}, ${b.id})`);
  // Fields that never change after creation: equal on honest replicas; pick deterministically.
  const base =
    a.createdAt !== b.createdAt
      ? a.createdAt < b.createdAt
        ? a
        : b
      : `${a.articleId}|${a.kind}` <= `${b.articleId}|${b.kind}`
        ? a
        : b;
  const merged: ReplicatedHighlight = { ...base, updatedAt: Math.max(a.updatedAt, b.updatedAt) };
  for (const field of HIGHLIGHT_FIELDS) {
    (merged as unknown as Record<string, Stamped<unknown>>)[field] = later<unknown>(a[field], b[field]);
  }
  // Kind and place go together (a page note has no selectors, anything else has some): a replica
  // that claims another kind for this id never leaves a record the validator would refuse.
  if ((merged.kind === 'page-note') !== (merged.selectors.value.length === 0)) merged.selectors = base.selectors;
  return merged;
}

/** Merges two replicas of the same article (same `id`). */
export function mergeArticle(a: ReplicatedArticle, b: ReplicatedArticle): ReplicatedArticle {
  if (a.id !== b.id) throw new Error(`Cannot merge different articles (${a.id}, ${b.id})`);
  const merged: ReplicatedArticle = {
    ...a,
    savedAt: Math.min(a.savedAt, b.savedAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
  for (const field of ARTICLE_FIELDS) {
    (merged as unknown as Record<string, Stamped<unknown>>)[field] = later<unknown>(a[field], b[field]);
  }
  return merged;
}

/** Merges two replicas of the same subscription (same `id`, hence the same address). */
export function mergeSubscription(a: ReplicatedSubscription, b: ReplicatedSubscription): ReplicatedSubscription {
  if (a.id !== b.id) throw new Error(`Cannot merge different subscriptions (${a.id}, ${b.id})`);
  return {
    id: a.id,
    // Equal on honest replicas (the id derives from it); pick deterministically.
    url: [a.url, b.url].sort()[0] ?? a.url,
    intervalMinutes: later(a.intervalMinutes, b.intervalMinutes),
    fullText: later(a.fullText, b.fullText),
    deleted: later(a.deleted, b.deleted),
  };
}

/** Any replicated record. */
export type ReplicatedRecord = ReplicatedHighlight | ReplicatedArticle | ReplicatedSubscription;

/** Whether two replicas hold the same state (after a merge: whether anything changed). */
export function sameReplica(a: ReplicatedRecord, b: ReplicatedRecord): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Key order fixed, so equal replicas serialize equally whatever built them. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return Object.fromEntries(
    entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => [k, canonical(v)]),
  );
}
