import { describe, expect, it, vi } from 'vitest';
import { createPageWatch } from '../../../../lib/background/tabs/page-watch';

describe('createPageWatch', () => {
  it('tells only the tabs showing a changed article, and forgets tabs that no longer answer', async () => {
    const notify = vi.fn(async (tabId: number) => tabId !== 3);
    const watch = createPageWatch(notify);
    watch.seen(1, 'a');
    watch.seen(2, 'b');
    watch.seen(3, 'a');
    watch.seen(4, null);
    await watch.changed(new Set(['a']));
    expect(notify.mock.calls.map(([id]) => id).sort()).toEqual([1, 3]);
    notify.mockClear();
    await watch.changed(new Set(['a', 'b']));
    expect(notify.mock.calls.map(([id]) => id).sort()).toEqual([1, 2]);
    watch.forget(1);
    notify.mockClear();
    await watch.changed(new Set(['a']));
    expect(notify).not.toHaveBeenCalled();
  });

  it('moves a tab to the article it shows now', async () => {
    const notify = vi.fn(async () => true);
    const watch = createPageWatch(notify);
    watch.seen(7, 'a');
    watch.seen(7, 'b');
    await watch.changed(new Set(['a']));
    expect(notify).not.toHaveBeenCalled();
    await watch.changed(new Set(['b']));
    expect(notify).toHaveBeenCalledWith(7);
  });
});
