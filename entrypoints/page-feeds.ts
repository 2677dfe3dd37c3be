/**
 * The feeds a page declares, read when the popup or the side panel asks for them — never on
 * load. The background runs this file (built as `/page-feeds.js`) in the tab's isolated world
 * and takes the script's value as the answer, so a panel that follows every tab the reader visits
 * brings nothing else into those pages (the page agent stays where it is needed). Only wiring:
 * the reading is lib/page/page-feeds.ts; the background checks the answer.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { safely } from '../lib/page/guard';
import { collectPageFeeds, NO_PAGE_FEEDS, type PageFeedsFound } from '../lib/page/page-feeds';

export default defineUnlistedScript((): PageFeedsFound => safely(() => collectPageFeeds(document), NO_PAGE_FEEDS));
