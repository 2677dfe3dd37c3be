/**
 * The eager content script, on every http(s) page: decides whether the page is an article,
 * tells the background when it is (toolbar badge), shows the in-page "Reading view" control on articles,
 * opens the reading view on request, has the highlighting layer loaded on an article page once
 * the reader selects text or first moves the pointer there, and, asked, reports the feeds the
 * page declares. Only wiring: detection, watching, feed links and the control live in lib/ and
 * components/. Extraction, the reading-view UI and the layer are NOT imported here; the
 * background injects them on demand (`/reading-view.js`, `/annotator.js`), keeping this script
 * small.
 *
 * Nothing may escape into the page: every callback is wrapped so an exception stays ours
 * (reported to our console with a prefix, never uncaught), and no global is defined in the
 * page's world.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { GLOSSA_TAG_PREFIX, mountPageControl, PAGE_CONTROL_TAG } from '../components/page/page-control';
import { announceNoteFrameClose, announcePageGoTo, announcePageHighlightsChanged } from '../lib/page/annotator-handle';
import { isProbablyArticle } from '../lib/page/detect/detect';
import { countGestures } from '../lib/page/gestures';
import { collectPageFeeds } from '../lib/page/page-feeds';
import { getReadingView } from '../lib/page/reading-view-handle';
import { forReaderEvents } from '../lib/page/trusted';
import { watchVerdict } from '../lib/page/verdict-watch';
import { call, INVALID, listen } from '../lib/shared/messaging';
import { isRecord } from '../lib/shared/validate/guards';

// Declared in the manifest by wxt.config.ts (`content_scripts`, at `document_idle`) rather than
// through WXT's content-script entrypoint: its context posted our extension id to every page at
// start (`window.postMessage`) and listened for a document event a page could forge to switch us
// off. It existed to stop an older copy of the script; there is none to stop here — nothing
// injects this script, and an updated or reloaded extension runs its new copy in a new world
// (Chrome) or sandbox (Firefox). The signal is for the tidy teardown `start` wires up.
export default defineUnlistedScript(() => {
  guard(() => start(new AbortController().signal))();
});

function start(signal: AbortSignal): void {
  countGestures(window, signal);
  let control: HTMLElement | null = null;
  let dismissed = false;
  let loading = false;

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

  const show = (isArticle: boolean) => {
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
  };

  let isArticleNow = false;
  let badged = false;
  const onVerdict = (isArticle: boolean) => {
    isArticleNow = isArticle;
    show(isArticle);
    // Only an article is news to the background (the toolbar badge), and a page that stops being
    // one takes it back. The badge is the tab's own and resets when the tab navigates, so a page
    // that never was an article — most of the web — sends nothing (bench/FINDINGS.md).
    if (!isArticle && !badged) return;
    badged = isArticle;
    void call('background', 'page/detected', { isArticle });
  };

  // The reader's first selection of text on an article page (a mouse or key released, never a
  // script's synthetic event) loads the highlighting layer, which then takes over and shows its
  // toolbar for this very selection.
  let annotatorRequested = false;
  const onSelectionEnd = forReaderEvents(
    guard(() => {
      if (annotatorRequested || !isArticleNow || getReadingView()?.isOpen()) return;
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || !selection.toString().trim()) return;
      annotatorRequested = true;
      void call('background', 'annotator/load', null);
    }),
  );
  document.addEventListener('mouseup', onSelectionEnd, { signal });
  document.addEventListener('keyup', onSelectionEnd, { signal });
  // On an article page the layer also comes with the reader's first pointer move or Tab, so a
  // paragraph's note control is there without selecting text first. One flag test per event
  // until then; nothing on other pages.
  const onReaderNear = forReaderEvents(
    guard((event: Event) => {
      if (annotatorRequested || !isArticleNow || getReadingView()?.isOpen()) return;
      if (event.type === 'keydown' && (event as KeyboardEvent).key !== 'Tab') return;
      annotatorRequested = true;
      void call('background', 'annotator/load', null);
    }),
  );
  document.addEventListener('mousemove', onReaderNear, { signal, passive: true });
  document.addEventListener('keydown', onReaderNear, { signal, passive: true });

  const stopListening = listen('content', {
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
    // Only when the popup or side panel asks: no page's links are read on load.
    'page/feeds': {
      validate: () => null,
      handle: () => safely(() => collectPageFeeds(document), { feeds: [], contentType: '', looksLikeFeed: false }),
    },
  });
  signal.addEventListener('abort', () => {
    stopListening();
    control?.remove();
  });

  watchVerdict(document, () => safely(() => isProbablyArticle(document), false), guard(onVerdict), signal, {
    ignore: isOurUi,
  });
}

/** Whether a node is one of Glossa's UI hosts, whose changes say nothing about the page. */
function isOurUi(node: Node): boolean {
  return node.nodeName.toLowerCase().startsWith(GLOSSA_TAG_PREFIX);
}

/** `fn` with every exception caught and reported as ours, so the page never sees it uncaught. */
function guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch(report);
    } catch (e) {
      report(e);
    }
  };
}

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (e) {
    report(e);
    return fallback;
  }
}

function report(e: unknown): void {
  console.debug('[Glossa]', e);
}
