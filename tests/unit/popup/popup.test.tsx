/**
 * The popup in a DOM over the real library (fake-indexeddb): tag an article and filter by the
 * tag, archive, delete with undo, and search (the background's answer mocked: the search
 * engine itself is tested in tests/unit/background/search and end to end). Strings are message keys
 * (the fake i18n answers with the key), so controls are found by role and key.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../components/popup/Popup';
import { newSubscription } from '../../../lib/shared/feeds/subscription';
import { connectLibrary, type Library, type LibraryConnection, openLibrary } from '../../../lib/storage';
import { makeArticle, makeHighlight } from '../../support/library';

const search = vi.hoisted(() => ({ answer: { hits: [] as unknown[], total: 0 }, queries: [] as string[] }));
vi.mock('../../../lib/shared/messaging', async (original) => ({
  ...(await original<typeof import('../../../lib/shared/messaging')>()),
  call: vi.fn(async (_to: string, type: string, payload: { query: string }) => {
    if (type !== 'search/query') return { ok: false, error: { code: 'unknown-call', message: type } };
    search.queries.push(payload.query);
    return { ok: true, value: search.answer };
  }),
}));

// Counts whole-library loads by the popup's own connection: the default view must not make any.
const loads = { allMetas: 0 };

/** The popup's connection, as its entrypoint makes it, with whole-library loads counted. */
function popupLibrary(): LibraryConnection {
  const counted = connectLibrary()().then((lib) => {
    const allArticleMetas = lib.allArticleMetas.bind(lib);
    lib.allArticleMetas = () => {
      loads.allMetas += 1;
      return allArticleMetas();
    };
    return lib;
  });
  return () => counted;
}

let library: Library;

