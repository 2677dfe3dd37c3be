/**
 * Issue 14: the message protocol's sender rules, tested directly (they were only tested end to
 * end). Our extension pages pass the default rule; a content script (our id, a tab, an http(s)
 * page) passes only where a call opts in; another extension, a page with no tab and anything that
 * only looks like ours are refused before a handler sees the payload — with the same answer.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { INVALID, isExtensionPage, isWebContentScript, listen } from '../../../../lib/shared/messaging';

type Sender = Parameters<typeof isExtensionPage>[0];

const ours = browser.runtime.getURL('/popup.html');
const SENDERS: Record<string, Sender> = {
  'our extension page (popup)': { id: browser.runtime.id, url: ours },
  'our extension page in a tab (reader)': {
    id: browser.runtime.id,
    url: browser.runtime.getURL('/reader.html?id=x'),
    tab: { id: 3 } as Sender['tab'],
  },
  'our content script on an https page': {
    id: browser.runtime.id,
    url: 'https://example.com/a',
    tab: { id: 4 } as Sender['tab'],
  },
  'our content script on an http page': {
    id: browser.runtime.id,
    url: 'http://example.com/a',
    tab: { id: 4 } as Sender['tab'],
  },
  'a content script with no tab': { id: browser.runtime.id, url: 'https://example.com/a' },
  'a content script on a file: page': {
    id: browser.runtime.id,
    url: 'file:///etc/passwd',
    tab: { id: 5 } as Sender['tab'],
  },
  'another extension': { id: 'evil-extension', url: 'chrome-extension://evil-extension/popup.html' },
  'another extension naming our URL': { id: 'evil-extension', url: ours },
  'a URL that only starts like ours': {
    id: browser.runtime.id,
    url: `${ours.replace(/\/popup\.html$/, '')}.evil.example/`,
  },
};

describe('sender rules', () => {
  it.each([
    ['our extension page (popup)', true, false],
    ['our extension page in a tab (reader)', true, false],
    ['our content script on an https page', false, true],
    ['our content script on an http page', false, true],
    ['a content script with no tab', false, false],
    ['a content script on a file: page', false, false],
    ['another extension', false, false],
    ['another extension naming our URL', false, false],
    ['a URL that only starts like ours', false, false],
  ])('%s: extension page %s, web content script %s', (name, page, content) => {
    const sender = SENDERS[name] as Sender;
    expect(isExtensionPage(sender)).toBe(page);
    expect(isWebContentScript(sender)).toBe(content);
  });
});

describe('listen', () => {
  beforeEach(() => fakeBrowser.reset());

  /** Sends a message as `sender` to the listeners `listen` installed; answers what they sent back. */
  async function send(message: unknown, sender: Sender): Promise<unknown> {
    return new Promise((resolve) => {
      let answered = false;
      const respond = (answer: unknown) => {
        answered = true;
        resolve(answer);
      };
      const handlers = spyListeners.map((l) => l(message, sender, respond));
      if (!answered && !handlers.some((kept) => kept === true)) resolve(undefined);
    });
  }
  let spyListeners: Array<(m: unknown, s: Sender, r: (a: unknown) => void) => unknown> = [];

  it('refuses a content script unless the call opts in, and never shows it the handler', async () => {
    spyListeners = [];
    vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation(((l: never) => {
      spyListeners.push(l);
    }) as never);
    const pageOnly = vi.fn(() => 'page answer');
    const open = vi.fn(() => 'content answer');
    listen('background', {
      'sync/status': { validate: () => null, handle: pageOnly },
      'annotator/load': { accept: isWebContentScript, validate: () => null, handle: open },
    } as never);
    const content = SENDERS['our content script on an https page'] as Sender;
    const other = SENDERS['another extension'] as Sender;
    const page = SENDERS['our extension page (popup)'] as Sender;
    const call = (type: string) => ({ glossa: 1, to: 'background', type, payload: null });

    expect(await send(call('sync/status'), content)).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'Sender is not allowed.' },
    });
    // An unknown call from a refused sender gets the same answer: it learns nothing.
    expect(await send(call('no/such-call'), content)).toEqual(await send(call('sync/status'), other));
    expect(pageOnly).not.toHaveBeenCalled();
    expect(await send(call('annotator/load'), content)).toEqual({ ok: true, value: 'content answer' });
    expect(await send(call('annotator/load'), other)).toMatchObject({ ok: false });
    expect(await send(call('sync/status'), page)).toEqual({ ok: true, value: 'page answer' });
    expect(open).toHaveBeenCalledOnce();
    expect(pageOnly).toHaveBeenCalledOnce();
  });

  it('refuses a malformed payload before the handler runs, and ignores messages that are not ours', async () => {
    spyListeners = [];
    vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation(((l: never) => {
      spyListeners.push(l);
    }) as never);
    const handle = vi.fn(() => null);
    listen('background', {
      'sync/status': { validate: (p: unknown) => (p === null ? null : INVALID), handle },
    } as never);
    const page = SENDERS['our extension page (popup)'] as Sender;
    expect(await send({ glossa: 1, to: 'background', type: 'sync/status', payload: { x: 1 } }, page)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await send({ type: 'sync/status' }, page)).toBeUndefined();
    expect(await send({ glossa: 1, to: 'offscreen', type: 'sync/status', payload: null }, page)).toBeUndefined();
    expect(handle).not.toHaveBeenCalled();
  });

  it('runs the handler within the listener call itself, so a gesture the message carries still holds', async () => {
    spyListeners = [];
    vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation(((l: never) => {
      spyListeners.push(l);
    }) as never);
    let during: boolean | null = null;
    let inListener = false;
    listen('background', {
      'sync/status': {
        validate: (p: unknown) => (p === null ? null : INVALID),
        handle: () => {
          during = inListener;
          return null;
        },
      },
      'sync/now': {
        validate: (p: unknown) => (p === null ? null : INVALID),
        handle: () => {
          throw new Error('refused at once');
        },
      },
    } as never);
    const page = SENDERS['our extension page (popup)'] as Sender;
    const answers: unknown[] = [];
    inListener = true;
    for (const l of spyListeners)
      l({ glossa: 1, to: 'background', type: 'sync/status', payload: null }, page, (a) => answers.push(a));
    inListener = false;
    expect(during).toBe(true);
    // A handler that throws before any await is still answered as a failure, not thrown at the browser.
    expect(await send({ glossa: 1, to: 'background', type: 'sync/now', payload: null }, page)).toEqual({
      ok: false,
      error: { code: 'handler-failed', message: 'refused at once' },
    });
    await vi.waitFor(() => expect(answers).toEqual([{ ok: true, value: null }]));
  });
});
