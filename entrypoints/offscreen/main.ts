/**
 * Chrome only: a hidden document with a DOM, where the MV3 service worker sends article HTML
 * to be sanitized (DOMPurify needs a DOM). Answers only messages from this extension.
 */
import { sanitizeArticleHtml } from '../../lib/shared/article/sanitize';
import { INVALID, listen } from '../../lib/shared/messaging';

listen('offscreen', {
  'dom/prepare-html': {
    validate: (p) =>
      typeof p === 'object' && p !== null && typeof (p as { html?: unknown }).html === 'string'
        ? { html: (p as { html: string }).html }
        : INVALID,
    handle: ({ html }) => sanitizeArticleHtml(html, window),
  },
});
