/**
 * Errors in words: the browser's quota refusal becomes our sentence with what to do (its own
 * message says nothing useful to a reader); anything else keeps its message, capped.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { errorText, isQuotaError } from '../../../lib/shared/error-text';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    ((key: string) => `«${key}»`) as typeof fakeBrowser.i18n.getMessage,
  );
});
afterEach(() => vi.restoreAllMocks());

describe('errorText', () => {
  it('says a quota refusal in our words, from IndexedDB and from Firefox’s older name', () => {
    const chromium = new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
    const firefox = Object.assign(new Error('quota reached'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' });
    for (const thrown of [chromium, firefox]) {
      expect(isQuotaError(thrown)).toBe(true);
      expect(errorText(thrown)).toBe('«errorStorageFull»');
    }
  });

  it('keeps other messages, refuses to trust non-errors and caps the length', () => {
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(false);
    expect(errorText({ name: 'QuotaExceededError', message: 'forged' })).toBe('unknown error');
    expect(errorText(new DOMException('gone', 'NotFoundError'))).toBe('gone');
    expect(errorText('plain words')).toBe('plain words');
    expect(errorText(new Error('x'.repeat(600)), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
