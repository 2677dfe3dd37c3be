/**
 * The note editor of a live page: an extension page in a small iframe over the page
 * (components/annotation/EditorFrame.tsx), so the note is shown and typed where no web page can
 * read it. It redeems its one-time token for the highlight it edits — one of this very tab's
 * page, checked by the background — and then reads and writes that highlight in the library
 * itself, like the reader does. A new paragraph note (a margin control pressed on the page) comes
 * as a draft: nothing is stored until the reader writes a note and saves it, and then the frame
 * stores it — a page never creates one. Closing (Close, Escape, after a delete) goes through the
 * background, which tells the tab's highlighting layer to take the frame away, once the last
 * write is done.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { changed, type Highlight, newHighlight, quoteOf } from '../../lib/model';
import { t } from '../../lib/shared/i18n';
import type { KeysReleased } from '../../lib/shared/keys-released';
import { call } from '../../lib/shared/messaging';
import type { NoteFrameTarget } from '../../lib/shared/messaging/protocol';
import { lastHighlightColor } from '../../lib/shared/settings/highlight-prefs';
import { type LibraryConnection, onLibraryChange } from '../../lib/storage';
import { HighlightEditor } from '../annotation/HighlightEditor';

/** Props of {@link NoteFrameApp}. */
export interface NoteFrameAppProps {
  /** The token from the frame's address. */
  token: string;
  library: LibraryConnection;
  /** The frame's held keys: it closes only once they are up (lib/shared/keys-released.ts). */
  keys: KeysReleased;
}

type LoadState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; highlight: Highlight; editing: boolean; stored: boolean };

/**
 * Asks the background to take the frame away (`deletedId`: offer to undo that delete), once no
 * key is held in it: an Escape's keyup must not be sent to a frame already gone.
 */
function close(keys: KeysReleased, deletedId: string | null = null): void {
  keys.whenReleased(() => void call('background', 'note-frame/close', { deletedId }));
}

/** The whole frame. */
export function NoteFrameApp({ token, library, keys }: NoteFrameAppProps) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let target: NoteFrameTarget | null = null;
    const load = async () => {
      if (!target) return;
      const { highlightId, articleId, draft } = target;
      const found = await (await library()).getHighlight(highlightId);
      const shown =
        found ??
        (draft && newHighlight(articleId, draft.selectors, draft.color, { kind: 'paragraph-note', id: highlightId }));
      if (!shown || shown.deleted || shown.articleId !== articleId) return close(keys);
      const editing = target.editing;
      setState((now) => ({
        kind: 'ready',
        highlight: shown,
        editing: now.kind === 'ready' ? now.editing : editing,
        stored: Boolean(found),
      }));
    };
    void call('background', 'note-frame/highlight', { token }).then((answer) => {
      if (!answer.ok) return setState({ kind: 'failed', message: answer.error.message });
      target = answer.value;
      return load();
    });
    // A change made elsewhere (the reader, another device) shows here too.
    return onLibraryChange((change) => {
      if (change.store === 'highlights') void load();
    });
  }, [token, library, keys]);

  // The last write, which closing waits for: the frame goes away once the note is kept.
  const writing = useRef<Promise<unknown>>(Promise.resolve());
  const closeAfterWrites = (deletedId: string | null = null) => void writing.current.then(() => close(keys, deletedId));

  if (state.kind === 'loading') return null;
  if (state.kind === 'failed') {
    return (
      <p class="g-status" role="alert">
        {t('noteFrameFailed', state.message)}
      </p>
    );
  }
  const { highlight, stored } = state;
  const save = (next: Highlight) => {
    writing.current = library()
      .then((lib) => lib.putHighlight(next))
      .then(
        () => setFailure(null),
        (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)),
      );
    return writing.current;
  };
  return (
    <div class="g-annotator" data-glossa-ui="">
      <HighlightEditor
        highlight={highlight}
        label={t('hlEditorLabel', quoteOf(highlight).slice(0, 60))}
        position={{ top: 0, left: 0 }}
        editing={state.editing}
        onColor={(color) => {
          void lastHighlightColor.setValue(color);
          void save(changed(highlight, { color }));
        }}
        onNote={(note) => {
          // A draft paragraph note is stored only with a note the reader wrote.
          if (stored || note) void save(changed(highlight, { note }));
          else closeAfterWrites();
        }}
        onDelete={() =>
          stored
            ? void save(changed(highlight, { deleted: true })).then(() => close(keys, highlight.id))
            : closeAfterWrites()
        }
        onClose={() => closeAfterWrites()}
      />
      {failure && (
        <p class="g-error" role="alert">
          {t('hlSaveFailed', failure)}
        </p>
      )}
    </div>
  );
}
