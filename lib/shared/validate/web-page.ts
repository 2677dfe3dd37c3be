/**
 * A web page's save request, as its content script sends it (a world the page can influence):
 * every field's type, size and form checked against the one table of limits, the page's address
 * normalized, and a declared canonical kept only when it is the same scheme and site.
 */

import { normalizeUrl } from '../article/ids';
import { sameSite, type WebPageSave } from '../article/web-page';
import { imageUrl, isoDate, langTag } from './fields';
import { isRecord, isText } from './guards';
import { LIMITS } from './limits';

/** An http(s) page address, normalized for identity. */
function pageUrl(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= LIMITS.url ? (normalizeUrl(value) ?? undefined) : undefined;
}

/** Text or null, trimmed (blank becomes null); undefined when refused. */
function optional(value: unknown, max: number): string | null | undefined {
  if (value === null) return null;
  return isText(value, max) ? value.trim() || null : undefined;
}

/** A nullable field through `check`; undefined when refused. */
function nullable<T>(value: unknown, check: (v: unknown) => T | undefined): T | null | undefined {
  return value === null ? null : check(value);
}

/** The payload as a {@link WebPageSave}, or null when any field has the wrong type, size or form. */
export function validateWebPageSave(payload: unknown): WebPageSave | null {
  if (!isRecord(payload)) return null;
  const p = payload;
  const url = pageUrl(p.url);
  const declared = nullable(p.canonicalUrl, pageUrl);
  // A page may not claim another site's identity (and so overwrite that site's saved copy).
  const canonical = declared && url && !sameSite(declared, url) ? null : declared;
  const title = isText(p.title, LIMITS.title) ? p.title.trim() : undefined;
  const byline = optional(p.byline, LIMITS.name);
  const siteName = optional(p.siteName, LIMITS.name);
  const published = nullable(p.published, isoDate);
  const leadImage = nullable(p.leadImage, imageUrl);
  const lang = nullable(p.lang, langTag);
  const dir = p.dir === null || p.dir === 'ltr' || p.dir === 'rtl' ? p.dir : undefined;
  const html = isText(p.html, LIMITS.html) ? p.html : undefined;
  if (
    url === undefined ||
    canonical === undefined ||
    !title ||
    byline === undefined ||
    siteName === undefined ||
    published === undefined ||
    leadImage === undefined ||
    lang === undefined ||
    dir === undefined ||
    html === undefined
  ) {
    return null;
  }
  return { url, canonicalUrl: canonical, title, byline, siteName, published, leadImage, lang, dir, html };
}
