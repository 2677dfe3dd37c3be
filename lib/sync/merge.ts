/**
 * The merge of two replicas of one highlight: per-field last-writer-wins by hybrid logical
 * clock stamp. Each mutable field carries the stamp of its last write, so a colour changed on
 * one device and a note edited on another both survive. Deleting is a field too (a tombstone):
 * an edit to another field does not bring a deleted highlight back; only a later explicit
 * undelete (undo) does. Ties (the same stamp with different values, which only a bug or a forged
 * record can make) are broken by comparing the values, so every device computes the same result
 * whatever the order in which replicas meet: the merge is commutative, associative and
 * idempotent (property-tested).
 */
import type { HighlightColor, Selector } from '../storage/types';

/** A field's value and the stamp of the write that set it. */
export interface Stamped<T> {
  value: T;
  stamp: string;
}

/** A highlight as replicas exchange it. */
export interface ReplicatedHighlight {
  id: string;
  articleId: string;
  kind: 'highlight' | 'paragraph-note';
  createdAt: number;
  color: Stamped<HighlightColor>;
  note: Stamped<string>;
  selectors: Stamped<Selector[]>;
  deleted: Stamped<boolean>;
}

const FIELDS = ['color', 'note', 'selectors', 'deleted'] as const;

/** The later write; equal stamps fall back to comparing the values themselves. */
function later<T>(a: Stamped<T>, b: Stamped<T>): Stamped<T> {
  if (a.stamp !== b.stamp) return a.stamp > b.stamp ? a : b;
  return JSON.stringify(a.value) >= JSON.stringify(b.value) ? a : b;
}

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
  const merged: ReplicatedHighlight = { ...base };
  for (const field of FIELDS) {
    (merged as unknown as Record<string, Stamped<unknown>>)[field] = later<unknown>(a[field], b[field]);
  }
  return merged;
}
