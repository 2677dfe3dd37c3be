/**
 * The article verdict, handed from the eager content script to the page agent the background
 * injects once the page is an article (entrypoints/page-agent.ts). Both run in the isolated
 * world of the top frame, so a property on that world's global — keyed by a registered symbol,
 * invisible to the page (see reading-view-handle.ts) — carries the verdict and later changes of
 * it. The eager script only writes a boolean here: it must stay cheap on every page.
 */
const KEY = Symbol.for('glossa.verdict');

interface Channel {
  isArticle: boolean;
  followers: Set<(isArticle: boolean) => void>;
}

function channel(): Channel {
  const g = globalThis as { [KEY]?: Channel };
  g[KEY] ??= { isArticle: false, followers: new Set() };
  return g[KEY];
}

/** Records this frame's verdict and tells those following it (the eager script calls it). */
export function publishVerdict(isArticle: boolean): void {
  const c = channel();
  c.isArticle = isArticle;
  for (const follower of c.followers) follower(isArticle);
}

/** Calls `follower` with the verdict now and on every change; returns the unsubscribe. */
export function followVerdict(follower: (isArticle: boolean) => void): () => void {
  const c = channel();
  c.followers.add(follower);
  follower(c.isArticle);
  return () => c.followers.delete(follower);
}
