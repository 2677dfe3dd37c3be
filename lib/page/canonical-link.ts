/**
 * The page's `<link rel=canonical>`, read one way wherever Glossa asks (the eager content
 * script, the live page's annotation store, extraction). `rel` values are case-insensitive
 * (`rel="Canonical"` counts), and the value is resolved against the document's base URL.
 */

/** The canonical link's address as the page declares it (resolved, http(s) only), or null. */
export function canonicalLink(doc: Document, base: string = doc.baseURI): string | null {
  const href = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
