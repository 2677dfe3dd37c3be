/**
 * A framed view closes only once no key is held: the frame must still exist when the keyup of
 * the Escape that closed it arrives — unless that keyup went elsewhere, when the close waits no
 * longer than its grace (lib/shared/keys-released.ts). jsdom cannot make trusted events, so most
 * cases count every key as the reader's; the last shows that by default a script's are not.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type KeysReleased, watchKeysReleased } from '../../../lib/shared/keys-released';

const key = (type: 'keydown' | 'keyup', code: string) =>
  window.dispatchEvent(new KeyboardEvent(type, { code, key: code, bubbles: true }));

const everyKey = { isReaders: () => true };

describe('watchKeysReleased', () => {
  let keys: KeysReleased;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    keys.stop();
    vi.useRealTimers();
  });

  it('acts at once when no key is held (a click on Close)', () => {
    keys = watchKeysReleased(window, everyKey);
    const done: string[] = [];
    keys.whenReleased(() => done.push('closed'));
    expect(done).toEqual(['closed']);
  });

  it('waits for the keyup of the Escape that asked, and of every other held key', () => {
    keys = watchKeysReleased(window, everyKey);
    const done: string[] = [];
    key('keydown', 'ShiftLeft');
    key('keydown', 'Escape');
    keys.whenReleased(() => done.push('closed'));
    expect(done).toEqual([]);
    key('keyup', 'Escape');
    expect(done).toEqual([]);
    key('keyup', 'ShiftLeft');
    expect(done).toEqual(['closed']);
    // Ran once: later keys, and the grace timer, do not run it again.
    key('keydown', 'Escape');
    key('keyup', 'Escape');
    vi.advanceTimersByTime(5_000);
    expect(done).toEqual(['closed']);
  });

  it('acts after the grace when the keyup lands elsewhere (focus moved into a frame meanwhile)', () => {
    keys = watchKeysReleased(window, { ...everyKey, graceMs: 1_000 });
    const done: string[] = [];
    key('keydown', 'Escape');
    keys.whenReleased(() => done.push('closed'));
    window.dispatchEvent(new Event('blur'));
    // Losing focus does not act early: the keyup may still be on its way to the frame.
    expect(done).toEqual([]);
    vi.advanceTimersByTime(999);
    expect(done).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(done).toEqual(['closed']);
    // The keys held before the blur are forgotten: the next action is not held back by them.
    keys.whenReleased(() => done.push('again'));
    expect(done).toEqual(['closed', 'again']);
  });

  it('forgets waiting actions once stopped', () => {
    keys = watchKeysReleased(window, everyKey);
    const done: string[] = [];
    key('keydown', 'Enter');
    keys.whenReleased(() => done.push('closed'));
    keys.stop();
    key('keyup', 'Enter');
    vi.advanceTimersByTime(5_000);
    expect(done).toEqual([]);
  });

  it('by default ignores a script’s synthetic keys: they cannot hold a close back', () => {
    keys = watchKeysReleased(window);
    const done: string[] = [];
    key('keydown', 'KeyX');
    keys.whenReleased(() => done.push('closed'));
    expect(done).toEqual(['closed']);
  });
});
