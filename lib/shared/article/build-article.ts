/**
 * Assembles the stored {@link Article} from a parsed seed post and its sanitized body. Pure
 * apart from hashing (Web Crypto), and free of DOM globals, so it runs in an MV3 service worker.
 */
import { ARTICLE_SCHEMA, type Article, type ArticleOrigin } from '../../model';
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

/** The fields every article derives from its body, computed one way for every way in. */
export type BodyFacts = Pick<
  Article,
  'contentHash' | 'lang' | 'charCount' | 'readingMinutes' | 'excerpt' | 'html' | 'text'
>;

/**
 * What the sanitized body says about an article: its hash, language (a declared one wins; the
 * title helps short posts, a list of links, show which script variant they use), length,
 * reading time and list preview.
 */
export async function bodyFacts(
  title: string,
  body: PreparedBody,
  declaredLang: string | null = null,
): Promise<BodyFacts> {
  return {
    contentHash: await sha256Hex(body.html),
    lang: declaredLang ?? detectLang(`${title}\n${body.text}`),
    charCount: countChars(body.text),
    readingMinutes: readingMinutes(body.text),
    excerpt: excerpt(body.text, EXCERPT_LENGTH),
    html: body.html,
    text: body.text,
  };
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
  const [id, facts] = await Promise.all([
    articleIdFor({ url: post.url, title: post.title, published: post.published, source }),
    bodyFacts(post.title, body),
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
    // Seed posts are Chinese or English; a right-to-left source would need detection here.
    dir: 'ltr',
    origin: ctx.origin,
    archived: false,
    ...facts,
  };
}
