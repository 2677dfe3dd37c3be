/**
 * Helpers for live-web tests: the pages served from 127.0.0.1 (a Readability corpus page, a
 * Chinese Hexo post as a blog page, a non-article, a page full of XSS payloads), and a page
 * object for Glossa's in-page UI and the extension APIs tests read it through.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { type StaticServer, startStaticServer } from '../../../scripts/static-server.mjs';
import { CORPUS, hexoPosts, NON_ARTICLES, renderHexoPage } from '../../support/page-corpus';
import type { ExtensionBrowser } from './browsers';

/** The English article: Readability corpus page ars-1. */
export const ENGLISH = {
  path: '/ars-1.html',
  title: 'Just-released Minecraft exploit makes it easy to crash game servers',
};
/** The Chinese post (a Hexo post of the corpus rendered as a blog page). */
export const CHINESE_POST = 'SIPRI：世界军费开支首次突破2万亿美元';
/** Title of the page carrying the hostile payloads. */
export const HOSTILE_TITLE = 'Hostile payloads in an article';

/** Starts the server with every page the live-web tests visit. */
export async function serveTestPages(): Promise<StaticServer> {
  const server = await startStaticServer(null);
  server.route(ENGLISH.path, readFileSync(path.join(CORPUS, 'readability/ars-1/source.html'), 'utf8'));
  const post = hexoPosts().find((p) => p.title === CHINESE_POST);
  if (!post) throw new Error(`Hexo post “${CHINESE_POST}” is missing from the corpus`);
  server.route('/zh.html', renderHexoPage(post));
  server.route('/search.html', readFileSync(path.join(NON_ARTICLES, 'search-results-en.html'), 'utf8'));
  server.route('/hostile.html', hostilePage());
  return server;
}

/**
 * Payloads of tests/fixtures/corpus/hostile/ inside an ordinary article. Each would set
 * `window.__pwned` if it ever ran; the page's own copy runs at load, so tests reset the flag
 * after load and check it stays unset while Glossa shows and saves the article.
 */
