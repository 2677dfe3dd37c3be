/**
 * A thrown value in words, for a message a person reads. Anything can be thrown (an Error, a
 * DOMException, a string, an object from a hostile page's getter), so nothing about it is trusted:
 * an Error gives its message, a string itself, anything else a neutral phrase. The browser
 * refusing to store more is said in our words, with what to do: its own message ("The current
 * transaction exceeded its quota limitations.") tells a reader nothing.
 */
import { t } from './i18n';

/**
 * Whether `thrown` is the browser refusing to store more: IndexedDB's `QuotaExceededError`
 * (Firefox's older builds name it `NS_ERROR_DOM_QUOTA_REACHED`).
 */
export function isQuotaError(thrown: unknown): boolean {
  return isError(thrown) && (thrown.name === 'QuotaExceededError' || thrown.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** An Error or a DOMException (not an Error in every environment), never a look-alike object. */
function isError(thrown: unknown): thrown is Error {
  return thrown instanceof Error || (typeof DOMException !== 'undefined' && thrown instanceof DOMException);
}

/** The words for `thrown`, at most `max` characters. */
export function errorText(thrown: unknown, max = 500): string {
  const text = isQuotaError(thrown)
    ? t('errorStorageFull')
    : isError(thrown)
      ? thrown.message
      : typeof thrown === 'string'
        ? thrown
        : 'unknown error';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
