/**
 * Filter and sort controls for the library list, behind a disclosure so the default popup
 * stays one search field and a list. Menus list the tags and source categories in use.
 */
import { formatNumber, type MessageKey, t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import {
  type ArchiveFilter,
  DEFAULT_VIEW,
  type Facet,
  type FeedFacet,
  type HighlightFilter,
  isDefaultView,
  type LibraryView,
  type ReadFilter,
  SORT_KEYS,
  type SortKey,
} from '../../lib/ui/library-view';

const SORT_LABEL: Record<SortKey, MessageKey> = {
  saved: 'sortSaved',
  published: 'sortPublished',
  title: 'sortTitle',
};
const HIGHLIGHT_LABEL: Record<HighlightFilter, MessageKey> = {
  all: 'filterHighlightsAny',
  with: 'filterHighlightsWith',
  without: 'filterHighlightsWithout',
};
const READ_LABEL: Record<ReadFilter, MessageKey> = {
  all: 'filterReadAll',
  unread: 'filterReadUnread',
};
const ARCHIVE_LABEL: Record<ArchiveFilter, MessageKey> = {
  all: 'filterArchiveAll',
  unarchived: 'filterArchiveUnarchived',
  archived: 'filterArchiveArchived',
};

/** Props of {@link LibraryControls}. */
export interface LibraryControlsProps {
  id: string;
  view: LibraryView;
  onView: (view: LibraryView) => void;
  tags: readonly Facet[];
  categories: readonly Facet[];
  /** The subscriptions (the feed and unread filters show only when there are some). */
  feeds: readonly FeedFacet[];
  /** Marks every unread article of feed `feedId` read. */
  onMarkFeedRead: (feedId: string) => void;
}

/** A labelled select over the given options. */
function Choice(props: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const facetOptions = (facets: readonly Facet[], anyLabel: string, current: string | null) => {
  const options = facets.map((f) => ({ value: f.value, label: `${f.value} (${formatNumber(f.count)})` }));
  // A chosen value that no article carries now (its last tag was removed) stays selectable.
  if (current !== null && !facets.some((f) => f.value === current)) options.push({ value: current, label: current });
  return [{ value: '', label: anyLabel }, ...options];
};

/** The filter and sort panel. */
export function LibraryControls({ id, view, onView, tags, categories, feeds, onMarkFeedRead }: LibraryControlsProps) {
  const feed = feeds.find((f) => f.id === view.feed);
  return (
    <fieldset class="controls" id={id} aria-label={t('popupFilterSort')}>
      <Choice
        label={t('filterTag')}
        value={view.tag ?? ''}
        options={facetOptions(tags, t('filterTagAny'), view.tag)}
        onChange={(v) => onView({ ...view, tag: v || null })}
      />
      <Choice
        label={t('filterCategory')}
        value={view.category ?? ''}
        options={facetOptions(categories, t('filterCategoryAny'), view.category)}
        onChange={(v) => onView({ ...view, category: v || null })}
      />
      {feeds.length > 0 && (
        <>
          <Choice
            label={t('filterFeed')}
            value={view.feed ?? ''}
            options={[
              { value: '', label: t('filterFeedAny') },
              ...feeds.map((f) => ({ value: f.id, label: `${f.title} (${formatNumber(f.count)})` })),
            ]}
            onChange={(v) => onView({ ...view, feed: v || null })}
          />
          {feed && feed.unread > 0 && (
            <button type="button" onClick={() => onMarkFeedRead(feed.id)}>
              {tCount('feedMarkAllRead', feed.unread, feed.title)}
            </button>
          )}
          <Choice
            label={t('filterRead')}
            value={view.read}
            options={(Object.keys(READ_LABEL) as ReadFilter[]).map((k) => ({ value: k, label: t(READ_LABEL[k]) }))}
            onChange={(v) => onView({ ...view, read: v as ReadFilter })}
          />
        </>
      )}
      <Choice
        label={t('filterHighlights')}
        value={view.highlights}
        options={(Object.keys(HIGHLIGHT_LABEL) as HighlightFilter[]).map((k) => ({
          value: k,
          label: t(HIGHLIGHT_LABEL[k]),
        }))}
        onChange={(v) => onView({ ...view, highlights: v as HighlightFilter })}
      />
      <Choice
        label={t('filterArchive')}
        value={view.archive}
        options={(Object.keys(ARCHIVE_LABEL) as ArchiveFilter[]).map((k) => ({ value: k, label: t(ARCHIVE_LABEL[k]) }))}
        onChange={(v) => onView({ ...view, archive: v as ArchiveFilter })}
      />
      <Choice
        label={t('sortBy')}
        value={view.sort}
        options={SORT_KEYS.map((k) => ({ value: k, label: t(SORT_LABEL[k]) }))}
        onChange={(v) => onView({ ...view, sort: v as SortKey })}
      />
      <button type="button" disabled={isDefaultView(view)} onClick={() => onView(DEFAULT_VIEW)}>
        {t('filterClear')}
      </button>
    </fieldset>
  );
}
