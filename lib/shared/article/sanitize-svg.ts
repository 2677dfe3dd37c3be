/**
 * Makes a fetched SVG picture inert before it is stored: DOMPurify's SVG profile (shapes, text,
 * gradients and filters; no scripts, no event handlers, no `foreignObject`, no external
 * references). It needs a DOM: Firefox's background page runs it in place, Chrome's service
 * worker hands it to the offscreen document (lib/background/html-preparer.ts).
 */
import DOMPurify, { type WindowLike } from 'dompurify';

/** Anything that makes an SVG reach outside itself: kept out even if the profile allowed it. */
const EXTERNAL = /\b(?:href|xlink:href)\s*=\s*["']?\s*(?!#)/i;

/** The sanitized SVG markup, or null when nothing of an `<svg>` is left or it still reaches outside. */
export function sanitizeSvg(svg: string, win: WindowLike): string | null {
  const purify = DOMPurify(win);
  if (!purify.isSupported) return null;
  const clean = purify.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['style', 'foreignObject', 'image', 'use', 'a'],
    FORBID_ATTR: ['style'],
  });
  const trimmed = clean.trim();
  if (!/^<svg[\s>]/i.test(trimmed) || EXTERNAL.test(trimmed)) return null;
  return trimmed;
}
