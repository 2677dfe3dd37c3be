/**
 * The annotation layer in a DOM, with the real library on fake-indexeddb: highlight a Chinese
 * selection, see it drawn and listed, delete and undo, write a paragraph note, and find
 * everything again after a "reload" (a fresh DOM and component). jsdom has no CSS Custom
 * Highlight API, so this exercises the `<mark>` fallback; the browsers' API path is covered
 * end to end.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Annotator, type EditorFrameHost } from '../../../components/annotation/Annotator';
import { changed } from '../../../lib/model';
import type { AnnotationStore } from '../../../lib/shared/highlighting/store';
import { type Library, openLibrary } from '../../../lib/storage';
import { libraryStore } from '../../../lib/ui/library-store';

const ARTICLE = `<p>据报道，美国总统拜登周二表示，将继续向乌克兰提供援助。</p><p>分析人士认为，<b>停火线</b>附近的局势仍然紧张。</p><p>Officials said talks would resume next week.</p>`;

let library: Promise<Library>;
let body: HTMLElement;

/** Renders the article and the annotation layer; `edit` changes the article's text first. */
function mount(
  onLastColor = vi.fn(),
  edit: (body: HTMLElement) => void = () => undefined,
  editorFrame?: EditorFrameHost,
  store: AnnotationStore = libraryStore(library, 'a1'),
) {
  body = document.createElement('div');
  body.className = 'g-body';
  body.innerHTML = ARTICLE;
  edit(body);
  document.body.replaceChildren(body);
  return render(
    <Annotator
      root={body}
      store={store}
      articleId="a1"
      styleTarget={document}
      paragraphNotes
      panel
      lastColor="yellow"
      onLastColor={onLastColor}
      editorFrame={editorFrame}
    />,
    { container: document.body.appendChild(document.createElement('div')) },
  );
}

/** Selects `text` inside the body and lets the component see the selection. */
async function select(text: string) {
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    return screen.findByRole('toolbar', { name: 'hlToolbarLabel' });
  }
  throw new Error(`no ${text}`);
}

