/**
 * "Fetch full text" controls against a stand-in background (strings are message keys): Options →
 * Feeds has a per-feed checkbox bound to the subscription's `fullText` that sends the change; the
 * reader's button asks for the article's full text, says it is fetching, then done (and asks for
 * the article again), or names the error; it is offered only on a feed article with a web page.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FeedsSection } from '../../../components/options/FeedsSection';
import { canFetchFullText, FullTextButton } from '../../../components/reader/FullTextButton';
import { initialFetchState, ok, type Subscription } from '../../../lib/model';
import { makeArticle } from '../../support/library';

const SUB: Subscription = {
  id: 's_0123456789abcdef01234567',
  url: 'https://example.cn/feed.xml',
  title: '长江日报',
  siteUrl: null,
  intervalMinutes: 60,
  fullText: false,
  fetch: initialFetchState(Date.now()),
};

let sent: Array<{ type: string; payload: unknown }>;
let answers: Record<string, unknown>;

beforeEach(() => {
  sent = [];
  answers = { 'feeds/list': [SUB] };
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key} ${[subs].flat().join(' ')}`) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: {
    type: string;
    payload: unknown;
  }) => {
    sent.push({ type: message.type, payload: message.payload });
    return ok(await answers[message.type]);
  }) as typeof fakeBrowser.runtime.sendMessage);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Options → Feeds: Fetch full text of new entries', () => {
  it('shows the feed’s setting and sends a change', async () => {
    answers['feeds/full-text-setting'] = [{ ...SUB, fullText: true }];
    render(<FeedsSection />);
    const box = (await screen.findByRole('checkbox', { name: 'feedFullText' })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() =>
      expect(sent).toContainEqual({ type: 'feeds/full-text-setting', payload: { id: SUB.id, fullText: true } }),
    );
    await waitFor(() => expect(box.checked).toBe(true));
  });
});

describe('the reader’s Fetch full text', () => {
  const article = makeArticle({ id: 'a_feed', origin: 'feed', url: 'https://example.cn/news/1.html' });

  it('is offered only on a feed article with a web page', () => {
    expect(canFetchFullText(article)).toBe(true);
    expect(canFetchFullText({ ...article, origin: 'web' })).toBe(false);
    expect(canFetchFullText({ ...article, url: null })).toBe(false);
  });

  it('fetches, says so, and has the article loaded again', async () => {
    let release: (v: unknown) => void = () => undefined;
    answers['feeds/full-text'] = new Promise((resolve) => (release = resolve));
    const onUpdated = vi.fn();
    render(<FullTextButton article={article} onUpdated={onUpdated} />);
    fireEvent.click(screen.getByRole('button', { name: 'fullTextFetch' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('fullTextFetching'));
    expect(sent).toEqual([{ type: 'feeds/full-text', payload: { articleId: 'a_feed' } }]);
    release({ ok: true, charCount: 400 });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('fullTextDone'));
    expect(onUpdated).toHaveBeenCalledTimes(1);
  });

  it('names the error and leaves the article as it is', async () => {
    answers['feeds/full-text'] = { ok: false, error: { code: 'http-status', detail: '404' } };
    const onUpdated = vi.fn();
    render(<FullTextButton article={article} onUpdated={onUpdated} />);
    fireEvent.click(screen.getByRole('button', { name: 'fullTextFetch' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('fullTextFailed fullTextErrorHttpStatus 404'),
    );
    expect(onUpdated).not.toHaveBeenCalled();
  });
});
