/**
 * Reader preferences: stored values are repaired, version 1 (theme + size) migrates to
 * version 2 keeping the reader's choices, and the attributes reader.css reads follow them.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_READER_PREFS,
  loadReaderPrefs,
  readerAttributes,
  repairReaderPrefs,
  saveReaderPrefs,
} from '../../../../lib/shared/settings/reader-prefs';

describe('reader preferences', () => {
  it('repairs unknown and out-of-range values', () => {
    expect(repairReaderPrefs({ theme: 'neon', fontSize: 99, font: 'comic', lineSpacing: 3, width: null })).toEqual({
      ...DEFAULT_READER_PREFS,
      fontSize: 28,
    });
    expect(repairReaderPrefs({ fontSize: 15 }).fontSize).toBe(16);
  });

  it('saves and loads every field', async () => {
    const prefs = { theme: 'sepia', fontSize: 22, font: 'serif', lineSpacing: 'loose', width: 'wide' } as const;
    await saveReaderPrefs(prefs);
    expect(await loadReaderPrefs()).toEqual(prefs);
  });

  it('migrates a version-1 value, keeping theme and size and defaulting the rest', async () => {
    await fakeBrowser.storage.local.set({ readerPrefs: { theme: 'dark', fontSize: 24 }, readerPrefs$: { v: 1 } });
    // The item migrates when its module is first evaluated: load a fresh copy.
    vi.resetModules();
    const fresh = await import('../../../../lib/shared/settings/reader-prefs');
    expect(await fresh.loadReaderPrefs()).toEqual({ ...DEFAULT_READER_PREFS, theme: 'dark', fontSize: 24 });
    expect((await fakeBrowser.storage.local.get('readerPrefs$')).readerPrefs$).toEqual({ v: 2 });
  });

  it('turns preferences into the attributes reader.css reads', () => {
    const attrs = readerAttributes({
      theme: 'dark',
      fontSize: 20,
      font: 'sans',
      lineSpacing: 'relaxed',
      width: 'narrow',
    });
    expect(attrs['data-theme']).toBe('dark');
    expect(attrs['data-font']).toBe('sans');
    expect(attrs.style).toEqual({ '--g-font-size': '20px', '--g-line-scale': '1.12', '--g-width-scale': '0.8' });
  });
});