beforeEach(async () => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    key === 'uiLocale'
      ? 'zh-CN'
      : subs === undefined
        ? key
        : `${key} ${[subs].flat().join(' ')}`) as typeof fakeBrowser.i18n.getMessage);
  // A Chinese UI: titles sort in pinyin order.
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('zh-CN');
  // jsdom has no IntersectionObserver; the list only needs it to page on scroll.
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
  // The popup follows its window's active tab (for the page's feeds): the fake needs a window.
  await fakeBrowser.windows.create({ focused: true });
  library = await openLibrary();
  await library.upsertArticle(
    makeArticle({ id: 'a', title: '乌克兰局势', savedAt: 3, tags: ['外交'], categories: ['新媒体', 'BBC'] }),
  );
  await library.upsertArticle(makeArticle({ id: 'b', title: 'Harbour notes', savedAt: 2, categories: ['web'] }));
  await library.upsertArticle(makeArticle({ id: 'c', title: '北京的秋天', savedAt: 1, categories: ['新媒体'] }));
  await library.putHighlight(makeHighlight({ id: 'h1', articleId: 'b' }));
});
afterEach(() => {
  cleanup();
  library.close();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const titles = () =>
  within(screen.getByRole('list', { name: 'popupArticleList' }))
    .queryAllByRole('link')
    .map((a) => a.textContent ?? '');

/** Picks `value` in the select named `name`, once the menu offers it (menus fill in as the library loads). */
async function choose(name: string, value: string) {
  const select = (await screen.findByRole('combobox', { name })) as HTMLSelectElement;
  await waitFor(() => expect([...select.options].map((o) => o.value)).toContain(value));
  fireEvent.change(select, { target: { value } });
}

async function organise(title: string) {
  fireEvent.click(await screen.findByRole('button', { name: `popupOrganise ${title}` }));
  return screen.findByRole('group', { name: 'popupTags' });
}

describe('Popup', () => {
  it('shows stored thumbnails and a neutral placeholder, and never an image from the web', async () => {
    // Every article names a hero image on the web; only 'b' has a thumbnail stored.
    await library.upsertArticle(makeArticle({ id: 'a', heroImage: 'https://tracker.test/a.jpg', savedAt: 3 }));
    await library.upsertArticle(makeArticle({ id: 'b', heroImage: 'http://site.test/b.jpg', savedAt: 2 }));
    const asked: string[][] = [];
    const withThumbs = popupLibrary();
    const connection: LibraryConnection = async () => {
      const lib = await withThumbs();
      lib.getThumbnails = async (ids) => {
        asked.push([...ids]);
        return new Map(ids.filter((id) => id === 'b').map((id) => [id, new Blob(['x'], { type: 'image/webp' })]));
      };
      return lib;
    };
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => `blob:thumb/${created.push(blob as Blob)}`);
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { container } = render(<Popup library={connection} />);
    await waitFor(() => expect(container.querySelector('img.thumb')).not.toBeNull());
    expect(asked.at(-1)).toEqual(['a', 'b', 'c']);
    const images = [...container.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(images).toEqual(['blob:thumb/1']);
    expect(container.innerHTML).not.toMatch(/tracker\.test|site\.test/);
    expect(container.querySelectorAll('span.thumb[aria-hidden="true"]')).toHaveLength(2);
    cleanup();
    expect(revoked).toHaveBeenCalledWith('blob:thumb/1');
  });

  it('lists the library newest first on the paged path, without loading every meta', async () => {
    loads.allMetas = 0;
    render(<Popup library={popupLibrary()} />);
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(titles()[0]).toContain('乌克兰局势');
    expect(titles()[2]).toContain('北京的秋天');
    expect(loads.allMetas).toBe(0);
    // Asking for filters is what loads the whole library.
    fireEvent.click(screen.getByRole('button', { name: 'popupFilterSort' }));
    await waitFor(() => expect(loads.allMetas).toBe(1));
  });

  it('adds a tag with suggestions from the library, then filters by it', async () => {
    render(<Popup library={popupLibrary()} />);
    const tags = await organise('Harbour notes');
    const input = within(tags).getByRole('combobox', { name: 'popupTagInput' });
    // The datalist suggests tags used elsewhere in the library.
    await waitFor(() => {
      const list = document.getElementById(input.getAttribute('list') ?? '');
      expect([...(list?.querySelectorAll('option') ?? [])].map((o) => o.value)).toEqual(['外交']);
    });
    fireEvent.input(input, { target: { value: '  外交 ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(async () => expect((await library.getArticleMeta('b'))?.tags).toEqual(['外交']));
    expect(within(tags).getByRole('button', { name: 'popupTagRemove 外交' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'popupFilterSort' }));
    const tagFilter = await screen.findByRole('combobox', { name: 'filterTag' });
    await waitFor(() => expect(within(tagFilter).getByRole('option', { name: '外交 (2)' })).toBeTruthy());
    fireEvent.change(tagFilter, { target: { value: '外交' } });
    await waitFor(() => expect(titles()).toHaveLength(2));
    expect(titles().join()).not.toContain('北京的秋天');
    expect(screen.getByText('popupShownOfTotal_other 3 2')).toBeTruthy();
  });

  it('removes a tag', async () => {
    render(<Popup library={popupLibrary()} />);
    const tags = await organise('乌克兰局势');
    fireEvent.click(within(tags).getByRole('button', { name: 'popupTagRemove 外交' }));
    await waitFor(async () => expect((await library.getArticleMeta('a'))?.tags).toEqual([]));
    await waitFor(() => expect(within(tags).getByText('popupNoTags')).toBeTruthy());
  });

  it('filters by source category and by highlights, and sorts by title', async () => {
    render(<Popup library={popupLibrary()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'popupFilterSort' }));
    await choose('filterCategory', '新媒体');
    await waitFor(() => expect(titles()).toHaveLength(2));
    await choose('filterCategory', '');
    await choose('filterHighlights', 'with');
    await waitFor(() => expect(titles()).toEqual([expect.stringContaining('Harbour notes')]));
    await choose('filterHighlights', 'all');
    await choose('sortBy', 'title');
    // Pinyin: bei (北) before wu (乌), though 乌 U+4E4C comes first in code points.
    await waitFor(() => expect(titles()[0]).toContain('北京的秋天'));
    expect(titles()[1]).toContain('乌克兰局势');
    fireEvent.click(screen.getByRole('button', { name: 'filterClear' }));
    await waitFor(() => expect(titles()[0]).toContain('乌克兰局势'));
  });

  it('filters by feed and by unread, and marks a feed all read', async () => {
    const feed = await newSubscription('https://news.example/feed.xml', 1);
    if (!feed) throw new Error('no subscription');
    await library.putSubscription({ ...feed, title: '新闻订阅' });
    await library.linkFeedArticles(feed.id, ['a', 'c']);
    await library.markFeedArticlesRead(['c', 'b'], 5);
    render(<Popup library={popupLibrary()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'popupFilterSort' }));
    await choose('filterFeed', feed.id);
    const menu = screen.getByRole('combobox', { name: 'filterFeed' }) as HTMLSelectElement;
    expect([...menu.options].map((o) => o.text)).toEqual(['filterFeedAny', '新闻订阅 (2)']);
    await waitFor(() =>
      expect(titles()).toEqual([expect.stringContaining('乌克兰局势'), expect.stringContaining('北京的秋天')]),
    );
    await choose('filterRead', 'unread');
    await waitFor(() => expect(titles()).toEqual([expect.stringContaining('乌克兰局势')]));
    // Only the feed's one unread article is counted, and marking reads it in the library.
    fireEvent.click(screen.getByRole('button', { name: 'feedMarkAllRead_other 1 新闻订阅' }));
    await waitFor(() => expect(screen.getByText('popupNoMatchingArticles')).toBeTruthy());
    const links = new Map((await library.allFeedLinks()).map((l) => [l.articleId, l.readAt]));
    expect(links.get('c')).toBe(5);
    expect(typeof links.get('a')).toBe('number');
    // An article no feed brought in has no read state, and is never "unread".
    expect(links.has('b')).toBe(false);
    await choose('filterFeed', '');
    await waitFor(() => expect(screen.getByText('popupNoMatchingArticles')).toBeTruthy());
    expect(screen.queryByRole('button', { name: /^feedMarkAllRead/ })).toBeNull();
  });

  it('archives and unarchives, and the archive filter follows', async () => {
    render(<Popup library={popupLibrary()} />);
    await organise('北京的秋天');
    fireEvent.click(screen.getByRole('button', { name: 'popupArchive' }));
    await waitFor(async () => expect((await library.getArticleMeta('c'))?.archived).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'popupFilterSort' }));
    await choose('filterArchive', 'archived');
    await waitFor(() => expect(titles()).toEqual([expect.stringContaining('北京的秋天')]));
    // The filtered list is a new list: its rows start closed.
    await organise('北京的秋天');
    fireEvent.click(await screen.findByRole('button', { name: 'popupUnarchive' }));
    await waitFor(async () => expect((await library.getArticleMeta('c'))?.archived).toBe(false));
    await waitFor(() => expect(screen.getByText('popupNoMatchingArticles')).toBeTruthy());
  });

  it('deletes an article with its highlights, and Undo brings both back', async () => {
    render(<Popup library={popupLibrary()} />);
    await organise('Harbour notes');
    fireEvent.click(screen.getByRole('button', { name: 'popupDelete' }));
    await waitFor(() => expect(titles().join()).not.toContain('Harbour notes'));
    expect(await library.getArticle('b')).toBeUndefined();
    expect(await library.listHighlights('b')).toEqual([]);
    expect(screen.getByText('popupDeletedWith_other 1 Harbour notes')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'popupUndo' }));
    await waitFor(async () => expect(await library.getArticleMeta('b')).toMatchObject({ title: 'Harbour notes' }));
    expect((await library.listHighlights('b')).map((h) => h.id)).toEqual(['h1']);
    await waitFor(() => expect(titles().join()).toContain('Harbour notes'), { timeout: 3000 });
    expect(screen.queryByRole('button', { name: 'popupUndo' })).toBeNull();
  });

  it('searches as you type, marks the words in the snippet as elements, and opens the top hit with Enter', async () => {
    search.answer = {
      hits: [
        {
          articleId: 'a',
          title: '乌克兰局势',
          score: 3,
          field: 'body',
          snippet: '…将继续向乌克兰提供援助<img src=x onerror=alert(1)>…',
        },
      ],
      total: 1,
    };
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    render(<Popup library={popupLibrary()} />);
    const box = await screen.findByRole('searchbox', { name: 'popupSearchLabel' });
    fireEvent.input(box, { target: { value: '乌克' } });
    fireEvent.input(box, { target: { value: '乌克兰' } });
    const results = await screen.findByRole('list', { name: 'searchResults' });
    // Debounced: the intermediate query was never sent.
    expect(search.queries).toEqual(['乌克兰']);
    expect([...results.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['乌克兰']);
    expect(results.querySelector('img')).toBeNull();
    expect(results.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(screen.queryByRole('list', { name: 'popupArticleList' })).toBeNull();

    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]?.[0].url).toContain('/reader.html?id=a');
    await waitFor(() => expect(close).toHaveBeenCalled());

    fireEvent.keyDown(box, { key: 'Escape' });
    await screen.findByRole('list', { name: 'popupArticleList' });
  });
});
