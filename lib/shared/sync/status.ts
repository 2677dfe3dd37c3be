/**
 * What the popup and the options page show about sync: whether it is on, when it last
 * succeeded, how many changes wait, the last error in words, and anything waiting for the
 * reader's decision (a new server to confirm, a bulk change the server wants that was held).
 * The background keeps it in the library's meta store (`lib/background/sync/status-store.ts`),
 * so it survives the worker being stopped.
 */
import type { SyncErrorKind } from './config';

/** A new server that has not received the library yet: the reader confirms sending it. */
export interface PendingConfirmation {
  /** Address and database, as the reader will see them. */
  url: string;
  db: string;
  /** Articles the first push will send (with their highlights). */
  articles: number;
}

/**
 * A pull that would have deleted or replaced a large part of the library, held before anything
 * was applied: the reader applies it or keeps the local copy.
 */
export interface HeldChanges {
  url: string;
  db: string;
  /** Local articles the server's changes would delete. */
  deletes: number;
  /** Local articles whose text the server's changes would replace. */
  replaces: number;
  /** Articles in the library when the changes were held. */
  library: number;
  at: number;
}

/** The state of sync, as views show it. */
export interface SyncStatus {
  enabled: boolean;
  running: boolean;
  /** Epoch ms of the last round that finished without error. */
  lastSync: number | null;
  lastError: { kind: SyncErrorKind; message: string; at: number } | null;
  /** Records waiting to be pushed. */
  pending: number;
  /** Failed rounds in a row (drives the backoff). */
  failures: number;
  /** Set while a new server waits for the reader's confirmation (nothing is sent before). */
  confirm: PendingConfirmation | null;
  /** Set while sync is paused on changes the reader must decide about. */
  held: HeldChanges | null;
  /** Whether the address is plain http (allowed only on the reader's own network): say so. */
  plainHttp: boolean;
}

/** Delay before the next try after `failures` failed rounds: 30 s doubling, capped at 30 min. */
export function backoffMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 30 * 60_000);
}

/**
 * How many articles one pull may delete or replace before it is held for the reader: more
 * than 20, or more than 20 % of the library, whichever is smaller — but always at least one, so
 * one article deleted on another device (it goes to the Trash here) is never a question.
 */
export function bulkChangeLimit(librarySize: number): number {
  return Math.min(20, Math.max(1, Math.floor(librarySize * 0.2)));
}

/**
 * The hold limit for a round after the reader applied held changes: what they were shown, plus
 * the usual margin, and no more. A server that deletes further between the question and the
 * answer is asked about again; an approval for one server says nothing about another.
 */
export function approvedChangeLimit(
  held: Pick<HeldChanges, 'deletes' | 'replaces'> & { server: string; approved?: boolean },
  server: string,
  librarySize: number,
): number {
  const limit = bulkChangeLimit(librarySize);
  return held.approved && held.server === server ? held.deletes + held.replaces + limit : limit;
}
