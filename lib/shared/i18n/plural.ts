/**
 * Counts in words, by the UI language's own plural rules (`Intl.PluralRules`): English says
 * "1 highlight" and "2 highlights", Chinese has one form. A counted message exists once per
 * plural category the catalogues use, as `<name>_one`, `<name>_other` (every language needs
 * `_other`; a category a language lacks falls back to it).
 */
import { browser } from 'wxt/browser';
import { formatNumber, type MessageKey, t, uiLanguage } from '.';

/** The names of counted messages: keys that have an `_other` form. */
export type CountedKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

const rules = new Map<string, Intl.PluralRules>();

/** The plural category of `count` in `lang` (`one`, `few`, `other`…). */
export function pluralCategory(count: number, lang = uiLanguage()): Intl.LDMLPluralRule {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r.select(count);
}

/**
 * The message `name` for `count` (its `$1` is the count, formatted for the UI language; `more`
 * fills `$2`…), in the form the language's plural rules pick.
 */
export function tCount(name: CountedKey, count: number, ...more: Array<string | number>): string {
  const exact = `${name}_${pluralCategory(count)}` as MessageKey;
  const key = browser.i18n.getMessage(exact) ? exact : (`${name}_other` as MessageKey);
  return t(key, [formatNumber(count), ...more]);
}
