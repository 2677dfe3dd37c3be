/**
 * The options page's Storage section: it says whether the library is kept for good, asks the
 * browser only when the reader presses the button, and shows what the saved images take.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StorageSection } from '../../../components/options/StorageSection';
import type { LibraryConnection } from '../../../lib/storage';
import { formatBytes, persistence, requestPersistence } from '../../../lib/ui/storage-persistence';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key} ${[subs].flat().join(' ')}`) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

let stored = { images: 12, bytes: 3_400_000 };
const library: LibraryConnection = async () =>
  ({
    imageUsage: async () => stored,
    removeArchivedImages: async () => {
      stored = { images: 2, bytes: 400_000 };
      return { articles: 3, images: 10 };
    },
  }) as unknown as Awaited<ReturnType<LibraryConnection>>;

describe('StorageSection', () => {
  it('asks for persistent storage only on the button, and shows the answer and the usage', async () => {
    let granted = false;
    const persist = vi.fn(async () => {
      granted = true;
      return true;
    });
    vi.stubGlobal('navigator', {
      ...navigator,
      storage: { persisted: async () => granted, persist, estimate: async () => ({ usage: 52_000_000, quota: 1e10 }) },
    });
    render(<StorageSection library={library} />);
    expect(await screen.findByText('storagePersistNotGranted')).toBeTruthy();
    expect(await screen.findByText('storageUsed 52 MB')).toBeTruthy();
    expect(screen.getByText('storageImages 12 3.4 MB')).toBeTruthy();
    expect(persist).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'storagePersistButton' }));
    expect(await screen.findByText('storagePersistGranted')).toBeTruthy();
    expect(persist).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'storagePersistButton' })).toBeNull();
  });

  it('removes the images of archived articles on request and shows the space again', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined });
    render(<StorageSection library={library} />);
    expect(await screen.findByText('storageImages 12 3.4 MB')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'storageRemoveArchivedImages' }));
    expect(await screen.findByText('storageArchivedRemoved 10 3')).toBeTruthy();
    expect(await screen.findByText('storageImages 2 400 kB')).toBeTruthy();
  });

  it('says so where the browser offers no persistent storage', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined });
    render(<StorageSection library={library} />);
    expect(await screen.findByText('storagePersistUnsupported')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'storagePersistButton' })).toBeNull();
  });
});

describe('storage persistence', () => {
  it('reads and requests the state, treating a refusal that throws as not granted', async () => {
    expect(await persistence(undefined)).toBe('unsupported');
    expect(await persistence({ persisted: async () => true, persist: async () => true })).toBe('granted');
    expect(await requestPersistence({ persist: async () => false })).toBe('not-granted');
    expect(await requestPersistence({ persist: () => Promise.reject(new Error('denied')) })).toBe('not-granted');
  });

  it('formats sizes', () => {
    expect(formatBytes(999, 'en')).toBe('999 B');
    expect(formatBytes(1_500, 'en')).toBe('1.5 kB');
    expect(formatBytes(30_000_000, 'en')).toBe('30 MB');
    expect(formatBytes(250_000_000, 'en')).toBe('250 MB');
  });
});
