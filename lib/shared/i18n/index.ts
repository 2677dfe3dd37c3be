/**
 * Every string the user reads goes through `browser.i18n`, so the UI follows the browser's
 * language (en, zh_CN) with no code of our own choosing it. Keys are typed from the English
 * catalogue: a typo is a compile error, and a unit test checks zh_CN has every key.
 */
import { browser } from 'wxt/browser';
import type enMessages from '../../../public/_locales/en/messages.json';

/** A key of the message catalogue. */
export type MessageKey = keyof typeof enMessages;

/** The localized message for `key`, with `$1`… placeholders filled from `subs`. */
export function t(key: MessageKey, subs?: string | number | Array<string | number>): string {
  const list = subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String);
  return browser.i18n.getMessage(key, list) || key;
}

/**
 * The language the UI is shown in, as a BCP 47 tag (`zh-CN`, `en-GB`), for Intl formatting,
 * sorting and `lang` attributes. That is the catalogue the browser picked for our messages
 * (its `uiLocale` entry), which can differ from `getUILanguage()`: Chromium started with
 * `--lang=zh-CN` but without its own Chinese resources shows our Chinese messages while
 * reporting `en-US`. The browser's tag is used when it names the same language, since it is
 * more precise (`en-GB` dates for an English UI).
 */
export function uiLanguage(): string {
  const browserTag = browser.i18n.getUILanguage?.() || '';
  const entry = browser.i18n.getMessage('uiLocale');
  // Only a plain language tag counts (a stub i18n answers with the key itself).
  const catalogue = (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(entry) ? entry : '') || browserTag || 'en';
  const language = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  return browserTag && language(browserTag) === language(catalogue) ? browserTag : catalogue;
}

/** A date formatted for the UI language, or '' when the value is not a valid date. */
export function formatDate(value: string | number | null, lang = uiLanguage()): string {
  if (value === null) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

/** A number formatted for the UI language (thousands separators and the like). */
export function formatNumber(value: number, lang = uiLanguage()): string {
  return new Intl.NumberFormat(lang).format(value);
}
