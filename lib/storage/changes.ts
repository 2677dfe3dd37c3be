/**
 * Tells every open view of the extension (popup, reader tabs, the background) that the library
 * changed, so none shows stale data: a write in one context is seen by the others at once.
 * BroadcastChannel reaches every same-origin context, service workers included, and does not
 * echo to the sender's own channel object.
 */

/** What changed: which store, and the ids of the records. */
export interface LibraryChange {
  store: 'articles' | 'highlights';
  ids: string[];
}

const CHANNEL = 'glossa:library';
let sender: BroadcastChannel | null = null;

/** Announces a committed change to the other contexts. */
export function announceChange(change: LibraryChange): void {
  if (typeof BroadcastChannel === 'undefined' || change.ids.length === 0) return;
  sender ??= new BroadcastChannel(CHANNEL);
  sender.postMessage(change);
}

/** Calls `listener` for every change other contexts announce; returns an unsubscribe function. */
export function onLibraryChange(listener: (change: LibraryChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isChange(event.data)) listener(event.data);
  };
  return () => channel.close();
}

function isChange(value: unknown): value is LibraryChange {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<LibraryChange>;
  return (v.store === 'articles' || v.store === 'highlights') && Array.isArray(v.ids);
}

/**
 * Saved images change on their own channel: the background writes them long after the article,
 * and sync (which follows library changes) has nothing to do for them.
 */
const IMAGES_CHANNEL = 'glossa:images';
let imagesSender: BroadcastChannel | null = null;

/** Announces that these articles' saved images changed. */
export function announceImages(articleIds: string[]): void {
  if (typeof BroadcastChannel === 'undefined' || articleIds.length === 0) return;
  imagesSender ??= new BroadcastChannel(IMAGES_CHANNEL);
  imagesSender.postMessage(articleIds);
}

/** Calls `listener` with the article ids whose saved images changed; returns an unsubscribe function. */
export function onImagesChange(listener: (articleIds: string[]) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(IMAGES_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const ids = event.data;
    if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) listener(ids);
  };
  return () => channel.close();
}

/** What `written` resolves to, once it is announced that the article's saved images changed. */
export async function afterImagesOf<T>(articleId: string, written: Promise<T>): Promise<T> {
  const result = await written;
  announceImages([articleId]);
  return result;
}

/**
 * Subscriptions that sync added, changed or removed, on their own channel: the feeds scheduler
 * (the only listener) moves its alarm to the new earliest due time.
 */
const SUBSCRIPTIONS_CHANNEL = 'glossa:subscriptions';
let subscriptionsSender: BroadcastChannel | null = null;

/** Announces that these subscriptions changed. */
export function announceSubscriptions(ids: string[]): void {
  if (typeof BroadcastChannel === 'undefined' || ids.length === 0) return;
  subscriptionsSender ??= new BroadcastChannel(SUBSCRIPTIONS_CHANNEL);
  subscriptionsSender.postMessage(ids);
}

/** Calls `listener` when subscriptions changed; returns an unsubscribe function. */
export function onSubscriptionsChange(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(SUBSCRIPTIONS_CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
