/**
 * The side panel: first the page note (a note on the whole article), then the highlights and
 * notes in reading order, filterable by colour; choosing one scrolls to it. Below, the orphans: annotations whose text is gone, each with its
 * quote, a way to re-attach it to a new selection, and a way to delete it.
 */
import { useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor, quoteOf } from '../../lib/model';
import type { Placed } from '../../lib/shared/highlighting/placement';
import { t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import { colorName } from './color-names';
import { NoteText } from './NoteText';
import { PageNotes } from './PageNotes';

/** Props of {@link AnnotationPanel}. */
export interface AnnotationPanelProps {
  placed: readonly Placed[];
  orphans: readonly Highlight[];
  /** The article's live page notes (shown first, in the full panel only). */
  pageNotes?: readonly Highlight[];
  /** Writes a page note (`existing` null: a new one; an empty note deletes). */
  onPageNote?: (existing: Highlight | null, note: string) => void;
  /** 1-based number of a paragraph note's paragraph, for its label. */
  paragraphNumber: (placed: Placed) => number;
  /** Whether there is a selection an orphan could be re-attached to. */
  canReattach: boolean;
  onGoTo: (id: string) => void;
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
  onReattach: (id: string) => void;
  /** Only the orphans, in a small floating box, and nothing when there are none (live pages). */
  compact?: boolean;
}

/** Short text for a list entry. */
function clip(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The panel. */
export function AnnotationPanel(props: AnnotationPanelProps) {
  const { placed, orphans, paragraphNumber, canReattach, onGoTo, onEdit, onDelete, onReattach, compact } = props;
  const pageNotes = props.pageNotes ?? [];
  const [hidden, setHidden] = useState<ReadonlySet<HighlightColor>>(new Set());
  const shown = placed.filter((p) => p.highlight.kind === 'paragraph-note' || !hidden.has(p.highlight.color));
  const toggle = (color: HighlightColor) => {
    const next = new Set(hidden);
    if (next.has(color)) next.delete(color);
    else next.add(color);
    setHidden(next);
  };
  if (compact) {
    return orphans.length === 0 ? null : (
      <aside class="g-panel g-panel-compact" aria-label={t('panelLabel')} data-glossa-ui="">
        <Orphans orphans={orphans} canReattach={canReattach} onDelete={onDelete} onReattach={onReattach} />
      </aside>
    );
  }
  return (
    <aside class="g-panel" aria-label={t('panelLabel')} data-glossa-ui="">
      {props.onPageNote && <PageNotes notes={pageNotes} onSave={props.onPageNote} onDelete={(h) => onDelete(h.id)} />}
      <h2>{tCount('panelCount', pageNotes.length + placed.length + orphans.length)}</h2>
      <fieldset class="g-filter">
        <legend>{t('panelFilter')}</legend>
        {HIGHLIGHT_COLORS.map((color) => (
          <label key={color} data-color={color}>
            <input type="checkbox" checked={!hidden.has(color)} onChange={() => toggle(color)} />
            {colorName(color)}
          </label>
        ))}
      </fieldset>
      {pageNotes.length + placed.length + orphans.length === 0 && <p class="g-help">{t('panelEmpty')}</p>}
      <p class="g-help">{t('hlShortcutHelp')}</p>
      <ol class="g-items">
        {shown.map((p) => {
          const h = p.highlight;
          const title =
            h.kind === 'paragraph-note'
              ? t('paraNoteLabel', paragraphNumber(p))
              : clip(quoteOf(h) || p.range.toString());
          return (
            <li key={h.id} data-color={h.kind === 'highlight' ? h.color : undefined} data-kind={h.kind}>
              <button type="button" class="g-goto" aria-label={t('panelGoTo', title)} onClick={() => onGoTo(h.id)}>
                {title}
              </button>
              {h.note && <NoteText note={h.note} />}
              <div class="g-row">
                <button type="button" onClick={() => onEdit(h.id)}>
                  {h.note ? t('hlEditNote') : t('hlAddNote')}
                </button>
                <button type="button" onClick={() => onDelete(h.id)}>
                  {h.kind === 'paragraph-note' ? t('hlDeleteNote') : t('hlDelete')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {orphans.length > 0 && (
        <Orphans orphans={orphans} canReattach={canReattach} onDelete={onDelete} onReattach={onReattach} />
      )}
    </aside>
  );
}

/** The orphans section: quote, note, re-attach, delete. */
function Orphans({
  orphans,
  canReattach,
  onDelete,
  onReattach,
}: Pick<AnnotationPanelProps, 'orphans' | 'canReattach' | 'onDelete' | 'onReattach'>) {
  return (
    <section class="g-orphans" aria-label={t('panelOrphans', orphans.length)}>
      <h3>{t('panelOrphans', orphans.length)}</h3>
      <p class="g-help">{t('panelOrphansHelp')}</p>
      <ol class="g-items">
        {orphans.map((h) => (
          <li key={h.id} data-color={h.color}>
            <blockquote>{clip(quoteOf(h))}</blockquote>
            {h.note && <NoteText note={h.note} />}
            <div class="g-row">
              <button type="button" disabled={!canReattach} onClick={() => onReattach(h.id)}>
                {t('panelReattach')}
              </button>
              <button type="button" onClick={() => onDelete(h.id)}>
                {t('hlDelete')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
