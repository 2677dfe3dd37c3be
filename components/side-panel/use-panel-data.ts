/**
 * What the side panel shows for a target, read straight from the library and read again when
 * another context changes it (the library's change channel: a highlight made on the live page,
 * an edit on the stored copy, a sync). The stored copy's text is read once per article version
 * and kept, since it only serves to tell orphans apart and may be long.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleMeta, Highlight } from '../../lib/model';
import { errorText } from '../../lib/shared/error-text';
import { type LibraryConnection, onLibraryChange } from '../../lib/storage';
import { orphanIds, type PanelEntries, panelEntries } from '../../lib/ui/side-panel/order';
import { articleOfTarget, type PanelTarget } from '../../lib/ui/side-panel/target';
import { useMounted } from '../shared/use-mounted';

/** The panel's data for one target. */
export type PanelData =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** The tab shows no article: the panel shows the library. */
  | { kind: 'library' }
  /** A live page that is not saved (it may be an article; the first highlight saves it). */
  | { kind: 'unsaved' }
  | { kind: 'article'; meta: ArticleMeta; entries: PanelEntries; all: Highlight[] };

/** Loads (and keeps fresh) what the panel shows for `target`. */
export function usePanelData(library: LibraryConnection, target: PanelTarget): PanelData {
  const [data, setData] = useState<PanelData>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  const mounted = useMounted();
  // The stored text of the article last shown, by id and content hash.
  const text = useRef<{ key: string; text: string } | null>(null);

  useEffect(
    () =>
      onLibraryChange(() => {
        if (mounted.current) setVersion((v) => v + 1);
      }),
    [mounted],
  );

  useEffect(() => {
    let cancelled = false;
    const load = async (): Promise<PanelData> => {
      if (target.kind === 'other') return { kind: 'library' };
      const lib = await library();
      const meta = await articleOfTarget(lib, target);
      if (!meta) return target.kind === 'live' ? { kind: 'unsaved' } : { kind: 'library' };
      const key = `${meta.id}:${meta.contentHash}`;
      // The text (once per version) and the highlights are read side by side.
      const [stored, all] = await Promise.all([
        text.current?.key === key ? text.current : lib.getArticle(meta.id).then((a) => ({ key, text: a?.text ?? '' })),
        lib.listHighlights(meta.id),
      ]);
      text.current = stored;
      return { kind: 'article', meta, all, entries: panelEntries(all, orphanIds(all, stored.text)) };
    };
    load().then(
      (next) => !cancelled && mounted.current && setData(next),
      (e: unknown) => !cancelled && mounted.current && setData({ kind: 'error', message: errorText(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [library, target, version, mounted]);

  return data;
}
