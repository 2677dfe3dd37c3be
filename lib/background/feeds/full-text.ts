/**
 * "Fetch full text" for one feed article: fetch the entry's page from the background
 * (fetch-page.ts), extract and sanitize its article wherever a DOM is (the injected `extract`:
 * in place in Firefox, the offscreen document in Chrome), pass the result through the one
 * validator, and update the stored article's body in place. The id stays, so its highlights,
 * tags and read state stay too (highlights re-anchor as for any changed text). On any failure
 * the stored article is left exactly as it was and the error is answered by name.
 */
import type { Article } from '../../model';
import { bodyFacts } from '../../shared/article/build-article';
import type { FeedImportReport } from '../../shared/feeds/feed-import';
import type { FullTextResult } from '../../shared/feeds/full-text';
import { isLocalNetworkHost } from '../../shared/local-network';
import { checkArticleSource } from '../../shared/validate/article';
import { langTag } from '../../shared/validate/fields';
import type { Library } from '../../storage';
import type { PageExtractor } from '../html-preparer';
import { type FetchPageOptions, fetchPage } from './fetch-page';

/** What a full-text fetch needs from its host. */
export interface FullTextDeps {
  extract: PageExtractor;
  fetch?: FetchPageOptions;
}

const fail = (code: 'not-available' | 'no-article' | 'shorter', detail = ''): FullTextResult => ({
  ok: false,
  error: { code, detail },
});

/** Fetches the full text of feed article `articleId` and stores it as its body. Never rejects. */
export async function fetchFullText(lib: Library, articleId: string, deps: FullTextDeps): Promise<FullTextResult> {
  const article = await lib.getArticle(articleId);
  if (article?.origin !== 'feed' || article.url === null || !/^https?:\/\//i.test(article.url)) {
    return fail('not-available');
  }
  // A page on the reader's own network only for a feed that is there too (an unlinked article: never).
  const feedId = await lib.feedOfArticle(article.id);
  const feed = feedId === undefined ? undefined : await lib.getSubscription(feedId);
  const allowLocal = feed !== undefined && isLocalNetworkHost(new URL(feed.url).hostname);
  const page = await fetchPage(article.url, { ...deps.fetch, allowLocal });
  if (!page.ok) return page;
  let extracted: Awaited<ReturnType<PageExtractor>>;
  try {
    extracted = await deps.extract(page.value.html, page.value.url);
  } catch {
    extracted = null;
  }
  if (extracted === null) return fail('no-article');
  const { body, lang } = extracted;
  const facts = await bodyFacts(article.title, body, langTag(lang) ?? article.lang);
  // Never trade the saved text for less of it: without the reader's cookies a page may answer
  // with a teaser or a sign-in wall.
  if (facts.charCount < article.charCount) return fail('shorter', String(article.charCount));
  const updated: Article = { ...article, ...facts, heroImage: article.heroImage ?? body.images[0] ?? null };
  // The same gate every door has (lib/shared/validate): an oversized or odd body is refused.
  const checked = checkArticleSource(updated);
  if (!checked.ok) return fail('no-article', checked.error);
  // Deleted meanwhile: it stays deleted.
  const outcome = await lib.upsertArticle({ ...updated, ...checked.value }, { keepDeleted: true });
  if (outcome === 'deleted-before') return fail('not-available');
  // So the next refresh, which brings the entry's summary again, leaves the full text be.
  await lib.markFullText(article.id);
  return { ok: true, charCount: facts.charCount };
}

/** Most full texts one refresh fetches (the rest of a burst keep their summaries). */
export const MAX_FULL_TEXTS_PER_REFRESH = 10;

/** What a refresh's full-text fetches did: each failure by article, never the refresh's. */
export interface FullTextSummary {
  fetched: string[];
  failed: Array<{ id: string; error: Extract<FullTextResult, { ok: false }>['error'] }>;
}

/**
 * After a refresh of a feed that asks for full text: the pages of its NEW entries that carried
 * only a summary, one at a time, at most {@link MAX_FULL_TEXTS_PER_REFRESH}. Never rejects.
 */
export async function fetchNewFullTexts(
  lib: Library,
  report: FeedImportReport,
  deps: FullTextDeps,
): Promise<FullTextSummary> {
  const summary: FullTextSummary = { fetched: [], failed: [] };
  const wanted = report.results
    .filter((r) => r.status === 'created' && !r.hasFullContent && r.link !== null && /^https?:\/\//i.test(r.link))
    .slice(0, MAX_FULL_TEXTS_PER_REFRESH);
  for (const { id } of wanted) {
    let result: FullTextResult;
    try {
      result = await fetchFullText(lib, id, deps);
    } catch (thrown) {
      result = { ok: false, error: { code: 'network', detail: thrown instanceof Error ? thrown.message : '' } };
    }
    if (result.ok) summary.fetched.push(id);
    else summary.failed.push({ id, error: result.error });
  }
  return summary;
}
