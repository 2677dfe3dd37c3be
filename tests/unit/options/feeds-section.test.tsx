/**
 * Options → Feeds against a stand-in background: the list shows each subscription's status in
 * words (last checked, new items counted by plural rules, the last error, new entries whose
 * full text could not be fetched), Subscribe sends the
 * address and reports the new articles or the feed's named error, "Refresh now" asks for that
 * feed, and Unsubscribe asks first whether the feed's articles stay. Strings are message keys.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FeedsSection } from '../../../components/options/FeedsSection';
import { initialFetchState, ok, type Subscription } from '../../../lib/model';

const NOW = Date.now();
const SUB: Subscription = {
  id: 's_0123456789abcdef01234567',
  url: 'https://example.cn/feed.xml',
  title: '半岛新闻 · 中文',
  siteUrl: null,
  intervalMinutes: 60,
  fullText: false,
  fetch: { ...initialFetchState(NOW), lastChecked: NOW - 5 * 60_000, newItems: 3 },
};
const BROKEN: Subscription = {
  ...SUB,
  id: 's_fedcba9876543210fedcba98',
  url: 'https://example.cn/broken.xml',
  title: 'Broken',
  fetch: { ...SUB.fetch, lastError: { code: 'broken-xml', detail: 'x' }, newItems: 0 },
};

let sent: Array<{ type: string; payload: unknown }>;
let answers: Record<string, unknown>;

beforeEach(() => {
  sent = [];
  answers = { 'feeds/list': [SUB, BROKEN] };
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key} ${[subs].flat().join(' ')}`) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: {
    type: string;
    payload: unknown;
  }) => {
    sent.push({ type: message.type, payload: message.payload });
    return ok(answers[message.type]);
  }) as typeof fakeBrowser.runtime.sendMessage);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Options → Feeds', () => {
  it('lists each subscription with its status in words', async () => {
    render(<FeedsSection />);
    const list = await screen.findByRole('list', { name: 'feedsListLabel' });
    const items = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('feed'));
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('半岛新闻 · 中文');
    expect(items[0]?.textContent).toContain('feedsLastChecked 5 minutes ago');
    expect(items[0]?.textContent).toContain('feedsNewItems_other 3');
    expect(items[1]?.textContent).toContain('feedsLastError feedErrorBrokenXml');
    // A feed whose entries' full texts all came says nothing about them.
    expect(items[0]?.textContent).not.toContain('feedsFullTextFailed');
  });

  it('says how many new entries of a full-text feed kept their summary, by plural rules, as a problem', async () => {
    const partial = { ...SUB, fullText: true, fetch: { ...SUB.fetch, fullTextFailed: 1 } };
    answers['feeds/list'] = [partial];
    render(<FeedsSection />);
    const line = await screen.findByText('feedsFullTextFailed_one 1');
    expect(line.tagName).toBe('LI');
    expect(line.classList.contains('problem')).toBe(true);
  });

  it('subscribes by address and says how many articles came, or why not', async () => {
    answers['feeds/subscribe'] = { ok: true, subscription: SUB, created: 1, existed: false };
    render(<FeedsSection />);
    const field = await screen.findByRole('textbox', { name: 'feedsUrlLabel' });
    fireEvent.input(field, { target: { value: 'https://example.cn/feed.xml' } });
    fireEvent.click(screen.getByRole('button', { name: 'feedsSubscribe' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('feedsSubscribed_one 1 半岛新闻 · 中文'));
    expect(sent).toContainEqual({ type: 'feeds/subscribe', payload: { url: 'https://example.cn/feed.xml' } });

    answers['feeds/subscribe'] = { ok: false, error: { code: 'not-a-feed', detail: 'html' } };
    fireEvent.input(field, { target: { value: 'https://example.cn/' } });
    fireEvent.click(screen.getByRole('button', { name: 'feedsSubscribe' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('feedsSubscribeFailed feedErrorNotAFeed'));
  });

  it('refreshes one feed now, and unsubscribes only after asking about its articles', async () => {
    answers['feeds/refresh'] = [SUB, BROKEN];
    answers['feeds/unsubscribe'] = { existed: true, removed: 2, kept: 1 };
    render(<FeedsSection />);
    await screen.findByRole('list', { name: 'feedsListLabel' });
    fireEvent.click(screen.getAllByRole('button', { name: 'feedsRefresh' })[0] as HTMLElement);
    await waitFor(() => expect(sent).toContainEqual({ type: 'feeds/refresh', payload: { id: SUB.id } }));

    await waitFor(() => expect(screen.getAllByRole('button', { name: 'feedsUnsubscribe' })).toHaveLength(2));
    fireEvent.click(screen.getAllByRole('button', { name: 'feedsUnsubscribe' })[0] as HTMLElement);
    expect(sent.some((m) => m.type === 'feeds/unsubscribe')).toBe(false);
    expect(screen.getByText(`feedsUnsubscribeAsk ${SUB.title}`)).toBeTruthy();
    answers['feeds/list'] = [BROKEN];
    fireEvent.click(screen.getByRole('button', { name: 'feedsRemoveArticles' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('feedsUnsubscribedRemoved_other 2'));
    expect(sent).toContainEqual({ type: 'feeds/unsubscribe', payload: { id: SUB.id, keepArticles: false } });
    expect(screen.getAllByRole('listitem').filter((li) => li.classList.contains('feed'))).toHaveLength(1);
  });
});

describe('Options → Feeds, interval', () => {
  it("offers each feed's interval in words and sends a change", async () => {
    answers['feeds/interval'] = [{ ...SUB, intervalMinutes: 180 }, BROKEN];
    render(<FeedsSection />);
    await screen.findByRole('list', { name: 'feedsListLabel' });
    const [select] = screen.getAllByRole('combobox', { name: 'feedsInterval' }) as HTMLSelectElement[];
    if (!select) throw new Error('no interval control');
    expect(select.value).toBe('60');
    expect([...select.options].map((o) => o.textContent)).toContain('feedsEveryHours_one 1');
    expect([...select.options].map((o) => o.textContent)).toContain('feedsEveryMinutes_other 15');
    fireEvent.change(select, { target: { value: '180' } });
    await waitFor(() =>
      expect(sent).toContainEqual({ type: 'feeds/interval', payload: { id: SUB.id, intervalMinutes: 180 } }),
    );
    await waitFor(() => expect(select.value).toBe('180'));
  });
});

describe('Options → Feeds, OPML', () => {
  it('exports the subscriptions as OPML and subscribes to each feed of an imported file', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test/opml';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(<FeedsSection />);
    await screen.findByRole('list', { name: 'feedsListLabel' });
    fireEvent.click(screen.getByRole('button', { name: 'feedsOpmlExport' }));
    expect(names).toEqual(['glossa-feeds.opml']);
    const opml = await (blobs[0] as Blob).text();
    expect(opml).toContain(`xmlUrl="${SUB.url}"`);
    expect(opml).toContain('title="半岛新闻 · 中文"');

    // The exported file, imported: each feed is subscribed through the background.
    answers['feeds/subscribe'] = { ok: true, subscription: SUB, created: 0, existed: true };
    const input = screen.getByLabelText('feedsOpmlImport') as HTMLInputElement;
    const file = new File([opml], 'feeds.opml', { type: 'text/x-opml' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('feedsOpmlResult_other 2 0'));
    expect(sent.filter((m) => m.type === 'feeds/subscribe').map((m) => m.payload)).toEqual([
      { url: SUB.url },
      { url: BROKEN.url },
    ]);
  });

  it('refuses a file that is not OPML by name', async () => {
    render(<FeedsSection />);
    await screen.findByRole('list', { name: 'feedsListLabel' });
    const input = screen.getByLabelText('feedsOpmlImport') as HTMLInputElement;
    const file = new File(['<rss version="2.0"><channel/></rss>'], 'x.opml');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('feedsOpmlBad feedErrorNotAFeed'));
    expect(sent.some((m) => m.type === 'feeds/subscribe')).toBe(false);
  });
});
