/** Where an article's reader page (its stored copy) lives: one address for every link to it. */
import { browser } from 'wxt/browser';

/** The reader page of article `id`. */
export function readerUrl(id: string): string {
  return browser.runtime.getURL(`/reader.html?id=${encodeURIComponent(id)}`);
}
