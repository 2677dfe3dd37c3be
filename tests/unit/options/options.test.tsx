/**
 * The options page in a DOM with the fake browser's storage: every reading setting is saved
 * as soon as it changes, the preview follows, the page follows changes made elsewhere, and the
 * shortcut table lists the browser command and the in-page keys. Strings are message keys.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { FunctionComponent } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OPTIONS_SECTIONS, OptionsApp } from '../../../components/options/OptionsApp';
import { lastHighlightColor } from '../../../lib/shared/settings/highlight-prefs';
import { DEFAULT_READER_PREFS, loadReaderPrefs, saveReaderPrefs } from '../../../lib/shared/settings/reader-prefs';
import { connectLibrary } from '../../../lib/storage';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key} ${[subs].flat().join(' ')}`) as typeof fakeBrowser.i18n.getMessage);
  // The Storage section formats sizes in the UI language.
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const preview = () => document.querySelector('.preview .glossa-reader') as HTMLElement;

describe('options page', () => {
  it('renders each section under its own heading, in order', () => {
    render(<OptionsApp library={connectLibrary()} />);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(
      OPTIONS_SECTIONS.map((section) => section.title),
    );
    expect(OPTIONS_SECTIONS.map((section) => section.id)).toEqual(expect.arrayContaining(['reading', 'shortcuts']));
    expect(screen.getByRole('region', { name: 'optionsReading' })).toBeTruthy();
  });

  it('takes more sections without changes to the page', () => {
    const Extra: FunctionComponent = () => <p>extra body</p>;
    render(
      <OptionsApp
        library={connectLibrary()}
        sections={[...OPTIONS_SECTIONS, { id: 'extra', title: 'optionsTitle', Component: Extra }]}
      />,
    );
    const extra = screen.getByRole('region', { name: 'optionsTitle' });
    expect(within(extra).getByText('extra body')).toBeTruthy();
    expect(
      within(screen.getByRole('navigation'))
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual([...OPTIONS_SECTIONS.map((section) => `#${section.id}`), '#extra']);
  });

  it('saves every reading setting at once and the preview follows', async () => {
    render(<OptionsApp library={connectLibrary()} />);
    const section = await screen.findByRole('region', { name: 'optionsReading' });
    fireEvent.click(await within(section).findByRole('radio', { name: 'themeSepia' }));
    fireEvent.change(within(section).getByRole('combobox', { name: 'optionsFont' }), { target: { value: 'serif' } });
    fireEvent.input(within(section).getByRole('slider', { name: 'readerFontSize' }), { target: { value: '24' } });
    fireEvent.change(within(section).getByRole('combobox', { name: 'optionsLineSpacing' }), {
      target: { value: 'loose' },
    });
    fireEvent.change(within(section).getByRole('combobox', { name: 'optionsWidth' }), { target: { value: 'narrow' } });
    await waitFor(async () =>
      expect(await loadReaderPrefs()).toEqual({
        theme: 'sepia',
        font: 'serif',
        fontSize: 24,
        lineSpacing: 'loose',
        width: 'narrow',
      }),
    );
    expect(preview().dataset.theme).toBe('sepia');
    expect(preview().dataset.font).toBe('serif');
    expect(preview().style.getPropertyValue('--g-font-size')).toBe('24px');
    expect(preview().style.getPropertyValue('--g-width-scale')).toBe('0.8');
    expect(within(section).getByRole('slider', { name: 'readerFontSize' }).getAttribute('aria-valuetext')).toBe(
      'readerFontSizeValue 24',
    );
    await waitFor(() => expect(within(section).getByText('optionsSaved').getAttribute('role')).toBe('status'));
  });

  it('sets the default highlight colour', async () => {
    render(<OptionsApp library={connectLibrary()} />);
    const group = await screen.findByRole('group', { name: 'optionsHighlightColor' });
    expect((within(group).getByRole('radio', { name: 'colorYellow' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(group).getByRole('radio', { name: 'colorPurple' }));
    await waitFor(async () => expect(await lastHighlightColor.getValue()).toBe('purple'));
  });

  it('follows a change made in a reader tab', async () => {
    render(<OptionsApp library={connectLibrary()} />);
    const dark = (await screen.findByRole('radio', { name: 'themeDark' })) as HTMLInputElement;
    expect(dark.checked).toBe(false);
    await act(async () => {
      await saveReaderPrefs({ ...DEFAULT_READER_PREFS, theme: 'dark' });
    });
    await waitFor(() => expect(dark.checked).toBe(true));
  });

  it('lists the shortcuts with the keys the user bound', async () => {
    vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation((async () => [
      { name: 'toggle-reading-view', shortcut: 'Ctrl+Shift+Y', description: '' },
      { name: 'open-side-panel', shortcut: 'Alt+Shift+S', description: '' },
    ]) as unknown as typeof fakeBrowser.commands.getAll);
    render(<OptionsApp library={connectLibrary()} />);
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getByText('Ctrl+Shift+Y')).toBeTruthy());
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'Ctrl+Shift+YcommandToggleReadingViewshortcutWhereBrowser',
      'Alt+Shift+ScommandOpenSidePanelshortcutWhereBrowser',
      'Alt+Shift+HshortcutHighlightshortcutWhereSelection',
      'Alt+Shift+AshortcutToolbarshortcutWhereSelection',
      '↑ ↓ Home EndshortcutListMoveshortcutWhereList',
    ]);
  });

  it('says "not set" for a command the browser left unbound, and opens the browser’s shortcut page', async () => {
    vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation((async () => [
      { name: 'toggle-reading-view', shortcut: '', description: '' },
    ]) as unknown as typeof fakeBrowser.commands.getAll);
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((async () => ({
      id: 1,
    })) as unknown as typeof fakeBrowser.tabs.create);
    render(<OptionsApp library={connectLibrary()} />);
    const table = await screen.findByRole('table');
    const first = within(table).getAllByRole('row')[1];
    expect(first?.textContent).toBe('optionsShortcutUnsetcommandToggleReadingViewshortcutWhereBrowser');
    fireEvent.click(screen.getByRole('button', { name: 'optionsShortcutsOpen' }));
    await waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' }));
  });
});
