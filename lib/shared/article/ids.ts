/**
 * Stable article ids. Re-importing a seed or re-saving a page must land on the same record
 * (so highlights stay attached and imports are idempotent), which rules out random ids: the id
 * is a hash of what identifies the article, not of its content.
 */

/** Prefix that marks an article id (highlights use UUIDs, so the two never mix). */
export const ARTICLE_ID_PREFIX = 'a_';
/** 24 hex characters = 96 bits: collisions are out of reach for a personal library. */
const ID_HEX_LENGTH = 24;

/**
 * SHA-256 of the UTF-8 bytes of `text`, as lowercase hex. Uses Web Crypto, which exists in
 * browsers, MV3 service workers and Node 20 alike, so one implementation serves every context.
 */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** What identifies an article, independent of edits to its text. */
export interface ArticleIdentity {
  /** Canonical URL, when known; takes precedence over the other fields. */
  url: string | null;
  title: string;
  /** ISO publication date, when known. */
  published: string | null;
  /** Site or source name, when known. */
  source: string | null;
}

/**
 * Query parameters that only say where a visit came from (campaign tags, click ids, share
 * tokens); they never name a different page, so identity ignores them.
 */
const TRACKING_PARAM =
  /^(?:utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|spm|scm|isappinstalled)$/i;

/**
 * Normalises a URL for identity: the hash fragment (same page, different scroll position) and
 * tracking parameters are dropped, the host lowercased (by the URL parser). Returns `null` when
 * the value is not an absolute http(s) URL, so junk never becomes an identity. A page's own
 * address in this form is what binds it to its saved article (lib/background/page-access.ts).
 */
export function normalizeUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  if (parsed.search) {
    const kept = [...parsed.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
    if (kept.length < [...parsed.searchParams].length) parsed.search = new URLSearchParams(kept).toString();
  }
  return parsed.href;
}

/**
 * The id of an article: `a_` + 24 hex characters of SHA-256 over its canonical URL when it has
 * one, else over (title, published, source). A seed update that only edits the body therefore
 * keeps its id (its contentHash changes instead). The fields are JSON-encoded, not joined with a
 * separator a title could contain, and namespaced (`url:` / `post:`) so a title never collides
 * with a URL.
 */
export async function articleIdFor(identity: ArticleIdentity): Promise<string> {
  const url = identity.url === null ? null : normalizeUrl(identity.url);
  const key =
    url !== null
      ? `url:${url}`
      : `post:${JSON.stringify([identity.title.trim(), identity.published, identity.source?.trim() ?? null])}`;
  const hex = await sha256Hex(key);
  return ARTICLE_ID_PREFIX + hex.slice(0, ID_HEX_LENGTH);
}
