/**
 * The reading view over a live page: an extension frame in a closed shadow root. Closing leaves
 * the page's DOM byte-identical; a page script's synthetic Escape does not close it (only the
 * reader's own key does, which jsdom cannot make: tests/e2e/live-web covers it); a frame the page
 * navigated elsewhere is taken away; and the article handed to the view is sanitized, with
 * absolute URLs and nothing of the page's scripts.
 */
// @vitest-environment-options {"url":"https://blog.example.com/posts/1"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountReadingViewFrame, READING_VIEW_TAG } from '../../../components/page/reading-view-frame';
import { pageToSave } from '../../../lib/page/page-to-save';

const PROSE = '<p>Ordinary prose long enough to be an article paragraph, with commas, clauses, and more words.</p>';
const FRAME = 'chrome-extension://id/reading-frame.html#token';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
  // jsdom does not scroll; the restore still calls it.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  document.documentElement.setAttribute('lang', 'en');
  document.head.innerHTML = '<title>A post</title><style>p { color: red }</style>';
  document.body.innerHTML = `<nav><a href="/">Home</a></nav><article><h1>A post</h1>${PROSE.repeat(8)}<img src="x" onerror="window.__pwned=1"></article>`;
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The frame inside the view's closed shadow root (reached through the attachShadow call). */
function frameOf(attach: ReturnType<typeof vi.spyOn>): HTMLIFrameElement {
  const root = attach.mock.results[0]?.value as ShadowRoot;
  const frame = root.querySelector('iframe');
  if (!frame) throw new Error('no frame');
  return frame;
}

describe('mountReadingViewFrame', () => {
  it('shows the frame over the page and restores the DOM exactly on close', () => {
    const before = document.documentElement.outerHTML;
    const onClosed = vi.fn();
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    const close = mountReadingViewFrame(document, FRAME, onClosed);
    expect(document.querySelector(READING_VIEW_TAG)).not.toBeNull();
    expect(frameOf(attach).getAttribute('src')).toBe(FRAME);
    close();
    close();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(onClosed).toHaveBeenCalledOnce();
  });

  it('ignores a page script’s synthetic Escape', () => {
    const onClosed = vi.fn();
    const close = mountReadingViewFrame(document, FRAME, onClosed);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(document.querySelector(READING_VIEW_TAG)).not.toBeNull();
    expect(onClosed).not.toHaveBeenCalled();
    close();
  });

  it('closes when the frame loads a second time (the page navigated it away from ours)', () => {
    const before = document.documentElement.outerHTML;
    const onClosed = vi.fn();
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    mountReadingViewFrame(document, FRAME, onClosed);
    const frame = frameOf(attach);
    frame.dispatchEvent(new Event('load'));
    expect(onClosed).not.toHaveBeenCalled();
    frame.dispatchEvent(new Event('load'));
    expect(onClosed).toHaveBeenCalledOnce();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('pageToSave', () => {
  it('hands over the sanitized article with absolute URLs and no event handlers', () => {
    const page = pageToSave(document);
    expect(page?.title).toBe('A post');
    expect(page?.url).toBe('https://blog.example.com/posts/1');
    expect(page?.html).not.toMatch(/onerror/);
    expect(page?.html).toContain('src="https://blog.example.com/posts/x"');
  });
});