beforeEach(async () => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key} ${[subs].flat().join(' ')}`) as typeof fakeBrowser.i18n.getMessage);
  library = openLibrary({ name: `annotator-${Math.random()}` });
});
afterEach(async () => {
  cleanup();
  (await library).close();
  vi.restoreAllMocks();
});

describe('Annotator', () => {
  it('highlights a Chinese selection in a colour, draws it, lists it and stores it', async () => {
    const onLastColor = vi.fn();
    mount(onLastColor);
    const toolbar = await select('乌克兰');
    fireEvent.click(within(toolbar).getByRole('button', { name: 'hlHighlightIn colorBlue' }));
    await waitFor(() => expect(body.querySelector('mark[data-color="blue"]')?.textContent).toBe('乌克兰'));
    expect(onLastColor).toHaveBeenCalledWith('blue');
    const [stored] = await (await library).listHighlights('a1');
    expect(stored).toMatchObject({ kind: 'highlight', color: 'blue', deleted: false });
    expect(stored?.selectors[0]).toMatchObject({ type: 'TextQuoteSelector', exact: '乌克兰' });
    const panel = screen.getByRole('complementary', { name: 'panelLabel' });
    expect(within(panel).getByRole('button', { name: 'panelGoTo 乌克兰' })).toBeTruthy();
  });

  it('highlights across element boundaries with the keyboard shortcut in the last colour', async () => {
    mount();
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const range = document.createRange();
    const start = nodes.find((n) => n.data.includes('分析人士')) as Text;
    const end = nodes.find((n) => n.data.includes('附近')) as Text;
    range.setStart(start, start.data.indexOf('认为'));
    range.setEnd(end, end.data.indexOf('附近') + 2);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    fireEvent.keyDown(document, { key: 'H', code: 'KeyH', altKey: true, shiftKey: true });
    await waitFor(async () => expect(await (await library).listHighlights('a1')).toHaveLength(1));
    const [stored] = await (await library).listHighlights('a1');
    expect(stored?.color).toBe('yellow');
    expect(stored?.selectors[0]).toMatchObject({ exact: '认为，停火线附近' });
    await waitFor(() =>
      expect([...body.querySelectorAll('mark')].map((m) => m.textContent).join('')).toBe('认为，停火线附近'),
    );
  });

  it('deletes with undo, leaving a tombstone until undone', async () => {
    mount();
    fireEvent.click(within(await select('停火线')).getByRole('button', { name: 'hlHighlightIn colorGreen' }));
    const panel = screen.getByRole('complementary', { name: 'panelLabel' });
    fireEvent.click(await within(panel).findByRole('button', { name: 'hlDelete' }));
    await waitFor(() => expect(body.querySelector('mark')).toBeNull());
    const [tomb] = await (await library).listHighlights('a1', { includeDeleted: true });
    expect(tomb?.deleted).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: 'hlUndo' }));
    await waitFor(() => expect(body.querySelector('mark')?.textContent).toBe('停火线'));
    const [back] = await (await library).listHighlights('a1');
    expect(back).toMatchObject({ id: tomb?.id, deleted: false, color: 'green' });
    expect(back?.updatedAt).toBeGreaterThan(tomb?.updatedAt ?? 0);
  });

  it('on a live page edits in a frame of ours: no note box in the page; a delete there offers undo here', async () => {
    const closers = new Set<(deletedId: string | null) => void>();
    const open = vi.fn(
      async (id: string, editing: boolean) => `chrome-extension://glossa/note-frame.html#${id}-${editing}`,
    );
    const onClose = (listener: (deletedId: string | null) => void) => {
      closers.add(listener);
      return () => closers.delete(listener);
    };
    mount(vi.fn(), undefined, { open, openParagraph: vi.fn(), onClose });
    fireEvent.click(within(await select('停火线')).getByRole('button', { name: 'hlAddNote' }));
    const frame = await waitFor(() => {
      const el = document.querySelector('iframe');
      if (!el) throw new Error('no frame yet');
      return el;
    });
    const [stored] = await (await library).listHighlights('a1');
    expect(open).toHaveBeenCalledWith(stored?.id, true);
    expect(frame.getAttribute('src')).toBe(`chrome-extension://glossa/note-frame.html#${stored?.id}-true`);
    expect(frame.title).toBe('hlEditorLabel 停火线');
    expect(document.querySelector('textarea, [role=dialog]')).toBeNull();
    // The frame deleted the highlight and asked to close: the layer offers to undo.
    if (!stored) throw new Error('not stored');
    await (await library).putHighlight(changed(stored, { deleted: true }));
    for (const close of closers) close(stored.id);
    await waitFor(() => expect(document.querySelector('iframe')).toBeNull());
    fireEvent.click(await screen.findByRole('button', { name: 'hlUndo' }));
    await waitFor(async () => expect((await (await library).getHighlight(stored.id))?.deleted).toBe(false));
  });

  it('opens the framed editor on a highlight only once it is stored (drawn at once, stored a moment later)', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const base = libraryStore(library, 'a1');
    const slow: AnnotationStore = {
      ...base,
      put: async (h) => {
        await gate;
        return base.put(h);
      },
    };
    const open = vi.fn(async (id: string) => `chrome-extension://glossa/note-frame.html#${id}`);
    Element.prototype.scrollIntoView = vi.fn();
    mount(vi.fn(), undefined, { open, openParagraph: vi.fn(), onClose: () => () => undefined }, slow);
    fireEvent.click(within(await select('乌克兰')).getByRole('button', { name: 'hlHighlightIn colorBlue' }));
    const panel = screen.getByRole('complementary', { name: 'panelLabel' });
    fireEvent.click(await within(panel).findByRole('button', { name: 'panelGoTo 乌克兰' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(open).not.toHaveBeenCalled();
    release();
    await waitFor(() => expect(open).toHaveBeenCalledOnce());
    expect((await (await library).listHighlights('a1')).map((h) => h.id)).toEqual([open.mock.calls[0]?.[0]]);
  });

  it('adds a note to a whole paragraph from its margin control, and finds it after a reload', async () => {
    const first = mount();
    const control = await screen.findByRole('button', { name: 'paraNoteAdd 2' });
    fireEvent.click(control);
    const dialog = await screen.findByRole('dialog', { name: 'paraNoteLabel 2' });
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'hlNote' }), {
      target: { value: '关于 **停火线** 的背景' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'hlSaveNote' }));
    await waitFor(async () => expect(await (await library).listHighlights('a1')).toHaveLength(1));
    const [note] = await (await library).listHighlights('a1');
    expect(note).toMatchObject({ kind: 'paragraph-note', note: '关于 **停火线** 的背景' });
    expect(note?.selectors.map((s) => s.type)).toEqual([
      'ParagraphSelector',
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);
    first.unmount();

    mount();
    expect(await screen.findByRole('button', { name: 'paraNoteEdit 2' })).toBeTruthy();
    const panel = screen.getByRole('complementary', { name: 'panelLabel' });
    expect(within(panel).getByText('停火线').tagName).toBe('STRONG');
    // The controls are ours: they add nothing to the article's text.
    expect(body.textContent).toBe(new DOMParser().parseFromString(ARTICLE, 'text/html').body.textContent);
    first.unmount();
  });

  it('renders notes as text: no markup from a note reaches the DOM', async () => {
    mount();
    fireEvent.click(within(await select('Officials')).getByRole('button', { name: 'hlAddNote' }));
    const dialog = await screen.findByRole('dialog');
    const hostile = '<img src=x onerror="globalThis.pwned=1"> [x](javascript:alert(1)) *ok*';
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'hlNote' }), { target: { value: hostile } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'hlSaveNote' }));
    const panel = screen.getByRole('complementary', { name: 'panelLabel' });
    await waitFor(() => expect(within(panel).getByText('ok').tagName).toBe('EM'));
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    expect(panel.textContent).toContain('<img src=x onerror="globalThis.pwned=1">');
  });

  it('lists a highlight whose text is gone as an orphan, and re-attaches it to a new selection', async () => {
    const first = mount();
    fireEvent.click(
      within(await select('talks would resume')).getByRole('button', { name: 'hlHighlightIn colorPink' }),
    );
    await waitFor(() => expect(body.querySelector('mark')).not.toBeNull());
    first.unmount();
    // The article changed: the sentence is gone.
    const second = mount(vi.fn(), (changed) =>
      changed.lastElementChild?.replaceChildren('Officials declined to comment on the negotiations.'),
    );
    const orphans = await screen.findByRole('region', { name: 'panelOrphans 1' });
    expect(within(orphans).getByText('talks would resume')).toBeTruthy();
    const reattach = within(orphans).getByRole('button', { name: 'panelReattach' }) as HTMLButtonElement;
    expect(reattach.disabled).toBe(true);
    await select('the negotiations');
    await waitFor(() => expect(reattach.disabled).toBe(false));
    fireEvent.click(reattach);
    await waitFor(() => expect(body.querySelector('mark')?.textContent).toBe('the negotiations'));
    expect(screen.queryByRole('region', { name: 'panelOrphans 1' })).toBeNull();
    second.unmount();
  });

  it('filters the panel by colour, copies a selection, and scrolls to a highlight chosen in the panel', async () => {
    mount();
    fireEvent.click(within(await select('乌克兰')).getByRole('button', { name: 'hlHighlightIn colorBlue' }));
    fireEvent.click(within(await select('停火线')).getByRole('button', { name: 'hlHighlightIn colorPink' }));
    const panel = screen.getByRole('complementary', { name: 'panelLabel' });
    await waitFor(() => expect(within(panel).getAllByRole('button', { name: /^panelGoTo/ })).toHaveLength(2));
    // Reading order, whatever the order of making.
    expect(
      within(panel)
        .getAllByRole('button', { name: /^panelGoTo/ })
        .map((b) => b.textContent),
    ).toEqual(['乌克兰', '停火线']);
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'colorBlue' }));
    expect(
      within(panel)
        .getAllByRole('button', { name: /^panelGoTo/ })
        .map((b) => b.textContent),
    ).toEqual(['停火线']);

    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    fireEvent.click(within(panel).getByRole('button', { name: 'panelGoTo 停火线' }));
    expect(scrolled).toHaveBeenCalled();
    expect((scrolled.mock.contexts[0] as Element).textContent).toContain('停火线');
    expect(await screen.findByRole('dialog', { name: 'hlEditorLabel 停火线' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'hlClose' }));

    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(within(await select('Officials said')).getByRole('button', { name: 'hlCopy' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('Officials said'));
    expect(await screen.findByText('hlCopied')).toBeTruthy();
  });

  it('answers the side panel’s Go to: scrolls to the passage, marks it for a moment, and says when it is not here', async () => {
    let goTo: ((id: string) => boolean) | null = null;
    const requests = (listener: (id: string) => boolean) => {
      goTo = listener;
      return () => {
        goTo = null;
      };
    };
    body = document.createElement('div');
    body.innerHTML = ARTICLE;
    document.body.replaceChildren(body);
    const store = libraryStore(library, 'a1');
    const view = render(
      <Annotator
        root={body}
        store={store}
        articleId="a1"
        styleTarget={document}
        lastColor="yellow"
        onLastColor={vi.fn()}
        goToRequests={requests}
      />,
      { container: document.body.appendChild(document.createElement('div')) },
    );
    fireEvent.click(within(await select('停火线')).getByRole('button', { name: 'hlHighlightIn colorPink' }));
    // The mark is drawn again once the write settles: always ask for the current one.
    const marked = () => body.querySelector('mark[data-color="pink"]')?.classList.contains('glossa-active');
    await waitFor(() => expect(marked()).toBe(false));
    const id = (await (await library).listHighlights('a1'))[0]?.id ?? '';
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    expect(goTo).not.toBeNull();
    const answer = (goTo as unknown as (id: string) => boolean)(id);
    expect(answer).toBe(true);
    expect((scrolled.mock.contexts[0] as Element).textContent).toContain('停火线');
    expect(marked()).toBe(true);
    // The mark is only for a moment (FLASH_MS), and no editor opened for it.
    await waitFor(() => expect(marked()).toBe(false), { timeout: 3_000 });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((goTo as unknown as (id: string) => boolean)('not-here')).toBe(false);
    view.unmount();
    await waitFor(() => expect(goTo).toBeNull());
  });

  it('leaves Alt+Shift+H alone while the reader types, or when nothing is selected', async () => {
    mount();
    const box = document.body.appendChild(document.createElement('textarea'));
    box.focus();
    expect(fireEvent.keyDown(box, { key: 'Ó', code: 'KeyH', altKey: true, shiftKey: true })).toBe(true);
    document.getSelection()?.removeAllRanges();
    expect(fireEvent.keyDown(document.body, { key: 'Ó', code: 'KeyH', altKey: true, shiftKey: true })).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(await (await library).listHighlights('a1')).toEqual([]);
  });
});

