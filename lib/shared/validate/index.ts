/**
 * The one gate for everything that enters the library from outside: a web page's save
 * (`web-page.ts`), a highlight from a page, a sync peer or a file (`highlight.ts`), a sync
 * document's article (`article.ts`), a backup's records (`records.ts`), a feed subscription
 * (`subscription.ts`), the feeds a page declares (`page-feeds.ts`), imported articles and
 * annotation files (which pass the same checks before they are stored) — all against one table
 * of limits (`limits.ts`) and one set of field rules (`fields.ts`): links http(s) only, images
 * http(s) or raster `data:`, dates ISO 8601, languages BCP 47, ids in our format; an article's
 * image map (`images.ts`) by the same rules.
 */
export { checkArticleSource, isNameList } from './article';
export { httpUrl, imageUrl, isoDate, langTag, orNull, recordId } from './fields';
export { isCount, isRecord, isText, isTime } from './guards';
export { validateHighlight, validateParagraphSelectors } from './highlight';
export { checkImageMap, imageHash, storedImageType } from './images';
export { LIMITS } from './limits';
export { checkContentType, checkPageFeedList, checkPageFeedsReport, type PageFeedsReport } from './page-feeds';
export { checkArticle, checkHighlight, checkTombstone } from './records';
export {
  checkIntervalRequest,
  checkRefreshRequest,
  checkSubscribeRequest,
  checkSubscription,
  checkUnsubscribeRequest,
  MAX_FEED_INTERVAL,
  MIN_FEED_INTERVAL,
} from './subscription';
export { validateWebPageSave } from './web-page';
