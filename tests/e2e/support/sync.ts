/**
 * The options page's sync section as a page object: fields found by their label, buttons by
 * their accessible name, status read from the page's status lines.
 */
import type { Page } from 'puppeteer-core';
import { pressButton } from './annotations';
import type { ExtensionBrowser } from './browsers';

/** Types `value` into the input whose <label> reads `label` (replacing what it held). */
export async function fillField(page: Page, label: string, value: string): Promise<void> {
  const id = await page.evaluate(
    (l: string) => [...document.querySelectorAll('label')].find((el) => el.textContent?.trim() === l)?.htmlFor ?? '',
    label,
  );
  if (!id) throw new Error(`No field labelled “${label}”`);
  await page.click(`#${id}`, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(`#${id}`, value);
}

/**
 * Opens the options page, turns sync on against `url` / `db` and, as the reader must before a
 * new server gets the library, confirms sending it there.
 */
export async function enableSync(ext: ExtensionBrowser, url: string, db: string): Promise<Page> {
  const page = await ext.openExtensionPage('/options.html#sync', 'form.sync-settings');
  await fillField(page, 'Server address', url);
  await fillField(page, 'Database', db);
  await page.evaluate(() => {
    const box = [...document.querySelectorAll('label')]
      .find((l) => l.textContent?.trim() === 'Sync on')
      ?.querySelector('input');
    if (box && !box.checked) box.click();
  });
  if (!(await pressButton(page, 'Save', 'form.sync-settings'))) throw new Error('No Save button');
  await page.waitForFunction(
    () => document.querySelector('form.sync-settings [role=status]')?.textContent === 'Settings saved.',
    { polling: 100 },
  );
  if (!(await pressButton(page, 'Send my library to this server', 'form.sync-settings'))) {
    throw new Error('No confirmation asked for the new server');
  }
  await page.waitForFunction(() => !document.querySelector('form.sync-settings .sync-decision'), {
    polling: 100,
    timeout: 30_000,
  });
  return page;
}

/** Presses "Sync now" and waits for that round to finish, with nothing left to send and no error. */
export async function syncNow(page: Page): Promise<void> {
  const before = await page.evaluate(() =>
    Number(document.querySelector('form.sync-settings')?.getAttribute('data-rounds')),
  );
  await page.waitForFunction(
    () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Sync now');
      return button && !button.disabled;
    },
    { polling: 100 },
  );
  if (!(await pressButton(page, 'Sync now', 'form.sync-settings'))) throw new Error('No Sync now button');
  await page.waitForFunction(
    (n: number) => Number(document.querySelector('form.sync-settings')?.getAttribute('data-rounds')) > n,
    { polling: 100, timeout: 30_000 },
    before,
  );
  const lines = await page.evaluate(() =>
    [...document.querySelectorAll('.sync-status li')].map((li) => li.textContent ?? ''),
  );
  if (!lines.includes('Everything is sent.') || lines.some((l) => l.startsWith('Last error'))) {
    throw new Error(`Sync did not finish cleanly: ${lines.join(' / ')}`);
  }
}
