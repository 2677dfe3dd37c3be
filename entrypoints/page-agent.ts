/**
 * The page agent: everything Glossa does in a web page beyond deciding whether it is an article.
 * The eager content script only decides (it runs on every page, so it must stay cheap: issue 15);
 * the background injects this script (built as `/page-agent.js`) into the top frame when the page
 * turns out to be an article, and ahead of the reading view or the highlighting layer on any page
 * the reader asks them for. Runs once per frame, however often injected.
 *
 * It counts the reader's gestures, shows the in-page "Reading view" control while the page is an
 * article, loads the highlighting layer once the reader selects text or first moves the pointer
 * there, and answers the background's calls to this tab. Only wiring: the control and the
 * hand-overs live in components/ and lib/.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountPageControl, PAGE_CONTROL_TAG } from '../components/page/page-control';
import { announceNoteFrameClose, announcePageGoTo, announcePageHighlightsChanged } from '../lib/page/annotator-handle';
import { countGestures } from '../lib/page/gestures';
import { guard, safely } from '../lib/page/guard';
import { claimPageAgent } from '../lib/page/page-agent-handle';
import { getReadingView } from '../lib/page/reading-view-handle';
import { forReaderEvents } from '../lib/page/trusted';
import { followVerdict } from '../lib/page/verdict-handle';
import { call, INVALID, listen } from '../lib/shared/messaging';
import { isRecord } from '../lib/shared/validate/guards';

export default defineUnlistedScript(() => {
  guard(() => {
    if (claimPageAgent()) start();
  })();
});

function start(): void {
  // Never aborted: the agent lives as long as its document.
  const { signal } = new AbortController();
  let control: HTMLElement | null = null;
  let dismissed = false;
  let loading = false;
  let isArticleNow = false;

  const toggle = () => {
    const view = getReadingView();
    if (view) return view.toggle();
    if (loading) return;
    loading = true;
    // The injected script opens itself the first time it runs.
    void call('background', 'reading-view/load', null).finally(() => {
      loading = false;
    });
  };

  // The tab's calls first: whatever fails below, the background still reaches this page.
  listen('content', {
    'reading-view/toggle': {
      validate: () => null,
      handle: () => {
        guard(toggle)();
        return null;
      },
    },
    'reading-view/close': {
      validate: () => null,
      handle: () => {
        guard(() => getReadingView()?.close())();
        return null;
      },
    },
    'note-frame/close': {
      validate: (p) =>
        isRecord(p) && (p.deletedId === null || typeof p.deletedId === 'string') ? { deletedId: p.deletedId } : INVALID,
      handle: ({ deletedId }) => {
        guard(() => announceNoteFrameClose(deletedId))();
        return null;
      },
    },
    'highlights/changed': {
      validate: () => null,
      handle: () => {
        guard(announcePageHighlightsChanged)();
        return null;
      },
    },
    'highlights/go-to': {
      validate: (p) => (isRecord(p) && typeof p.id === 'string' && p.id.length <= 64 ? { id: p.id } : INVALID),
      handle: ({ id }) => safely(() => announcePageGoTo(id), false),
    },
  });
  countGestures(window, signal);

  followVerdict(
    guard((isArticle: boolean) => {
      isArticleNow = isArticle;
      if (isArticle && !control && !dismissed) {
        // The control of a copy of this script that the extension's update orphaned (Firefox runs
        // the new copy in the same tab): only ours answers.
        for (const stale of document.querySelectorAll(PAGE_CONTROL_TAG)) stale.remove();
        control = mountPageControl(document, {
          onOpen: guard(toggle),
          onDismiss: guard(() => {
            dismissed = true;
            control?.remove();
            control = null;
          }),
        });
      } else if (!isArticle && control) {
        control.remove();
        control = null;
      }
    }),
  );

  // The reader's first selection of text on an article page (a mouse or key released, never a
  // script's synthetic event) loads the highlighting layer, which then takes over and shows its
  // toolbar for this very selection. The layer also comes with the reader's first pointer move or
  // Tab there, so a paragraph's note control is there without selecting text first.
  let annotatorRequested = false;
  const wantsAnnotator = () => !annotatorRequested && isArticleNow && !getReadingView()?.isOpen();
  const loadAnnotator = () => {
    annotatorRequested = true;
    void call('background', 'annotator/load', null);
  };
  const onSelectionEnd = forReaderEvents(
    guard(() => {
      if (!wantsAnnotator()) return;
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || !selection.toString().trim()) return;
      loadAnnotator();
    }),
  );
  document.addEventListener('mouseup', onSelectionEnd, { signal });
  document.addEventListener('keyup', onSelectionEnd, { signal });
  const onReaderNear = forReaderEvents(
    guard((event: Event) => {
      if (!wantsAnnotator()) return;
      if (event.type === 'keydown' && (event as KeyboardEvent).key !== 'Tab') return;
      loadAnnotator();
    }),
  );
  document.addEventListener('mousemove', onReaderNear, { signal, passive: true });
  document.addEventListener('keydown', onReaderNear, { signal, passive: true });
}
