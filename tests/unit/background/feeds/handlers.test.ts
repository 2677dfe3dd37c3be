/**
 * The feed calls as the background answers them: only our extension pages may make them (a
 * content script — which a web page can drive — is refused before any payload is read), every
 * payload passes the one validator, and a well-formed call reaches the library.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startFeeds } from '../../../../lib/background/feeds/handlers';
import { sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { type isExtensionPage, listen } from '../../../../lib/shared/messaging';
import { type Library, openLibrary } from '../../../../lib/storage';
import { uniqueDbName } from '../../../support/library';

type Sender = Parameters<typeof isExtensionPage>[0];
type Listener = (m: unknown, s: Sender, r: (a: unknown) => void) => unknown;

const PAGE: Sender = { id: browser.runtime.id, url: browser.runtime.getURL('/options.html') };
const CONTENT: Sender = { id: browser.runtime.id, url: 'https://example.com/a', tab: { id: 4 } as Sender['tab'] };

let listeners: Listener[];
let library: Library;
beforeEach(async () => {
  fakeBrowser.reset();
  listeners = [];
  vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation(((l: Listener) => {
    listeners.push(l);
  }) as never);
  library = await openLibrary({ name: uniqueDbName() });
});
afterEach(() => {
  vi.restoreAllMocks();
  library.close();
});

/** Sends `type` with `payload` as `sender`; answers the listener's reply. */
function send(type: string, payload: unknown, sender: Sender): Promise<unknown> {
  return new Promise((resolve) => {
    for (const l of listeners) l({ glossa: 1, to: 'background', type, payload }, sender, resolve);
  });
}

describe('feed calls', () => {
  it('refuse content scripts and malformed payloads; answer our pages', async () => {
    const prepare = async (html: string) => sanitizeArticleHtml(html, window);
    listen('background', startFeeds(Promise.resolve(library), prepare) as never);
    const refused = { ok: false, error: { code: 'invalid-request', message: 'Sender is not allowed.' } };
    expect(await send('feeds/list', null, CONTENT)).toEqual(refused);
    expect(await send('feeds/subscribe', { url: 'https://example.com/feed.xml' }, CONTENT)).toEqual(refused);
    expect(await send('feeds/unsubscribe', { id: 's_x', keepArticles: false }, CONTENT)).toEqual(refused);

    const malformed = { ok: false, error: { code: 'invalid-request' } };
    expect(await send('feeds/subscribe', { url: 'javascript:alert(1)' }, PAGE)).toMatchObject(malformed);
    expect(await send('feeds/refresh', { id: 'a_not-a-feed' }, PAGE)).toMatchObject(malformed);
    expect(await send('feeds/unsubscribe', { id: 's_abc', keepArticles: 'yes' }, PAGE)).toMatchObject(malformed);
    expect(await send('feeds/list', { all: true }, PAGE)).toMatchObject(malformed);

    expect(await send('feeds/list', null, PAGE)).toEqual({ ok: true, value: [] });
    expect(await send('feeds/unsubscribe', { id: 's_abc', keepArticles: true }, PAGE)).toEqual({
      ok: true,
      value: { existed: false, removed: 0, kept: 0 },
    });
  });

  it('"Fetch full text" and its per-feed setting: only our pages, only well-formed payloads', async () => {
    const prepare = async (html: string) => sanitizeArticleHtml(html, window);
    const extract = async () => null;
    listen('background', startFeeds(Promise.resolve(library), prepare, extract) as never);
    const refused = { ok: false, error: { code: 'invalid-request', message: 'Sender is not allowed.' } };
    expect(await send('feeds/full-text', { articleId: 'a_x' }, CONTENT)).toEqual(refused);
    expect(await send('feeds/full-text-setting', { id: 's_x', fullText: true }, CONTENT)).toEqual(refused);

    const malformed = { ok: false, error: { code: 'invalid-request' } };
    expect(await send('feeds/full-text', null, PAGE)).toMatchObject(malformed);
    expect(await send('feeds/full-text', { articleId: 'https://example.com/' }, PAGE)).toMatchObject(malformed);
    expect(await send('feeds/full-text', { articleId: 42 }, PAGE)).toMatchObject(malformed);
    expect(await send('feeds/full-text-setting', { id: 'a_not-a-feed', fullText: true }, PAGE)).toMatchObject(
      malformed,
    );
    expect(await send('feeds/full-text-setting', { id: 's_abc', fullText: 'yes' }, PAGE)).toMatchObject(malformed);

    // Well formed: an article that is not there is an answer (named), not a failure of the call.
    expect(await send('feeds/full-text', { articleId: 'a_missing' }, PAGE)).toEqual({
      ok: true,
      value: { ok: false, error: { code: 'not-available', detail: '' } },
    });
  });
});
