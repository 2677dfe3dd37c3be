/**
 * The side panel for a tab that shows a saved article (live page or stored copy): its title and
 * state, its page note, then its highlights and notes in reading order with a colour filter, then the orphans.
 * Edits are written to the library here; the views that show the article redraw from the
 * library's change channel (and the live page from the background's page watch).
 */
import { useEffect, useState } from 'preact/hooks';
import { type ArticleMeta, HIGHLIGHT_COLORS, type Highlight, type HighlightColor, quoteOf } from '../../lib/model';
import { t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import { readerUrl } from '../../lib/ui/reader-url';
import { shownEntries, toggleColor } from '../../lib/ui/side-panel/filter';
import type { PanelEntries } from '../../lib/ui/side-panel/order';
import { colorName } from '../annotation/color-names';
import { NewPageNote } from './NewPageNote';
import { PanelEntry } from './PanelEntry';

/** Props of {@link ArticleAnnotations}. */
export interface ArticleAnnotationsProps {
  meta: ArticleMeta;
  entries: PanelEntries;
  /** Whether the tab shows the live page (then the panel links to the stored copy). */
  live: boolean;
  onColor: (id: string, color: HighlightColor) => void;
  onNote: (id: string, note: string) => void;
  onDelete: (highlight: Highlight) => void;
  /** Scrolls the followed tab to a highlight. */
  onGoTo: (id: string) => void;
  /** Adds a page note (offered while the article has none). */
  onAddPageNote: (note: string) => void;
}

/**
 * Entries in the first paint, and added each frame after it. A long list (1,000 annotations)
 * would otherwise hold the first paint for the whole of it; the first screen needs a few dozen.
 */
const FIRST_PAINT = 40;
const PER_FRAME = 200;

/** Short text for an entry's title and its controls' names. */
function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** What an entry is called: its quote, or which paragraph its note is on. */
export function entryTitle(h: Highlight): string {
  if (h.kind === 'page-note') return t('pageNoteTitle');
  if (h.kind === 'paragraph-note') {
    const paragraph = h.selectors.find((s) => s.type === 'ParagraphSelector');
    if (paragraph) return t('paraNoteLabel', paragraph.index + 1);
  }
  return clip(quoteOf(h));
}

/** The article's part of the panel. */
export function ArticleAnnotations({
  meta,
  entries,
  live,
  onColor,
  onNote,
  onDelete,
  onGoTo,
  onAddPageNote,
}: ArticleAnnotationsProps) {
  const [hidden, setHidden] = useState<ReadonlySet<HighlightColor>>(new Set());
  const shown = shownEntries(entries.placed, hidden);
  const [limit, setLimit] = useState(FIRST_PAINT);
  useEffect(() => {
    if (limit >= shown.length) return;
    const frame = requestAnimationFrame(() => setLimit((n) => n + PER_FRAME));
    return () => cancelAnimationFrame(frame);
  }, [limit, shown.length]);
  const total = entries.pageNotes.length + entries.placed.length + entries.orphans.length;
  const reader = readerUrl(meta.id);
  const remove = (id: string) => {
    const h = [...entries.pageNotes, ...entries.placed, ...entries.orphans].find((x) => x.id === id);
    if (h) onDelete(h);
  };
  const entryProps = { onColor, onNote, onDelete: remove };
  return (
    <section class="article" aria-labelledby="panel-article-title">
      <h1 id="panel-article-title" lang={meta.lang ?? undefined}>
        {meta.title}
      </h1>
      <p class="state">
        <span>{t('sidePanelSaved')}</span>
        {live && (
          <a href={reader} target="_blank" rel="noopener">
            {t('sidePanelOpenStored')}
          </a>
        )}
      </p>
      {entries.pageNotes.length > 0 ? (
        <ol class="entries page-notes" aria-label={t('pageNoteTitle')}>
          {entries.pageNotes.map((h) => (
            <PanelEntry key={h.id} highlight={h} title={entryTitle(h)} {...entryProps} />
          ))}
        </ol>
      ) : (
        // Keyed by article: a draft never carries over to another article the tab moves to.
        <NewPageNote key={meta.id} onAdd={onAddPageNote} />
      )}
      <h2>{tCount('sidePanelCount', total)}</h2>
      <fieldset class="filter">
        <legend>{t('panelFilter')}</legend>
        {HIGHLIGHT_COLORS.map((color) => (
          <label key={color} data-color={color}>
            <input
              type="checkbox"
              checked={!hidden.has(color)}
              onChange={() => setHidden(toggleColor(hidden, color))}
            />
            {colorName(color)}
          </label>
        ))}
      </fieldset>
      {total === 0 && <p class="help">{t('sidePanelEmpty')}</p>}
      <ol class="entries" aria-label={t('panelLabel')}>
        {shown.slice(0, limit).map((h) => (
          <PanelEntry key={h.id} highlight={h} title={entryTitle(h)} onGoTo={onGoTo} {...entryProps} />
        ))}
      </ol>
      {entries.orphans.length > 0 && limit >= shown.length && (
        <section class="orphans" aria-labelledby="panel-orphans">
          <h2 id="panel-orphans">{t('panelOrphans', entries.orphans.length)}</h2>
          <ol class="entries">
            {entries.orphans.map((h) => (
              <PanelEntry key={h.id} highlight={h} title={entryTitle(h)} orphan {...entryProps} />
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
