/**
 * Page objects for Glossa's extension pages: tests speak of "the popup's article links" and
 * "the reader's body", and find controls by role and accessible name.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browsers';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../artifacts');

/** Saves a screenshot of `page` as tests/artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png` });
  return file;
}

/** Polls `fn` in the page until it returns a truthy value (works in Chromium and Firefox). */
export async function waitFor<T>(page: Page, fn: () => T, timeout = 30_000): Promise<void> {
  await page.waitForFunction(fn, { timeout, polling: 100 });
}

/** One article as the popup lists it. */
export interface PopupEntry {
  /** Accessible name of the link (its title, via aria-labelledby). */
  name: string;
  description: string;
  href: string;
}

/** The toolbar popup, opened as a tab. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  /** Opens the popup and waits until it shows a list, an empty state or an error. */
  static async open(ext: ExtensionBrowser): Promise<PopupPage> {
    const page = await ext.openExtensionPage(
      '/popup.html',
      'main [role=status], main [role=alert], main ul[aria-label]',
    );
    return new PopupPage(page);
  }

  /** Waits until the list holds at least `n` articles. */
  async waitForEntries(n = 1): Promise<void> {
    await this.page.waitForFunction(
      (min: number) => document.querySelectorAll('li.item > a').length >= min,
      { polling: 100, timeout: 30_000 },
      n,
    );
  }

  /** The article links with their accessible names, resolved from aria-labelledby/-describedby. */
  entries(): Promise<PopupEntry[]> {
    return this.page.evaluate(() => {
      const text = (ids: string | null) =>
        (ids ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
          .join(' ')
          .trim();
      return [...document.querySelectorAll<HTMLAnchorElement>('[role=list] a, ul a')].map((a) => ({
        name: text(a.getAttribute('aria-labelledby')) || (a.textContent ?? '').trim(),
        description: text(a.getAttribute('aria-describedby')),
        href: a.href,
      }));
    });
  }
}

/** Facts about the article the reader page shows. */
export interface ReaderFacts {
  title: string;
  lang: string | null;
  paragraphs: number;
  subheadings: string[];
  images: { src: string; referrerPolicy: string; loading: string }[];
  /** Accessible names of the placeholders shown for pictures that are not saved. */
  missingImages: string[];
  scriptsInArticle: number;
  eventAttributes: number;
  readingTime: string;
}

/** The reader page of one article. */
export class ReaderPage {
  constructor(readonly page: Page) {}

  /** Waits for the article to render. */
  async ready(): Promise<void> {
    await this.page.waitForSelector('article .g-body', { timeout: 30_000 });
  }

  /** What is on the page, counted in the DOM. */
  facts(): Promise<ReaderFacts> {
    return this.page.evaluate(() => {
      const article = document.querySelector('article');
      const body = article?.querySelector('.g-body');
      const all = [...(article?.querySelectorAll('*') ?? [])];
      return {
        title: article?.querySelector('h1')?.textContent ?? '',
        lang: article?.getAttribute('lang') ?? null,
        paragraphs: [...(body?.querySelectorAll('p') ?? [])].filter((p) => (p.textContent ?? '').trim().length > 0)
          .length,
        subheadings: [...(body?.querySelectorAll('h2, h3, h4') ?? [])].map((h) => h.textContent ?? ''),
        images: [...(article?.querySelectorAll('img') ?? [])].map((img) => ({
          src: img.getAttribute('src') ?? '',
          referrerPolicy: img.getAttribute('referrerpolicy') ?? '',
          loading: img.getAttribute('loading') ?? '',
        })),
        missingImages: [...(article?.querySelectorAll('.g-img-missing[role=img]') ?? [])].map(
          (box) => box.getAttribute('aria-label') ?? '',
        ),
        scriptsInArticle: article?.querySelectorAll('script').length ?? 0,
        eventAttributes: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        readingTime: article?.querySelector('.g-reading-time')?.textContent ?? '',
      };
    });
  }
}

/** The reader-page path (`/reader.html?id=…`) of the first article the popup lists: the seed. */
export async function firstArticlePath(ext: ExtensionBrowser): Promise<string> {
  const popup = await PopupPage.open(ext);
  await popup.waitForEntries(1);
  const [seed] = await popup.entries();
  await popup.page.close();
  const href = new URL(seed?.href ?? '');
  return href.pathname + href.search;
}
