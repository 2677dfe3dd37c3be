/**
 * The UI in the browser's language: started in Chinese (Chromium `--lang=zh-CN`, Firefox
 * `intl.locale.requested=zh-CN`), the popup and the options page speak Chinese, and their
 * controls are found by their Chinese accessible names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launchWithExtension } from './support/browsers';
import { control } from './support/controls';
import { PopupPage, screenshot } from './support/pages';

describe.each<BrowserName>(['chromium', 'firefox'])('Chinese UI in %s', (name) => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchWithExtension(name, { lang: 'zh-CN' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the popup in Chinese', async () => {
    const popup = await PopupPage.open(ext);
    await popup.waitForEntries(1);
    const page = popup.page;
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('我的文库');
    await control(page, 'searchbox', '搜索文库');
    await control(page, 'button', '设置');
    await control(page, 'button', '筛选与排序');
    await control(page, 'list', '已保存的文章');
    expect(await page.$eval('.count', (p) => p.textContent)).toMatch(/篇/);
    await page.setViewport({ width: 380, height: 300 });
    await screenshot(page, `${name}-popup-zh`);
    await page.close();
  });

  it('shows the options page in Chinese', async () => {
    const page = await ext.openExtensionPage('/options.html', 'main h1');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Glossa 设置');
    await control(page, 'combobox', '字体');
    await control(page, 'radio', '深色');
    await control(page, 'slider', '字号');
    expect(await page.$$eval('table.shortcuts th', (ths) => ths.map((th) => th.textContent))).toEqual([
      '按键',
      '功能',
      '适用范围',
    ]);
    await page.close();
  });
});
