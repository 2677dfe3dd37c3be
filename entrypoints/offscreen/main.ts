/**
 * Chrome only: a hidden document with a DOM, where the MV3 service worker sends article HTML
 * and SVG pictures to be sanitized (DOMPurify needs a DOM) and fetched pages to be extracted
 * (Readability too). Answers only messages from this extension.
 */
import { extractPageBody } from '../../lib/page/extract/page-body';
import { sanitizeArticleHtml } from '../../lib/shared/article/sanitize';
import { sanitizeSvg } from '../../lib/shared/article/sanitize-svg';
import { INVALID, listen } from '../../lib/shared/messaging';
import { httpUrl, isRecord, LIMITS } from '../../lib/shared/validate';

listen('offscreen', {
  'dom/prepare-html': {
    validate: (p) =>
      isRecord(p) && typeof p.html === 'string' && (p.baseUrl === null || httpUrl(p.baseUrl) !== undefined)
        ? { html: p.html, baseUrl: p.baseUrl === null ? null : String(p.baseUrl) }
        : INVALID,
    handle: ({ html, baseUrl }) => sanitizeArticleHtml(html, window, { baseUrl: baseUrl ?? undefined }),
  },
  'dom/sanitize-svg': {
    validate: (p) =>
      isRecord(p) && typeof p.svg === 'string' && p.svg.length <= LIMITS.imageBytes ? { svg: p.svg } : INVALID,
    handle: ({ svg }) => sanitizeSvg(svg, window),
  },
  'dom/extract-article': {
    validate: (p) =>
      isRecord(p) && typeof p.html === 'string' && httpUrl(p.url) !== undefined
        ? { html: p.html, url: String(p.url) }
        : INVALID,
    handle: ({ html, url }) => extractPageBody(html, url, window),
  },
});
