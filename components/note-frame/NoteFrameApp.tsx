/**
 * The note editor of a live page: an extension page in a small iframe over the page
 * (components/annotation/EditorFrame.tsx), so the note is shown and typed where no web page can
 * read it. It redeems its one-time token for the highlight it edits — one of this very tab's
 * page, checked by the background — and then reads and writes that highlight in the library
 * itself, like the reader does. Closing (Close, Escape, after a delete) goes through the
 * background, which tells the tab's highlighting layer to take the frame away.
 */
import { useEffect, useState } from 'preact/hooks';
import { changed, type Highlight, quoteOf } from '../../lib/model';
import { t } from '../../lib/shared/i18n';
import { call } from '../../lib/shared/messaging';
import { lastHighlightColor } from '../../lib/shared/settings/highlight-prefs';
import { type LibraryConnection, onLibraryChange } from '../../lib/storage';
import { HighlightEditor } from '../annotation/HighlightEditor';

/** Props of {@link NoteFrameApp}. */
export interface NoteFrameAppProps {
  /** The token from the frame's address. */
  token: string;
  library: LibraryConnection;
}

type LoadState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; highlight: Highlight; editing: boolean };

/** Asks the background to take the frame away (`deletedId`: offer to undo that delete). */
function close(deletedId: string | null = null): void {
  void call('background', 'note-frame/close', { deletedId });
}

/** The whole frame. */
export function NoteFrameApp({ token, library }: NoteFrameAppProps) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let target: { highlightId: string; articleId: string; editing: boolean } | null = null;
    const load = async () => {
      if (!target) return;
      const found = await (await library()).getHighlight(target.highlightId);
      if (!found || found.deleted || found.articleId !== target.articleId) return close();
      const editing = target.editing;
      setState((now) => ({ kind: 'ready', highlight: found, editing: now.kind === 'ready' ? now.editing : editing }));
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
  }, [token, library]);

  if (state.kind === 'loading') return null;
  if (state.kind === 'failed') {
    return (
      <p class="g-status" role="alert">
        {t('noteFrameFailed', state.message)}
      </p>
    );
  }
  const { highlight } = state;
  const save = (next: Highlight) =>
    library()
      .then((lib) => lib.putHighlight(next))
      .then(
        () => setFailure(null),
        (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)),
      );
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
        onNote={(note) => void save(changed(highlight, { note }))}
        onDelete={() => void save(changed(highlight, { deleted: true })).then(() => close(highlight.id))}
        onClose={() => close()}
      />
      {failure && (
        <p class="g-error" role="alert">
          {t('hlSaveFailed', failure)}
        </p>
      )}
    </div>
  );
}
