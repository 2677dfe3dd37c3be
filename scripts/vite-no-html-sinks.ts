import type { Plugin } from 'vite';

/**
 * Removes the two `innerHTML =` sinks our dependencies would ship, so the shipped code has no
 * path that turns a string into markup except DOMPurify's DOMParser call:
 * - Preact's `dangerouslySetInnerHTML` support (Glossa never uses it: sanitized article bodies
 *   are inserted as DOM fragments that DOMPurify returns). Using it now throws.
 * - DOMPurify's fallback for non-HTML namespaces (we only sanitize HTML, where DOMPurify uses
 *   DOMParser); without it, such input sanitizes to nothing.
 * - Readability's two `innerHTML =` (restoring its working copy before a retry, unwrapping
 *   `<noscript>` images). Both act on an inert clone, so they were safe, but they are parsed
 *   with DOMParser instead (after `<body>`, so the markup is read in body context as before).
 * Each rewrite must match exactly as often as it says (once unless `count`), so upgrading either library fails the build until
 * someone looks again. This is also what makes `web-ext lint` report no unsafe assignment.
 */
const REWRITES: Array<{ file: RegExp; find: RegExp; replace: string; count?: number }> = [
  {
    file: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    find: /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/g,
    replace: '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Glossa")})()',
  },
  {
    file: /[\\/]dompurify[\\/]dist[\\/]purify\.es\.mjs$/,
    find: /doc\.documentElement\.innerHTML = IS_EMPTY_INPUT \? emptyHTML : dirtyPayload;/g,
    replace: '/* non-HTML namespaces disabled in Glossa */',
  },
  {
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    find: /(page|tmp)\.innerHTML = (pageCacheHtml|noscript\.innerHTML);/g,
    replace:
      '$1.replaceChildren(...new DOMParser().parseFromString("<!doctype html><body>" + $2, "text/html").body.childNodes);',
    count: 2,
  },
];

/** Vite plugin applying {@link REWRITES}. */
export function noHtmlSinks(): Plugin {
  return {
    name: 'glossa:no-html-sinks',
    enforce: 'pre',
    transform(code, id) {
      const rewrite = REWRITES.find((r) => r.file.test(id.split('?')[0] ?? id));
      if (!rewrite) return null;
      const count = code.match(rewrite.find)?.length ?? 0;
      if (count !== (rewrite.count ?? 1))
        this.error(`glossa:no-html-sinks expected one match in ${id}, found ${count}`);
      return { code: code.replace(rewrite.find, rewrite.replace), map: null };
    },
  };
}
