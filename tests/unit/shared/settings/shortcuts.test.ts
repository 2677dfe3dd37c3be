/**
 * The shortcut help lists every browser command the manifest declares (a new command without
 * a row would be a shortcut nobody can find), and shows the keys the user actually bound.
 */
import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutsFor, withLiveKeys } from '../../../../lib/shared/settings/shortcuts';
import config from '../../../../wxt.config';

type ManifestFn = (env: { browser: string; manifestVersion: number; mode: string; command: string }) => {
  commands?: Record<string, { suggested_key?: { default?: string } }>;
};

describe('shortcuts', () => {
  it('lists every manifest command with its suggested keys', () => {
    for (const browser of ['chrome', 'firefox']) {
      const manifest = (config.manifest as ManifestFn)({
        browser,
        manifestVersion: 3,
        mode: 'production',
        command: 'build',
      });
      const commands = Object.entries(manifest.commands ?? {});
      expect(commands.map(([name]) => name)).toEqual(
        browser === 'firefox'
          ? ['toggle-reading-view', '_execute_sidebar_action']
          : ['toggle-reading-view', 'open-side-panel'],
      );
      for (const [name, command] of commands) {
        const row = shortcutsFor(browser).find((s) => s.command === name);
        expect(row, name).toBeDefined();
        expect(row?.keys).toBe(command.suggested_key?.default);
      }
    }
  });

  it('lists the in-page highlight shortcuts', () => {
    expect(SHORTCUTS.map((s) => s.keys)).toEqual(expect.arrayContaining(['Alt+Shift+H', 'Alt+Shift+A']));
  });

  it('shows the user binding, an empty binding as unset, and the suggestion when the browser is silent', () => {
    const rows = withLiveKeys(SHORTCUTS, [{ name: 'toggle-reading-view', shortcut: 'Ctrl+Shift+Y' }]);
    expect(rows.find((r) => r.command === 'toggle-reading-view')?.keys).toBe('Ctrl+Shift+Y');
    expect(withLiveKeys(SHORTCUTS, [{ name: 'toggle-reading-view', shortcut: '' }])[0]?.keys).toBe('');
    expect(withLiveKeys(SHORTCUTS, [])[0]?.keys).toBe('Alt+Shift+G');
    expect(rows.find((r) => r.keys === 'Alt+Shift+H')).toBeDefined();
  });
});
