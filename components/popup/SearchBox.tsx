/**
 * The popup's search field. Typing searches (debounced by the caller's hook); Enter opens the
 * top hit, ArrowDown moves into the results, Escape clears the query (and only closes the
 * popup when there is nothing to clear).
 */
import { t } from '../../lib/shared/i18n';

/** Props of {@link SearchBox}. */
export interface SearchBoxProps {
  query: string;
  onQuery: (query: string) => void;
  /** Enter: open the first hit. */
  onSubmit: () => void;
  /** ArrowDown: move focus into the results. */
  onArrowDown: () => void;
  /** Id of the element the results appear in. */
  controls: string;
}

/** A labelled search input. */
export function SearchBox({ query, onQuery, onSubmit, onArrowDown, controls }: SearchBoxProps) {
  return (
    <search class="search">
      <input
        type="search"
        aria-label={t('popupSearchLabel')}
        placeholder={t('popupSearchPlaceholder')}
        aria-controls={controls}
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onSubmit();
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            onArrowDown();
          } else if (e.key === 'Escape' && query) {
            e.preventDefault();
            onQuery('');
          }
        }}
      />
    </search>
  );
}
