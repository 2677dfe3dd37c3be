/**
 * Assembles the stored {@link Article} from a parsed seed post and its sanitized body. Pure
 * apart from hashing (Web Crypto), and free of DOM globals, so it runs in an MV3 service worker.
 */
import type { Article, ArticleOrigin } from '../../model';
import { ARTICLE_SCHEMA } from '../../model';
import type { ParsedPost } from './front-matter';
import { articleIdFor, sha256Hex } from './ids';
import type { PreparedBody } from './sanitize';
import { countChars, detectLang, excerpt, readingMinutes } from './text-stats';

/** Length of the list preview, in code points. */
export const EXCERPT_LENGTH = 200;

/** When and how the article enters the library. */
export interface BuildContext {
  /** Epoch milliseconds used for both `savedAt` and `updatedAt`. */
  now: number;
  origin: ArticleOrigin;
}

/**
 * Builds the article record. The id depends only on identity (URL, else title/date/source) and
 * `contentHash` only on the sanitized HTML, so the store can tell "same article, same text"
 * (unchanged) from "same article, edited text" (updated). The store, not this function, keeps a
 * re-imported article's original `savedAt`, tags and archive state.
 */
export async function buildArticle(post: ParsedPost, body: PreparedBody, ctx: BuildContext): Promise<Article> {
  // Seed categories are section / source / channel; the author field repeats the source name.
  const source = post.categories[1] ?? post.author;
  const [id, contentHash] = await Promise.all([
    articleIdFor({ url: post.url, title: post.title, published: post.published, source }),
    sha256Hex(body.html),
  ]);
  return {
    schema: ARTICLE_SCHEMA,
    id,
    url: post.url,
    title: post.title,
    author: post.author,
    source,
    categories: [...post.categories],
    tags: [],
    published: post.published,
    savedAt: ctx.now,
    updatedAt: ctx.now,
    heroImage: post.headimg ?? post.thumbnail ?? body.images[0] ?? null,
    // The title helps short posts (a list of links) show which script variant they use.
    lang: detectLang(`${post.title}\n${body.text}`),
    // Seed posts are Chinese or English; a right-to-left source would need detection here.
    dir: 'ltr',
    charCount: countChars(body.text),
    readingMinutes: readingMinutes(body.text),
    origin: ctx.origin,
    contentHash,
    excerpt: excerpt(body.text, EXCERPT_LENGTH),
    archived: false,
    html: body.html,
    text: body.text,
  };
}
