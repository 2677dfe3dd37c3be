/**
 * "Feeds on this page" (components/shared/PageFeeds.tsx, in the popup and the side panel) against
 * a stand-in background: nothing at all for a tab that offers nothing; each offered feed a button
 * named "Subscribe to <title>" (its address when untitled) or "Subscribed" for one the library
 * follows; the outcome in words with plural rules — new, already subscribed, the feed's named
 * error, a background that could not be reached. Strings are message keys with their values.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageFeeds } from '../../../components/shared/PageFeeds';
import { err, initialFetchState, type PageFeeds as Offer, ok, type Subscription } from '../../../lib/model';

const SUBSCRIBED: Subscription = {
  id: 's_0123456789abcdef01234567',
  url: 'https://news.example.cn/feeds/zh.xml',
  title: '半岛新闻 · 中文',
  siteUrl: null,
  intervalMinutes: 60,
  fullText: false,
  fetch: initialFetchState(0),
};

let sent: Array<{ type: string; payload: unknown }>;
let answers: Record<string, unknown>;

beforeEach(() => {
  sent = [];
  answers = { 'feeds/list': [SUBSCRIBED], 'tab/feeds': ok<Offer>({ feeds: [], self: null }) };
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key} ${[subs].flat().join(' ')}`) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: {
    type: string;
    payload: unknown;
  }) => {
    sent.push({ type: message.type, payload: message.payload });
    const answer = answers[message.type];
    return message.type === 'feeds/list' ? ok(answer) : answer;
  }) as typeof fakeBrowser.runtime.sendMessage);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const offer = (value: Offer) => {
  answers['tab/feeds'] = ok(value);
};
const TAB_URL = 'https://news.example.cn/blog/post.html';

describe('Feeds on this page', () => {
  it('shows nothing for a tab that offers nothing, and asks nothing before the tab is known', async () => {
    const { container, rerender } = render(<PageFeeds tabId={null} tabUrl={undefined} />);
    await waitFor(() => expect(sent.map((m) => m.type)).toEqual(['feeds/list']));
    rerender(<PageFeeds tabId={3} tabUrl={TAB_URL} />);
    await waitFor(() => expect(sent.map((m) => m.type)).toContain('tab/feeds'));
    expect(sent.find((m) => m.type === 'tab/feeds')?.payload).toEqual({ tabId: 3 });
    expect(container.innerHTML).toBe('');
  });

  it('offers each feed by title (else address), marks subscribed ones, and subscribes with the count in words', async () => {
    offer({
      feeds: [
        { url: 'https://news.example.cn/feeds/zh.xml#latest', title: '半岛新闻 RSS' },
        { url: 'https://news.example.cn/gbk.xml', title: '' },
      ],
      self: null,
    });
    render(<PageFeeds tabId={3} tabUrl={TAB_URL} />);
    const list = await screen.findByRole('list', { name: 'pageFeedsHeading' });
    await waitFor(() => expect(within(list).getByText('pageFeedsSubscribed')).toBeTruthy());
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).queryByRole('button', { name: 'pageFeedsSubscribeTo 半岛新闻 RSS' })).toBeNull();

    answers['feeds/subscribe'] = ok({
      ok: true,
      subscription: { ...SUBSCRIBED, url: 'https://news.example.cn/gbk.xml', title: '新浪新闻·国内' },
      created: 1,
      existed: false,
    });
    answers['feeds/list'] = [SUBSCRIBED, { ...SUBSCRIBED, url: 'https://news.example.cn/gbk.xml' }];
    fireEvent.click(within(list).getByRole('button', { name: 'pageFeedsSubscribeTo https://news.example.cn/gbk.xml' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('pageFeedsDone_one 1 新浪新闻·国内'));
    expect(sent.find((m) => m.type === 'feeds/subscribe')?.payload).toEqual({ url: 'https://news.example.cn/gbk.xml' });
    expect(within(list).getAllByText('pageFeedsSubscribed')).toHaveLength(2);
  });

  it('says when the feed was followed already, and names the error of one that is not a feed', async () => {
    offer({ feeds: [{ url: 'https://a.example/feed', title: 'A' }], self: 'https://a.example/page.xml' });
    answers['feeds/list'] = [];
    render(<PageFeeds tabId={3} tabUrl={TAB_URL} />);
    const button = await screen.findByRole('button', { name: 'pageFeedsSubscribeTo A' });
    expect(screen.getByRole('button', { name: 'pageFeedsSubscribeSelf' })).toBeTruthy();

    answers['feeds/subscribe'] = ok({
      ok: true,
      subscription: { ...SUBSCRIBED, url: 'https://a.example/feed', title: '' },
      created: 2,
      existed: true,
    });
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('pageFeedsAlready_other 2 A'));

    answers['feeds/subscribe'] = ok({ ok: false, error: { code: 'not-a-feed', detail: 'urlset' } });
    fireEvent.click(screen.getByRole('button', { name: 'pageFeedsSubscribeSelf' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('feedsSubscribeFailed feedErrorNotAFeed'));
    expect(screen.getByRole('status').classList.contains('problem')).toBe(true);

    answers['feeds/subscribe'] = err({ code: 'no-receiver', message: 'Could not reach background' });
    fireEvent.click(screen.getByRole('button', { name: 'pageFeedsSubscribeSelf' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('feedsSubscribeFailed Could not reach background'),
    );
  });
});