function hostilePage(): string {
  const payloads = ['img-onerror.md', 'script-tag.md', 'event-attrs.md', 'svg-script.md', 'javascript-href.md']
    .map((name) => readFileSync(path.join(CORPUS, 'hostile', name), 'utf8').split(/^---$/m)[2] ?? '')
    .join('\n');
  const prose =
    '<p>This paragraph is ordinary prose that makes the page read like an article, long enough for any ' +
    'reader-mode heuristic to count it as content rather than navigation or boilerplate text.</p>';
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${HOSTILE_TITLE}</title></head><body>` +
    `<main><article><h1>${HOSTILE_TITLE}</h1>${prose.repeat(3)}${payloads}${prose.repeat(3)}</article></main>` +
    '</body></html>'
  );
}

/** The slice of the extension API tests call inside an extension page. */
interface ExtensionGlobal {
  browser?: ExtensionApi;
  chrome: ExtensionApi;
}
interface ExtensionApi {
  runtime: { sendMessage: (message: unknown) => Promise<unknown> };
  tabs: { query: (q: object) => Promise<Array<{ id?: number; url?: string }>> };
  action?: { getBadgeText: (d: { tabId: number }) => Promise<string> };
  browserAction?: { getBadgeText: (d: { tabId: number }) => Promise<string> };
}

/**
 * The paths of Glossa's scripts that run in `page`'s top frame from now on, as Chromium's
 * debugger reports them (a list that grows as they come). Scripts of other tabs that share the
 * renderer are left out by frame. Chromium only: Firefox has no such protocol here.
 */
export async function watchOurScripts(page: Page): Promise<string[]> {
  const cdp = await page.createCDPSession();
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const ours: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => {
    const frameId = (e.executionContextAuxData as { frameId?: string } | undefined)?.frameId;
    if (frameId === frameTree.frame.id && e.url.startsWith('chrome-extension://')) ours.push(new URL(e.url).pathname);
  });
  await cdp.send('Debugger.enable');
  return ours;
}

/** Reads extension state from an extension page (the options page, opened as a tab). */
export class ExtensionProbe {
  constructor(readonly page: Page) {}

  static async open(ext: ExtensionBrowser): Promise<ExtensionProbe> {
    // Not the popup: opened as a tab, it would follow the active tab and ask every page for its
    // feeds, bringing the page agent where the reader asked for nothing.
    return new ExtensionProbe(await ext.openExtensionPage('/options.html'));
  }

  /** Id of the tab showing `url`. */
  async tabId(url: string): Promise<number> {
    const id = await this.page.evaluate(async (u: string) => {
      const api =
        (globalThis as unknown as ExtensionGlobal).browser ?? (globalThis as unknown as ExtensionGlobal).chrome;
      // The newest tab with the URL: a closed tab of an earlier test may still be listed.
      const ids = (await api.tabs.query({})).filter((tab) => tab.url === u).map((tab) => tab.id ?? -1);
      return Math.max(-1, ...ids);
    }, url);
    if (id < 0) throw new Error(`No tab shows ${url}`);
    return id;
  }

  /** The toolbar badge text of tab `tabId`. */
  badge(tabId: number): Promise<string> {
    return this.page.evaluate(async (id: number) => {
      const api =
        (globalThis as unknown as ExtensionGlobal).browser ?? (globalThis as unknown as ExtensionGlobal).chrome;
      const button = api.action ?? api.browserAction;
      return button ? await button.getBadgeText({ tabId: id }) : 'no toolbar button';
    }, tabId);
  }

  /** Asks the background to toggle the reading view in tab `tabId` (what the shortcut does). */
  toggleReadingView(tabId: number): Promise<unknown> {
    return this.page.evaluate((id: number) => {
      const api =
        (globalThis as unknown as ExtensionGlobal).browser ?? (globalThis as unknown as ExtensionGlobal).chrome;
      return api.runtime.sendMessage({
        glossa: 1,
        to: 'background',
        type: 'tab/toggle-reading-view',
        payload: { tabId: id },
      });
    }, tabId);
  }
}

/** Glossa's UI inside a web page, seen from the page (its shadow roots are closed). */
export class WebPage {
  constructor(readonly page: Page) {}

  hasControl(): Promise<boolean> {
    return this.page.evaluate(() => document.querySelector('glossa-page-control') !== null);
  }

  hasReadingView(): Promise<boolean> {
    return this.page.evaluate(() => document.querySelector('glossa-reading-view') !== null);
  }

  async waitForControl(): Promise<void> {
    await this.page.waitForSelector('glossa-page-control', { timeout: 30_000 });
  }

  async waitForReadingView(open: boolean): Promise<void> {
    await this.page.waitForFunction(
      (o: boolean) => (document.querySelector('glossa-reading-view') !== null) === o,
      { timeout: 30_000, polling: 100 },
      open,
    );
  }

  /**
   * The reading view's frame (an extension page framed over the page), once its article is shown
   * and focus is on its first control: what a person sees and types into from then on.
   */
  async readingFrame(): Promise<Frame> {
    const until = Date.now() + 30_000;
    for (;;) {
      // Firefox reports moz-extension frames as about:blank: ask each frame's document itself.
      for (const frame of this.page.frames()) {
        const ready = await askFrame(
          frame,
          // The view focuses its first action as it mounts, but keys reach it only once the page
          // has moved focus into the frame too (on the frame's load): both, or a key press
          // lands in the page.
          () =>
            location.pathname.endsWith('/reading-frame.html') &&
            document.activeElement?.closest('.g-view-actions') !== null &&
            document.hasFocus(),
        );
        if (ready) return frame;
      }
      if (Date.now() > until) throw new Error('The reading view did not become ready');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * The note editor's frame of a live page's highlight (an extension page framed in the page),
   * once its dialog is shown: the frame a person reads and types the note in.
   */
  async noteFrame(): Promise<Frame> {
    const until = Date.now() + 30_000;
    for (;;) {
      for (const frame of this.page.frames()) {
        const ready = await askFrame(
          frame,
          () => location.pathname.endsWith('/note-frame.html') && document.querySelector('[role=dialog]') !== null,
        );
        if (ready) return frame;
      }
      if (Date.now() > until) throw new Error('The note editor did not open');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Clicks "Reading view" in the in-page control (by position: its shadow root is closed). */
  async clickControl(): Promise<void> {
    const box = await this.page.evaluate(() => {
      const r = document.querySelector('glossa-page-control')?.getBoundingClientRect();
      return r ? { x: r.left + 12, y: r.top + r.height / 2 } : null;
    });
    if (!box) throw new Error('No in-page control');
    await this.page.mouse.click(box.x, box.y);
  }

  /** The page as the page itself sees it: serialization, scroll, and any Glossa globals. */
  snapshot(): Promise<{ html: string; scrollY: number; globals: string[] }> {
    return this.page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      scrollY: Math.round(window.scrollY),
      globals: [
        ...Object.getOwnPropertyNames(window).filter((k) => /glossa/i.test(k)),
        ...Object.getOwnPropertySymbols(window).map(String),
      ],
    }));
  }
}

/**
 * Asks `frame` a yes/no question, answering no when it cannot answer within 2 s. A frame that is
 * still attaching (Chromium puts our extension frames in their own process) may never get the
 * execution context puppeteer's evaluate waits for, and an unbounded evaluate then hangs the
 * whole test: the caller polls again, over the frames as they are by then.
 */
async function askFrame(frame: Frame, question: () => boolean): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unanswered = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`[e2e] frame ${frame.url() || '(no url)'} did not answer within 2 s; asking again`);
      resolve(false);
    }, 2_000);
  });
  try {
    return await Promise.race([frame.evaluate(question).catch(() => false), unanswered]);
  } finally {
    clearTimeout(timer);
  }
}
