/**
 * Finds the images a stored article names, without a DOM: Chrome's MV3 service worker has none,
 * and sending every saved article to the offscreen document only to read attributes back would
 * cost a round trip and a parse per save. The input is the library's own HTML — DOMPurify's
 * serialization (lib/shared/article/sanitize.ts) — so a linear scan for `<img` start tags and
 * their `src` is exact: text `<` is always escaped as `&lt;` there, attribute values are quoted,
 * and `srcset` never survives the allowlist (the reader shows `src` only, so only `src` is saved).
 * Comments are skipped in case a future policy keeps them.
 */
import { LIMITS } from '../../shared/validate/limits';

/** The entities a serializer writes in attribute values, plus numeric references. */
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** Decodes character references in an attribute value; unknown names stay as written. */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** Attributes of the start tag whose name ends at `at`; answers them and where the tag ends. */
function readAttributes(html: string, at: number): { attributes: Map<string, string>; end: number } {
  const attributes = new Map<string, string>();
  let i = at;
  while (i < html.length) {
    while (isSpace(html[i]) || html[i] === '/') i++;
    if (i >= html.length || html[i] === '>') break;
    const nameStart = i;
    while (i < html.length && !isSpace(html[i]) && html[i] !== '=' && html[i] !== '>' && html[i] !== '/') i++;
    const name = html.slice(nameStart, i).toLowerCase();
    while (isSpace(html[i])) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (isSpace(html[i])) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const stop = close === -1 ? html.length : close;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !isSpace(html[i]) && html[i] !== '>') i++;
        value = html.slice(valueStart, i);
      }
    }
    if (name && !attributes.has(name)) attributes.set(name, decodeAttribute(value));
  }
  return { attributes, end: i };
}

/** An absolute http(s) URL, or null. */
function httpSource(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The http(s) image sources of an article, each once, in the order a reader meets them: the hero
 * first (the thumbnail is made from it when it is saved), then the body's `<img src>` in document
 * order. `data:` images are already inside the article and are not fetched. At most
 * `LIMITS.articleImages + 1` are answered, so the caller can tell that the cap was passed.
 */
export function collectImageSources(html: string, hero: string | null = null): string[] {
  const found = new Set<string>();
  const add = (raw: string | undefined) => {
    const src = raw === undefined ? null : httpSource(raw);
    if (src !== null) found.add(src);
  };
  if (hero) add(hero);
  const lower = html.toLowerCase();
  let i = 0;
  while (found.size <= LIMITS.articleImages) {
    const lt = lower.indexOf('<', i);
    if (lt === -1) break;
    if (lower.startsWith('<!--', lt)) {
      const close = lower.indexOf('-->', lt + 4);
      i = close === -1 ? lower.length : close + 3;
      continue;
    }
    if (lower.startsWith('<img', lt) && (isSpace(lower[lt + 4]) || lower[lt + 4] === '>' || lower[lt + 4] === '/')) {
      const { attributes, end } = readAttributes(html, lt + 4);
      add(attributes.get('src'));
      i = end + 1;
      continue;
    }
    i = lt + 1;
  }
  return [...found];
}
