/**
 * The `tab/feeds` call as the background answers it: only our extension pages may ask (a content
 * script — which a web page can drive — must not learn what another tab declares); the tab's
 * content script is asked only then, its answer passes the one validator; and a tab showing a
 * feed itself is offered by its own address, never an HTML page or a non-http(s) tab.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  looksLikeFeedUrl,
  pageFeedsHandler,
  selfFeedCandidate,
  type TabAccess,
} from '../../../../lib/background/tabs/page-feeds';
import { type isExtensionPage, listen } from '../../../../lib/shared/messaging';

type Sender = Parameters<typeof isExtensionPage>[0];
type Listener = (m: unknown, s: Sender, r: (a: unknown) => void) => unknown;

const POPUP: Sender = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') };
const PANEL: Sender = { id: browser.runtime.id, url: browser.runtime.getURL('/sidepanel.html?tab=3') };
const CONTENT: Sender = { id: browser.runtime.id, url: 'https://evil.example/', tab: { id: 4 } as Sender['tab'] };
const OTHER: Sender = { id: 'another-extension', url: 'chrome-extension://another-extension/popup.html' };

let listeners: Listener[];
beforeEach(() => {
  fakeBrowser.reset();
  listeners = [];
  vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation(((l: Listener) => {
    listeners.push(l);
  }) as never);
});
afterEach(() => vi.restoreAllMocks());

function send(payload: unknown, sender: Sender): Promise<unknown> {
  return new Promise((resolve) => {
    for (const l of listeners) l({ glossa: 1, to: 'background', type: 'tab/feeds', payload }, sender, resolve);
  });
}

/** Tabs by id: an address and what its content script answers (a function: called when asked). */
function tabs(table: Record<number, { url?: string; answer?: () => unknown }>) {
  const asked: number[] = [];
  const access: TabAccess = {
    tabUrl: async (id) => table[id]?.url,
    askPage: async (id) => {
      asked.push(id);
      const answer = table[id]?.answer;
      return answer ? answer() : null;
    },
  };
  return { access, asked };
}

const PAGE_URL = 'https://news.example.cn/blog/post.html';
const report = (patch: object = {}) => ({
  feeds: [{ url: 'https://news.example.cn/feed.xml', title: '新闻', type: 'application/rss+xml' }],
  contentType: 'text/html',
  looksLikeFeed: false,
  ...patch,
});

