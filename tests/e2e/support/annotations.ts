/**
 * Page object for highlighting in real browsers: making a selection, pressing Glossa's
 * controls by accessible name, and reading what is drawn from the document's highlight
 * registry (the CSS Custom Highlight API is per document, so the page's own world sees what
 * the extension painted, and nothing else reveals it: the DOM is not rewritten).
 */
import type { Frame, Page } from 'puppeteer-core';

/** One drawn highlight: its colour and the text it covers. */
export interface Drawn {
  color: string;
  text: string;
}

/**
 * Selects the `occurrence`-th appearance of `text` inside `rootSelector`, and ends the selection
 * as a person would: a real key released (Shift), since Glossa acts only on trusted input on
 * a live page. False if not found.
 */
export function selectText(page: Page | Frame, rootSelector: string, text: string, occurrence = 0): Promise<boolean> {
  return page
    .evaluate(
      (selector: string, needle: string, nth: number) => {
        const root = document.querySelector(selector);
        if (!root) return false;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          let at = node.data.indexOf(needle);
          while (at >= 0) {
            if (seen++ === nth) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + needle.length);
              const selection = document.getSelection();
              selection?.removeAllRanges();
              selection?.addRange(range);
              return true;
            }
            at = node.data.indexOf(needle, at + 1);
          }
        }
        return false;
      },
      rootSelector,
      text,
      occurrence,
    )
    .then(async (found) => {
      // A frame's keys go through its page (focus is already in the frame).
      if (found) await ('keyboard' in page ? page : page.page()).keyboard.press('Shift');
      return found;
    });
}

/** Everything Glossa has drawn in the document of a page or frame, by colour. */
export function drawn(page: Page | Frame): Promise<Drawn[]> {
  return page.evaluate(() => {
    const out: { color: string; text: string }[] = [];
    const registry = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS.highlights;
    registry?.forEach((set, name) => {
      const m = /^glossa\d+-(yellow|green|blue|pink|purple)$/.exec(name);
      if (m) for (const range of set) out.push({ color: m[1] ?? '', text: range.toString() });
    });
    return out;
  });
}

/** Waits until `drawn` satisfies `test`; answers the last reading either way. */
export async function waitForDrawn(
  page: Page | Frame,
  test: (d: Drawn[]) => boolean,
  timeout = 15_000,
): Promise<Drawn[]> {
  const until = Date.now() + timeout;
  let last = await drawn(page);
  while (!test(last) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    last = await drawn(page);
  }
  return last;
}

/** Clicks the button whose accessible name (aria-label, else text) is `name`; false if none. */
export async function pressButton(page: Page | Frame, name: string, within = 'body'): Promise<boolean> {
  const until = Date.now() + 10_000;
  for (;;) {
    const clicked = await page.evaluate(
      (n: string, scope: string) => {
        const buttons = [...(document.querySelector(scope)?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
        const button = buttons.find(
          (b) => !b.disabled && (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === n,
        );
        button?.focus();
        button?.click();
        return Boolean(button);
      },
      name,
      within,
    );
    if (clicked || Date.now() > until) return clicked;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The side panel's entries: visible title and note text. */
export function panelEntries(page: Page): Promise<{ title: string; note: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('aside.g-panel .g-items > li')].map((li) => ({
      title: (li.querySelector('.g-goto, blockquote')?.textContent ?? '').trim(),
      note: (li.querySelector('.g-note-text')?.textContent ?? '').trim(),
    })),
  );
}

/** Clicks, with the mouse, the middle of the first drawn highlight covering `text`. */
export async function clickHighlight(page: Page, text: string): Promise<boolean> {
  const point = await page.evaluate((t: string) => {
    const registry = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS.highlights;
    let found: Range | null = null;
    registry?.forEach((set, name) => {
      if (/^glossa\d+-/.test(name)) for (const r of set) if (!found && r.toString() === t) found = r;
    });
    const range = found as Range | null;
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const box = range.getClientRects()[0];
    return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
  }, text);
  if (!point) return false;
  await page.mouse.click(point.x, point.y);
  return true;
}

/** Presses Alt+Shift+`code` with real key events. */
export async function pressShortcut(page: Page, code: 'KeyH' | 'KeyA'): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press(code);
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}
