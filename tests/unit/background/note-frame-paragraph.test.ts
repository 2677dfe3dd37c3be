/**
 * A paragraph note from a live page's margin control (issue 15 item 2), in the background: the
 * page only asks for the note frame on a draft. The request is bound to the sender's own page —
 * its saved article, or the page saved now under the gesture gate — its selectors go through the
 * one validator, the token is redeemed only by a frame in that tab, and nothing is stored: the
 * frame stores the note when the reader writes one (tests/unit/note-frame). A page still cannot
 * store a paragraph note itself (page-access.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NOT_THIS_PAGE, type StorePage } from '../../../lib/background/page-access';
import { pageHandlers } from '../../../lib/background/page-handlers';
import { createPageWatch } from '../../../lib/background/tabs/page-watch';
import type { Selector } from '../../../lib/model';
import type { WebPageSave } from '../../../lib/shared/article/web-page';
import { webArticleId } from '../../../lib/shared/article/web-page';
import { INVALID } from '../../../lib/shared/messaging';
import { type Library, openLibrary } from '../../../lib/storage';
import { makeArticle } from '../../support/library';

const PAGE_URL = 'https://news.example.com/2021/12/story.html';
const SELECTORS: Selector[] = [
  { type: 'ParagraphSelector', index: 4, textHash: '1a2b3c4d' },
  { type: 'TextQuoteSelector', exact: '分析人士认为，停火线附近的局势仍然紧张。', prefix: '', suffix: 'Officials' },
  { type: 'TextPositionSelector', start: 120, end: 140 },
];

let library: Library;
let store: StorePage & ReturnType<typeof vi.fn>;
let handlers: ReturnType<typeof pageHandlers>;
let seen: ReturnType<typeof vi.fn<(tabId: number, articleId: string | null) => void>>;

/** A content script of tab `tabId` showing `url`. */
const page = (url = PAGE_URL, tabId = 7): Browser.runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url,
  tab: { id: tabId } as Browser.tabs.Tab,
});
/** Our note frame inside tab `tabId`. */
const frame = (tabId = 7): Browser.runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/note-frame.html'),
  tab: { id: tabId, url: PAGE_URL } as Browser.tabs.Tab,
});

function pageAt(url: string): WebPageSave {
  return {
    url,
    canonicalUrl: null,
    title: '报道',
    byline: null,
    siteName: null,
    published: null,
    leadImage: null,
    lang: 'zh',
    dir: 'ltr',
    html: '<p>分析人士认为，停火线附近的局势仍然紧张。</p>',
  };
}

/** Asks as `sender` the way the message listener does: accept, validate, handle. */
async function openParagraph(payload: unknown, sender: Browser.runtime.MessageSender) {
  const handler = handlers['note-frame/open-paragraph'];
  if (!handler.accept?.(sender)) throw new Error('refused sender');
  const request = handler.validate(payload);
  if (request === INVALID) throw new Error('invalid');
  return handler.handle(request, sender);
}

async function redeem(token: string, sender = frame()) {
  const handler = handlers['note-frame/highlight'];
  if (!handler.accept?.(sender)) throw new Error('refused sender');
  const request = handler.validate({ token });
  if (request === INVALID) throw new Error('invalid');
  return handler.handle(request, sender);
}

beforeEach(async () => {
  library = await openLibrary({ name: `note-frame-paragraph-${Math.random()}` });
  store = vi.fn(async (p: WebPageSave) => {
    const id = await webArticleId(p);
    return { id, outcome: await library.upsertArticle(makeArticle({ id, url: p.url })) };
  });
  const watch = createPageWatch(async () => true);
  seen = vi.fn<(tabId: number, articleId: string | null) => void>();
  watch.seen = seen;
  handlers = pageHandlers(Promise.resolve(library), store, watch);
});
afterEach(() => library.close());

describe("'note-frame/open-paragraph'", () => {
  it('opens the frame on a draft of the sender’s saved article: the frame learns the draft, nothing is stored', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', url: PAGE_URL }));
    const { token } = await openParagraph({ selectors: SELECTORS, color: 'green', page: null, gesture: 1 }, page());
    const target = await redeem(token);
    expect(target).toMatchObject({ articleId: 'a1', editing: true, draft: { selectors: SELECTORS, color: 'green' } });
    expect(target.highlightId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await library.listHighlights('a1')).toEqual([]);
    expect(store).not.toHaveBeenCalled();
    // The tab hears when the frame stores the note.
    expect(seen).toHaveBeenCalledWith(7, 'a1');
    // The token is the frame's once, and only in the tab that asked.
    await expect(redeem(token)).rejects.toThrow(NOT_THIS_PAGE);
    const again = await openParagraph({ selectors: SELECTORS, color: 'green', page: null, gesture: 1 }, page());
    await expect(redeem(again.token, frame(8))).rejects.toThrow(NOT_THIS_PAGE);
  });

  it('is bound to the sender’s page: another page, or one not saved and not sent, gets nothing', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', url: PAGE_URL }));
    const request = { selectors: SELECTORS, color: 'yellow', page: null, gesture: 1 };
    await expect(openParagraph(request, page('https://evil.example.org/story.html'))).rejects.toThrow(NOT_THIS_PAGE);
    // A page cannot hand in another address to be saved under.
    await expect(
      openParagraph({ ...request, page: pageAt(PAGE_URL) }, page('https://evil.example.org/story.html')),
    ).rejects.toThrow(NOT_THIS_PAGE);
    expect(store).not.toHaveBeenCalled();
    // Only a web page's content script asks: our own pages are not taken for one.
    expect(handlers['note-frame/open-paragraph'].accept?.(frame())).toBe(false);
  });

  it('saves an unsaved page first, once per gesture of the reader', async () => {
    const request = { selectors: SELECTORS, color: 'yellow', page: pageAt(PAGE_URL), gesture: 3 };
    const { token } = await openParagraph(request, page());
    const target = await redeem(token);
    expect(store).toHaveBeenCalledOnce();
    expect(target.articleId).toBe(await webArticleId(pageAt(PAGE_URL)));
    // The same gesture cannot create a second article from another address of the tab.
    const other = 'https://news.example.com/2021/12/other.html';
    await expect(openParagraph({ ...request, page: pageAt(other) }, page(other))).rejects.toThrow(NOT_THIS_PAGE);
  });

  it.each([
    ['no paragraph key', { selectors: SELECTORS.slice(1) }],
    ['no selectors', { selectors: [] }],
    ['a malformed selector', { selectors: [...SELECTORS, { type: 'XPathSelector', value: '/html' }] }],
    ['an inverted position', { selectors: [SELECTORS[0], { type: 'TextPositionSelector', start: 9, end: 2 }] }],
    ['an oversized quote', { selectors: [SELECTORS[0], { ...SELECTORS[1], exact: '字'.repeat(100_000) }] }],
    ['an unknown colour', { color: 'red' }],
    ['a gesture that is not a count', { gesture: 'now' }],
    ['a page that is not a page', { page: { url: 'javascript:alert(1)' } }],
  ])('refuses %s through the one validator', (_, patch) => {
    const request = { selectors: SELECTORS, color: 'yellow', page: null, gesture: 1, ...patch };
    expect(handlers['note-frame/open-paragraph'].validate(request)).toBe(INVALID);
  });
});
