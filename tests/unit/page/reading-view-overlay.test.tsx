/**
 * Opening the reading view over a page and closing it leaves the page's DOM byte-identical,
 * and nothing of the page's own markup (its scripts, handlers) reaches the view.
 */
// @vitest-environment-options {"url":"https://blog.example.com/posts/1"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openReadingView, READING_VIEW_TAG } from '../../../components/page/reading-view-overlay';

const PROSE = '<p>Ordinary prose long enough to be an article paragraph, with commas, clauses, and more words.</p>';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  // jsdom does not scroll; the restore still calls it.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  document.documentElement.setAttribute('lang', 'en');
  document.head.innerHTML = '<title>A post</title><style>p { color: red }</style>';
  document.body.innerHTML = `<nav><a href="/">Home</a></nav><article><h1>A post</h1>${PROSE.repeat(8)}<img src="x" onerror="window.__pwned=1"></article>`;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('openReadingView', () => {
  it('restores the DOM exactly on close', async () => {
    const before = document.documentElement.outerHTML;
    const onClosed = vi.fn();
    const close = openReadingView(document, async () => ({ ok: true, value: null }), onClosed);
    expect(document.querySelector(READING_VIEW_TAG)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    close();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(onClosed).toHaveBeenCalledOnce();
  });

  it('closes on Escape, once', () => {
    const before = document.documentElement.outerHTML;
    const onClosed = vi.fn();
    openReadingView(document, async () => ({ ok: true, value: null }), onClosed);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(document.documentElement.outerHTML).toBe(before);
    expect(onClosed).toHaveBeenCalledOnce();
  });

  it('saves the sanitized article with absolute URLs and no event handlers', async () => {
    const save = vi.fn(async () => ({ ok: true as const, value: null }));
    // The shadow root is closed; reach the Save button through the attachShadow call.
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    const close = openReadingView(document, save);
    const root = attach.mock.results[0]?.value as ShadowRoot;
    await new Promise((r) => setTimeout(r, 20));
    root.querySelector<HTMLButtonElement>('.g-save')?.click();
    await new Promise((r) => setTimeout(r, 20));
    expect(save).toHaveBeenCalledOnce();
    const [page] = save.mock.calls[0] as unknown as [{ title: string; url: string; html: string }];
    expect(page.title).toBe('A post');
    expect(page.url).toBe('https://blog.example.com/posts/1');
    expect(page.html).not.toMatch(/onerror/);
    expect(page.html).toContain('src="https://blog.example.com/posts/x"');
    close();
  });
});
