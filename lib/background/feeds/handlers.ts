/**
 * The background's side of feeds: the calls extension pages make (subscribe, list, refresh, set
 * a feed's interval, unsubscribe, fetch an entry's full text; only extension pages may call, the listener's default rule,
 * and every payload passes lib/shared/validate), and one alarm set to the earliest due feed, so
 * refreshes survive the MV3 worker stopping without an alarm per feed.
 */
import { browser } from 'wxt/browser';
import type { Handler } from '../../shared/messaging';
import { INVALID } from '../../shared/messaging';
import type { BackgroundCalls } from '../../shared/messaging/protocol';
import {
  checkFullTextRequest,
  checkFullTextSettingRequest,
  checkIntervalRequest,
  checkRefreshRequest,
  checkSubscribeRequest,
  checkUnsubscribeRequest,
} from '../../shared/validate/subscription';
import { type Library, onSubscriptionsChange } from '../../storage';
import type { HtmlPreparer, PageExtractor } from '../html-preparer';
import { createFeedService } from './service';

/** The alarm that refreshes due feeds. */
export const FEEDS_ALARM = 'glossa-feeds';

type Calls =
  | 'feeds/subscribe'
  | 'feeds/list'
  | 'feeds/refresh'
  | 'feeds/interval'
  | 'feeds/unsubscribe'
  | 'feeds/full-text'
  | 'feeds/full-text-setting';
type Handlers = { [C in Calls]: Handler<BackgroundCalls[C]['request'], BackgroundCalls[C]['response']> };

/** A validator from a checker: the value, or INVALID. */
const gate =
  <T>(check: (value: unknown) => { ok: true; value: T } | { ok: false; error: string }) =>
  (payload: unknown): T | typeof INVALID => {
    const checked = check(payload);
    return checked.ok ? checked.value : INVALID;
  };

/** Starts the feed schedule and answers the feed calls. */
export function startFeeds(library: Promise<Library>, prepare: HtmlPreparer, extract?: PageExtractor): Handlers {
  const service = createFeedService({
    library,
    prepare,
    extract,
    schedule: async (at) => {
      if (at === null) await browser.alarms.clear(FEEDS_ALARM);
      // An alarm in the past fires at once; browsers round very near ones up (Chrome: 30 s).
      else await browser.alarms.create(FEEDS_ALARM, { when: Math.max(at, Date.now() + 1000) });
    },
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEEDS_ALARM) void service.refreshDue().catch(() => undefined);
  });
  void service.reschedule().catch(() => undefined);
  // A subscription sync brought is due at once; one it removed is due never.
  onSubscriptionsChange(() => void service.reschedule().catch(() => undefined));
  return {
    'feeds/subscribe': { validate: gate(checkSubscribeRequest), handle: ({ url }) => service.subscribe(url) },
    'feeds/list': { validate: (p) => (p === null ? null : INVALID), handle: () => service.list() },
    'feeds/refresh': { validate: gate(checkRefreshRequest), handle: ({ id }) => service.refresh(id) },
    'feeds/interval': {
      validate: gate(checkIntervalRequest),
      handle: ({ id, intervalMinutes }) => service.setInterval(id, intervalMinutes),
    },
    'feeds/unsubscribe': {
      validate: gate(checkUnsubscribeRequest),
      handle: ({ id, keepArticles }) => service.unsubscribe(id, keepArticles),
    },
    'feeds/full-text': {
      validate: gate(checkFullTextRequest),
      handle: ({ articleId }) => service.fullText(articleId),
    },
    'feeds/full-text-setting': {
      validate: gate(checkFullTextSettingRequest),
      handle: ({ id, fullText }) => service.setFullText(id, fullText),
    },
  };
}
