/**
 * Finding controls the way a user (or a screen reader) does: by role and accessible name,
 * in both browsers. The name is computed in the page from aria-label, aria-labelledby, the
 * control's <label> (without the text of controls nested in it) or its text, which covers
 * every control Glossa renders.
 */
import type { Page } from 'puppeteer-core';

/** Roles the helpers understand, with the elements that carry each. */
export type Role =
  | 'button'
  | 'link'
  | 'searchbox'
  | 'combobox'
  | 'textbox'
  | 'radio'
  | 'checkbox'
  | 'slider'
  | 'heading'
  | 'list';

/**
 * Marks the first visible, enabled control with `role` and accessible `name` with a unique
 * attribute and answers a CSS selector for it (for page.select, page.focus, page.click), or
 * null when there is none yet.
 */
export function markControl(page: Page, role: Role, name: string): Promise<string | null> {
  return page.evaluate(
    (r: string, n: string) => {
      const selectors: Record<string, string> = {
        button: 'button, [role=button]',
        link: 'a[href]',
        searchbox: 'input[type=search]',
        combobox: 'select, input[list]',
        textbox: 'input[type=text]:not([list]), input[type=url], textarea',
        radio: 'input[type=radio]',
        checkbox: 'input[type=checkbox]',
        slider: 'input[type=range]',
        heading: 'h1, h2, h3',
        list: 'ul, ol',
      };
      const text = (el: Element) => {
        const copy = el.cloneNode(true) as Element;
        for (const inner of copy.querySelectorAll('select, input, textarea, output')) inner.remove();
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      };
      const nameOf = (el: Element) => {
        const label = el.getAttribute('aria-label');
        if (label) return label.trim();
        const by = el.getAttribute('aria-labelledby');
        if (by)
          return by
            .split(/\s+/)
            .map((id) => text(document.getElementById(id) ?? document.createElement('i')))
            .join(' ')
            .trim();
        const labels = (el as HTMLInputElement).labels;
        if (labels && labels.length > 0) return [...labels].map(text).join(' ').trim();
        return text(el);
      };
      const found = [...document.querySelectorAll(selectors[r] ?? r)].find(
        (el) => nameOf(el) === n && !(el as HTMLButtonElement).disabled && (el as HTMLElement).offsetParent !== null,
      );
      if (!found) return null;
      const id = `c${Math.random().toString(36).slice(2)}`;
      found.setAttribute('data-e2e', id);
      return `[data-e2e="${id}"]`;
    },
    role,
    name,
  );
}

/** Waits for the control with `role` and `name` and answers its selector. */
export async function control(page: Page, role: Role, name: string, timeout = 15_000): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const selector = await markControl(page, role, name);
    if (selector) return selector;
    if (Date.now() > until) throw new Error(`No ${role} named “${name}” within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Clicks the control with `role` and `name` (a DOM click: same in both browsers, no hit-testing). */
export async function clickControl(page: Page, role: Role, name: string): Promise<void> {
  const selector = await control(page, role, name);
  await page.$eval(selector, (el) => {
    (el as HTMLElement).focus();
    (el as HTMLElement).click();
  });
}

/** Chooses `value` in the select named `name`, once it offers that value. */
export async function chooseOption(page: Page, name: string, value: string, timeout = 15_000): Promise<void> {
  const selector = await control(page, 'combobox', name, timeout);
  await page.waitForFunction(
    (s: string, v: string) =>
      [...(document.querySelector<HTMLSelectElement>(s)?.options ?? [])].some((o) => o.value === v),
    { timeout, polling: 100 },
    selector,
    value,
  );
  await page.select(selector, value);
}

/** Focuses the control with `role` and `name` and types `text` with real key events. */
export async function typeInto(page: Page, role: Role, name: string, text: string): Promise<void> {
  const selector = await control(page, role, name);
  await page.focus(selector);
  await page.keyboard.type(text);
}
