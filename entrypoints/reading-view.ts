/**
 * The reading view, injected by the background into a tab only when the user asks for it
 * (built as `/reading-view.js`; see lib/background/tabs/inject.ts). It runs in the same isolated world as
 * the content script, registers itself there for the content script's later toggles, and opens
 * at once: being injected means the user asked. Only wiring; the view is in components/.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { openReadingView } from '../components/page/reading-view-overlay';
import { getReadingView, setReadingView } from '../lib/page/reading-view-handle';
import { call } from '../lib/shared/messaging';

export default defineUnlistedScript(() => {
  try {
    const existing = getReadingView();
    if (existing) return existing.toggle();
    let close: (() => void) | null = null;
    const handle = {
      isOpen: () => close !== null,
      toggle: () => {
        try {
          if (close) return close();
          close = openReadingView(
            document,
            async (page) => {
              const answer = await call('background', 'article/save', page);
              return answer.ok ? answer : { ok: false, error: answer.error.message };
            },
            () => {
              close = null;
            },
          );
        } catch (e) {
          console.debug('[Glossa]', e);
        }
      },
    };
    setReadingView(handle);
    handle.toggle();
  } catch (e) {
    // Never let an error of ours surface in the page's console as uncaught.
    console.debug('[Glossa]', e);
  }
});