describe('tab/feeds', () => {
  it('refuses content scripts and other extensions before asking any tab', async () => {
    const { access, asked } = tabs({ 3: { url: PAGE_URL, answer: () => report() } });
    listen('background', { 'tab/feeds': pageFeedsHandler(access) } as never);
    const refused = { ok: false, error: { code: 'invalid-request', message: 'Sender is not allowed.' } };
    expect(await send({ tabId: 3 }, CONTENT)).toEqual(refused);
    expect(await send({ tabId: 3 }, OTHER)).toEqual(refused);
    expect(asked).toEqual([]);
  });

  it('refuses malformed payloads', async () => {
    const { access, asked } = tabs({ 3: { url: PAGE_URL, answer: () => report() } });
    listen('background', { 'tab/feeds': pageFeedsHandler(access) } as never);
    for (const payload of [null, {}, { tabId: '3' }, { tabId: 1.5 }, { tabId: -1 }]) {
      expect(await send(payload, POPUP)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(asked).toEqual([]);
  });

  it('answers our pages with the checked feeds of the tab', async () => {
    const hostile = () =>
      report({
        feeds: [
          { url: 'javascript:alert(1)', title: 'x' },
          { url: 'https://news.example.cn/feed.xml', title: `新闻\u202e${'长'.repeat(5000)}` },
          ...Array.from({ length: 50 }, (_, i) => ({ url: `https://news.example.cn/f${i}`, title: i })),
        ],
      });
    const { access, asked } = tabs({ 3: { url: PAGE_URL, answer: hostile } });
    listen('background', { 'tab/feeds': pageFeedsHandler(access) } as never);
    const answer = (await send({ tabId: 3 }, PANEL)) as {
      ok: true;
      value: { feeds: { url: string; title: string }[] };
    };
    expect(answer.ok).toBe(true);
    expect(answer.value.feeds).toHaveLength(10);
    expect(answer.value.feeds[0]?.url).toBe('https://news.example.cn/feed.xml');
    expect(answer.value.feeds[0]?.title.startsWith('新闻长')).toBe(true);
    expect(answer.value.feeds[0]?.title.length).toBeLessThanOrEqual(200);
    expect(answer.value.feeds[1]?.title).toBe('');
    expect(asked).toEqual([3]);
  });

  it('offers nothing when the tab moved on to another page while it was read', async () => {
    // A router's page is asked; by the time it answers, the tab shows a page from the internet,
    // whose feeds on the reader's network must not pass as the router page's.
    const table: Record<number, { url?: string; answer?: () => unknown }> = {};
    table[5] = {
      url: 'http://192.168.1.1/status',
      answer: () => {
        table[5] = { url: PAGE_URL };
        return report({ feeds: [{ url: 'http://192.168.1.1/admin/log.xml', title: 'x' }] });
      },
    };
    const { access, asked } = tabs(table);
    listen('background', { 'tab/feeds': pageFeedsHandler(access) } as never);
    expect(await send({ tabId: 5 }, POPUP)).toEqual({ ok: true, value: { feeds: [], self: null } });
    expect(asked).toEqual([5]);
  });

  it('lets only a page on the reader’s own network offer a feed there', async () => {
    const declared = () =>
      report({
        feeds: [
          { url: 'http://192.168.1.1/admin/log.xml', title: 'The Economist' },
          { url: 'http://[::ffff:7f00:1]:5984/_all_docs', title: 'BBC News' },
          { url: 'http://router/feed', title: 'NYT' },
          { url: 'https://news.example.cn/feed.xml', title: '新闻' },
        ],
      });
    const { access } = tabs({
      3: { url: PAGE_URL, answer: declared },
      4: { url: 'http://nas.local/blog/', answer: declared },
    });
    listen('background', { 'tab/feeds': pageFeedsHandler(access) } as never);
    const urls = async (tabId: number) =>
      ((await send({ tabId }, POPUP)) as { value: { feeds: { url: string }[] } }).value.feeds.map((f) => f.url);
    expect(await urls(3)).toEqual(['https://news.example.cn/feed.xml']);
    expect(await urls(4)).toEqual([
      'http://192.168.1.1/admin/log.xml',
      'http://[::ffff:7f00:1]:5984/_all_docs',
      'http://router/feed',
      'https://news.example.cn/feed.xml',
    ]);
  });

  it('offers nothing for a tab that is not an http(s) page, without asking it', async () => {
    const { access, asked } = tabs({
      5: { url: 'chrome://settings/', answer: () => report() },
      6: { url: 'file:///home/feed.xml', answer: () => report() },
      7: { answer: () => report() },
    });
    listen('background', { 'tab/feeds': pageFeedsHandler(access) } as never);
    for (const tabId of [5, 6, 7, 99]) {
      expect(await send({ tabId }, POPUP)).toEqual({ ok: true, value: { feeds: [], self: null } });
    }
    expect(asked).toEqual([]);
  });

  it('answers even when the content script does not, or answers junk', async () => {
    const { access } = tabs({
      3: { url: 'https://a.example/index.xml' },
      4: { url: 'https://a.example/page', answer: () => 'junk' },
      5: {
        url: 'https://a.example/page',
        answer: () => {
          throw new Error('no receiver');
        },
      },
    });
    listen('background', { 'tab/feeds': pageFeedsHandler(access) } as never);
    expect(await send({ tabId: 3 }, POPUP)).toEqual({
      ok: true,
      value: { feeds: [], self: 'https://a.example/index.xml' },
    });
    expect(await send({ tabId: 4 }, POPUP)).toEqual({ ok: true, value: { feeds: [], self: null } });
    expect(await send({ tabId: 5 }, POPUP)).toEqual({ ok: true, value: { feeds: [], self: null } });
  });
});

describe('selfFeedCandidate', () => {
  const at = 'https://a.example/news';
  it('offers a tab shown as a feed or XML document', () => {
    for (const type of ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml']) {
      expect(selfFeedCandidate(at, type)).toBe(at);
    }
  });

  it('offers text that begins like a feed (Chromium shows RSS as text), or text at a feed-like address', () => {
    expect(selfFeedCandidate(at, 'text/plain', true)).toBe(at);
    expect(selfFeedCandidate(at, 'text/plain', false)).toBeNull();
    expect(selfFeedCandidate('https://a.example/feed.json', 'application/json')).toBe('https://a.example/feed.json');
    expect(selfFeedCandidate('https://a.example/index.xml', null)).toBe('https://a.example/index.xml');
  });

  it('never offers an HTML page, even at a feed-like address, nor a non-http(s) one', () => {
    expect(selfFeedCandidate('https://a.example/feed', 'text/html')).toBeNull();
    expect(selfFeedCandidate('https://a.example/feed.xml', 'text/html', true)).toBeNull();
    expect(selfFeedCandidate('file:///feed.xml', 'text/xml')).toBeNull();
    expect(selfFeedCandidate('javascript:alert(1)//feed.xml', null)).toBeNull();
  });
});

describe('looksLikeFeedUrl', () => {
  it.each([
    ['https://a.example/feed', true],
    ['https://a.example/blog/feed/', true],
    ['https://a.example/rss', true],
    ['https://a.example/atom.xml', true],
    ['https://a.example/index.RSS', true],
    ['https://a.example/feed.json', true],
    ['https://a.example/?feed=rss2', true],
    ['https://a.example/feedback', false],
    ['https://a.example/news.html', false],
    ['https://a.example/', false],
    ['not a url', false],
  ])('%s: %s', (url, expected) => {
    expect(looksLikeFeedUrl(url)).toBe(expected);
  });
});
