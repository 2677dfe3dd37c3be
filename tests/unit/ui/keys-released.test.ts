/**
 * A framed page closes only once no key is held: the frame must still exist when the keyup of
 * the Escape that closed it arrives (lib/ui/keys-released.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type KeysReleased, watchKeysReleased } from '../../../lib/ui/keys-released';

const key = (type: 'keydown' | 'keyup', code: string) =>
  window.dispatchEvent(new KeyboardEvent(type, { code, key: code, bubbles: true }));

describe('watchKeysReleased', () => {
  let keys: KeysReleased;
  afterEach(() => keys.stop());

  it('acts at once when no key is held (a click on Close)', () => {
    keys = watchKeysReleased(window);
    const done: string[] = [];
    keys.whenReleased(() => done.push('closed'));
    expect(done).toEqual(['closed']);
  });

  it('waits for the keyup of the Escape that asked, and of every other held key', () => {
    keys = watchKeysReleased(window);
    const done: string[] = [];
    key('keydown', 'ShiftLeft');
    key('keydown', 'Escape');
    keys.whenReleased(() => done.push('closed'));
    expect(done).toEqual([]);
    key('keyup', 'Escape');
    expect(done).toEqual([]);
    key('keyup', 'ShiftLeft');
    expect(done).toEqual(['closed']);
    // Ran once: later keys do not run it again.
    key('keydown', 'Escape');
    key('keyup', 'Escape');
    expect(done).toEqual(['closed']);
  });

  it('lets go when the frame loses focus, so a keyup that lands elsewhere never holds a close back', () => {
    keys = watchKeysReleased(window);
    const done: string[] = [];
    key('keydown', 'Escape');
    keys.whenReleased(() => done.push('closed'));
    window.dispatchEvent(new Event('blur'));
    expect(done).toEqual(['closed']);
  });

  it('forgets waiting actions once stopped', () => {
    keys = watchKeysReleased(window);
    const done: string[] = [];
    key('keydown', 'Enter');
    keys.whenReleased(() => done.push('closed'));
    keys.stop();
    key('keyup', 'Enter');
    expect(done).toEqual([]);
  });
});
