/**
 * The reading view's loader, injected by the background into a tab only when the reader asks
 * for it (built as `/reading-view.js`; see lib/background/tabs/inject.ts). It runs in the
 * content script's isolated world: it extracts and sanitizes the page's article, hands it to
 * the background, and shows the view's extension frame over the page. It registers itself for
 * the content script's later toggles and opens at once: being injected means the reader asked.
 * Only wiring; the frame's mount is components/page/reading-view-frame.ts.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountReadingViewFrame } from '../components/page/reading-view-frame';
import { report } from '../lib/page/guard';
import { pageToSave } from '../lib/page/page-to-save';
import { getReadingView, setReadingView } from '../lib/page/reading-view-handle';
import { call } from '../lib/shared/messaging';

export default defineUnlistedScript(() => {
  try {
    const existing = getReadingView();
    if (existing) return existing.toggle();
    let close: (() => void) | null = null;
    let opening = false;
    const open = async () => {
      opening = true;
      try {
        const answer = await call('background', 'reading-view/open', { page: pageToSave(document) });
        if (!answer.ok || close) return;
        const src = browser.runtime.getURL(`/reading-frame.html#${answer.value.token}`);
        close = mountReadingViewFrame(document, src, () => {
          close = null;
        });
      } finally {
        opening = false;
      }
    };
    const handle = {
      isOpen: () => close !== null,
      toggle: () => {
        if (close) close();
        else if (!opening) void open().catch(report);
      },
      close: () => close?.(),
    };
    setReadingView(handle);
    handle.toggle();
  } catch (e) {
    // Never let an error of ours surface in the page's console as uncaught.
    report(e);
  }
});
