/**
 * The UI hooks, in a DOM with the English catalogue: the reader's Export menu downloads the
 * article as Obsidian Markdown, and the options page's transfer section exports a backup with
 * progress and imports files with a result line per file.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryTransfer } from '../../../components/options/LibraryTransfer';
import { ExportMenu } from '../../../components/reader/ExportMenu';
import type { Article } from '../../../lib/model';
import { connectLibrary, openLibrary } from '../../../lib/storage';
import en from '../../../public/_locales/en/messages.json';
import { emptyLibrary, fullLibrary } from '../../support/library-fixture';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** `browser.i18n.getMessage` over the real English catalogue. */
function english(key: string, subs?: string | string[]): string {
  const entry = (en as Catalogue)[key];
  if (!entry) return '';
  const values = subs === undefined ? [] : [subs].flat();
  return entry.message.replace(/\$([A-Z_]+)\$/g, (_m, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return values[Number(content.slice(1)) - 1] ?? '';
  });
}

/** Downloads started: the file name and the Blob behind its object URL. */
let downloads: { name: string; blob: Blob }[];

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(english as typeof fakeBrowser.i18n.getMessage);
  downloads = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href) as Blob });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the reader Export menu', () => {
  it('opens by keyboard-reachable buttons and downloads the article as Obsidian Markdown', async () => {
    const { library, seedId } = await fullLibrary();
    const article = (await library.getArticle(seedId)) as Article;
    render(<ExportMenu article={article} loadHighlights={() => library.listHighlights(seedId)} />);
    const toggle = screen.getByRole('button', { name: 'Export' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('list', { name: 'Export formats' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Markdown (Obsidian)', 'Hexo Markdown (seed format)', 'Web Annotations (JSON-LD)']);
    fireEvent.keyDown(within(list).getByRole('button', { name: 'Hexo Markdown (seed format)' }), { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('button', { name: 'Markdown (Obsidian)' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const [download] = downloads;
    expect(download?.name).toBe(`${article.title}.md`);
    const text = await download?.blob.text();
    expect(text).toContain(`title: "${article.title}"`);
    expect(text).toContain('> 停火线过境点\n>\n> **Note**\n>\n> 过境点 **重开** 的背景');
    expect(screen.getByText(`Downloaded ${article.title}.md`)).toBeTruthy();
    library.close();
  });
});

describe('the library transfer section', () => {
  it('offers the saved images for the backup with their size, and includes them only when chosen', async () => {
    const full = await fullLibrary();
    const hash = 'a'.repeat(64);
    const lib = full.library;
    lib.imageUsage = async () => ({ images: 1, bytes: 2_500_000 });
    lib.getImageMap = async (articleId) =>
      articleId === full.seedId
        ? { articleId, entries: [{ src: 'https://a.test/1.png', hash }], thumb: null, hashes: [hash], updatedAt: 1 }
        : undefined;
    lib.getImages = async () =>
      new Map([[hash, { hash, blob: new Blob(['png']), type: 'image/png' as const, bytes: 3, width: 1, height: 1 }]]);
    render(<LibraryTransfer library={async () => lib} />);
    const choice = (await screen.findByRole('checkbox', {
      name: 'Include saved images in the backup (2.5 MB)',
    })) as HTMLInputElement;
    expect(choice.checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Backup (JSON)' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(JSON.parse((await downloads[0]?.blob.text()) ?? '')).not.toHaveProperty('images');
    await screen.findByText(/^Downloaded /);

    fireEvent.click(choice);
    fireEvent.click(screen.getByRole('button', { name: 'Backup (JSON)' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    const withImages = JSON.parse((await downloads[1]?.blob.text()) ?? '');
    expect(withImages.imageMaps).toEqual([
      { articleId: full.seedId, entries: [{ src: 'https://a.test/1.png', hash }], thumb: null },
    ]);
    expect(withImages.images).toEqual([{ hash, type: 'image/png', width: 1, height: 1, data: btoa('png') }]);
    lib.close();
  });

  it('exports a backup with progress, then imports it elsewhere with a line per file', async () => {
    const full = await fullLibrary();
    full.library.close();
    render(<LibraryTransfer library={connectLibrary({ name: full.library.dbName })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Backup (JSON)' }));
    await screen.findByRole('progressbar', { name: 'Export progress' });
    await waitFor(() => expect(downloads).toHaveLength(1));
    const backup = (await downloads[0]?.blob.text()) ?? '';
    expect(JSON.parse(backup)).toMatchObject({ format: 'glossa-backup', version: 1 });
    await screen.findByText(/^Downloaded glossa-backup-\d{4}-\d\d-\d\d\.json$/);
    cleanup();

    const target = await emptyLibrary();
    target.close();
    render(<LibraryTransfer library={connectLibrary({ name: target.dbName })} />);
    const input = screen.getByLabelText('Choose files to import') as HTMLInputElement;
    const files = [
      new File([backup], 'glossa-backup.json', { type: 'application/json' }),
      new File(['{ not json'], 'broken.json', { type: 'application/json' }),
    ];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    fireEvent.change(input);
    const results = await screen.findByRole('list', { name: 'Import results' }, { timeout: 20_000 });
    const lines = within(results)
      .getAllByRole('listitem')
      .map((li) => li.firstChild?.textContent);
    expect(lines).toEqual([
      'glossa-backup.json: backup merged — 7 articles, 10 highlights; 18 records added or updated. 2 settings restored.',
      'broken.json was not imported: it is not valid JSON',
    ]);
    const check = await openLibrary({ name: target.dbName });
    expect(await check.countArticles()).toBe(7);
    check.close();
  });
});
