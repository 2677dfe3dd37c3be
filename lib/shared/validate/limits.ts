/**
 * One table of limits for everything that enters the library from outside — a web page's save,
 * a sync document, a backup, an imported file — so a record one device accepts is never refused
 * by another, and every door measures alike. Sizes are in UTF-16 code units (JavaScript string
 * length); counts are items.
 */
export const LIMITS = {
  /** Record ids: `a_` + hex for articles, UUIDs for highlights (`[A-Za-z0-9_-]`). */
  id: 128,
  url: 4096,
  title: 1000,
  /** An author, a site or source name, one category or tag. */
  name: 500,
  /** Categories or tags on one article. */
  names: 200,
  /** A list preview. */
  excerpt: 1000,
  /** A BCP 47 language tag. */
  lang: 35,
  /** An ISO 8601 date-time. */
  date: 64,
  contentHash: 128,
  /** Article HTML, and its plain text: the largest article a person reads is far smaller. */
  html: 5 * 1024 * 1024,
  text: 5 * 1024 * 1024,
  /** A raster `data:` image URL (a hero image saved inline). */
  dataImage: 2_000_000,
  /** Saved images: one picture's bytes, an article's pictures' bytes and count (lib/background/images). */
  imageBytes: 5 * 1024 * 1024,
  articleImageBytes: 30 * 1024 * 1024,
  articleImages: 100,
  /** Highlights: the quoted text, its context on each side, the note, selectors per record. */
  quote: 20_000,
  context: 256,
  note: 100_000,
  selectors: 8,
  /** Feeds one page may offer (popup, side panel), and the length of each one's title. */
  pageFeeds: 10,
  pageFeedTitle: 200,
} as const;