describe('Annotator on a live page (paragraph notes in the margin)', () => {
  it('puts the margin controls in its own layer, not the page, and sends a new note to the frame as a draft', async () => {
    // jsdom lays nothing out: give every paragraph a box, one under the other.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const i = [...document.querySelectorAll('p')].indexOf(this as HTMLParagraphElement);
      return DOMRect.fromRect(i < 0 ? { x: 0, y: 0 } : { x: 100, y: 40 * i, width: 500, height: 30 });
    });
    const openParagraph = vi.fn(async () => 'chrome-extension://glossa/note-frame.html#t0ken');
    const frame = { open: vi.fn(), openParagraph, onClose: () => () => undefined };
    body = document.createElement('div');
    body.innerHTML = `<nav><ul><li><a href="/">首页</a></li></ul></nav>${ARTICLE}<footer><p>© 博客</p></footer>`;
    const layer = document.createElement('div');
    document.body.replaceChildren(body, layer);
    const before = body.innerHTML;
    render(
      <Annotator
        root={body}
        store={libraryStore(library, 'a1')}
        articleId=""
        styleTarget={document}
        paragraphNotes="margin"
        lastColor="blue"
        onLastColor={vi.fn()}
        editorFrame={frame}
      />,
      { container: layer },
    );
    // One control per article paragraph (not the menu's or the footer's), numbered as the page
    // counts its paragraphs, and none of them inside the page's body.
    await waitFor(() => expect(layer.querySelectorAll('.g-margin .g-para-btn')).toHaveLength(3));
    const names = [...layer.querySelectorAll('.g-para-btn')].map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['paraNoteAdd 2', 'paraNoteAdd 3', 'paraNoteAdd 4']);
    expect(body.innerHTML).toBe(before);
    const control = screen.getByRole('button', { name: 'paraNoteAdd 3' });
    expect(control.style.top).not.toBe('');
    fireEvent.click(control);
    await waitFor(() => expect(layer.querySelector('iframe')?.getAttribute('src')).toContain('#t0ken'));
    expect(openParagraph).toHaveBeenCalledOnce();
    const [selectors, color] = openParagraph.mock.calls[0] as unknown as [{ type: string }[], string];
    expect(color).toBe('blue');
    expect(selectors.map((s) => s.type)).toEqual(['ParagraphSelector', 'TextQuoteSelector', 'TextPositionSelector']);
    expect(selectors[1]).toMatchObject({ exact: '分析人士认为，停火线附近的局势仍然紧张。' });
    // The page stores nothing: the frame does, if the reader writes a note.
    expect(await (await library).listHighlights('a1')).toEqual([]);
    expect(body.innerHTML).toBe(before);
  });
});
