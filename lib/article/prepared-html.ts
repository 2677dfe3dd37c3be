/**
 * What the DOM step of an import produces. Parsing front matter needs no DOM, sanitizing does,
 * and a Chrome MV3 service worker has none: this is the shape that crosses from the context
 * with a DOM (offscreen document, Firefox background page) back to the importer.
 */
export interface PreparedHtml {
  /** Sanitized HTML. */
  html: string;
  /** Visible plain text, blocks separated by blank lines. */
  text: string;
  /** Kept image URLs in document order. */
  images: string[];
}
