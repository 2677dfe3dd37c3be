/**
 * What Glossa's reader keeps of an article's HTML: the DOMPurify configuration and the few
 * patterns the sanitizer's hooks apply. Kept apart from the mechanics in `sanitize.ts` so the
 * policy can be read (and reviewed) on one screen.
 */
import type { Config } from 'dompurify';

/** Splits a space-separated list; keeps long tag lists readable after formatting. */
const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/**
 * Reading markup we keep. Everything else is removed; the content of unknown wrappers
 * (e.g. `<section>`, `<font>`) is kept, the content of {@link DROP_WITH_CONTENT} is not.
 * Classes are dropped: the reader styles articles itself, and site classes could match (and
 * restyle or hide) the reader's own UI. `id`/`name` go too, against DOM clobbering.
 *
 * `body` is listed because the `<body>` DOMPurify parses into is the root of its walk: without
 * it DOMPurify treats the root as a disallowed element and deep-clones the whole article to
 * "keep its content" (then discards the clone) — twice the time on a long article. A `<body>`
 * tag inside the input is merged away by the HTML parser, so allowing it admits nothing.
 */
export const ALLOWED_TAGS = words(`
  p a img strong em b i u s del ins mark small abbr cite q kbd samp var time br hr
  h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote figure figcaption pre code
  table caption thead tbody tfoot tr th td colgroup col span div sup sub body
`);

/** Attributes we keep; `href`/`src` are further checked by the sanitizer's hooks. */
export const ALLOWED_ATTR = words(`
  href src alt title width height colspan rowspan scope start reversed datetime lang dir
`);

/** Never allowed, even if someone widens {@link ALLOWED_TAGS} later. */
export const FORBID_TAGS = words(`
  script style iframe frame frameset object embed applet form input button select option
  textarea svg math template noscript meta link base portal dialog
`);

/** Removed together with their content: widget labels and fallbacks are not article text. */
export const DROP_WITH_CONTENT = words(`
  button select option textarea object embed applet canvas map datalist dialog
`);

/** The DOMPurify configuration (the sanitizer adds `RETURN_DOM`). */
export const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  ADD_FORBID_CONTENTS: DROP_WITH_CONTENT,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

/** Inline styles that hide an element; checked before DOMPurify strips `style`. */
export const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)(?![\w-])/i;
/** Raster images only: an SVG data URL can carry script when opened on its own. */
export const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]+$/i;
/** Where lazy-loading sites keep the real image while `src` holds a placeholder. */
export const LAZY_SRC_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-actualsrc'];
/** Link targets we keep. */
export const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];
/** Image sources we keep (besides {@link DATA_IMAGE}). */
export const IMAGE_PROTOCOLS = ['http:', 'https:'];
