/**
 * Search hits in place of the library list: title, where it matched, and the snippet with the
 * query's words emphasised. Snippets are text from the library (which may come from a web page):
 * they are split into pieces and rendered as text nodes and <mark> elements, never as HTML.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { type MessageKey, t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import { emphasise } from '../../lib/ui/library-view';
import { moveFocus } from './list-keys';
import type { SearchHit, SearchState } from './use-search';

const FIELD_LABEL: Record<SearchHit['field'], MessageKey> = {
  title: 'searchInTitle',
  annotations: 'searchInAnnotations',
  body: 'searchInBody',
};

/** Props of {@link SearchResults}. */
export interface SearchResultsProps {
  id: string;
  state: SearchState;
  /** The reader page of an article. */
  hrefOf: (articleId: string) => string;
  onOpen: (articleId: string) => void;
}

/** The snippet as text and <mark> pieces. */
export function Snippet({ text, query }: { text: string; query: string }) {
  return (
    <>{emphasise(text, query).map((piece, i) => (piece.match ? <mark key={i}>{piece.text}</mark> : piece.text))}</>
  );
}

/** The results area of the popup. */
export function SearchResults({ id, state, hrefOf, onOpen }: SearchResultsProps) {
  return (
    <div
      id={id}
      class="results"
      aria-busy={state.kind === 'searching' || (state.kind === 'ready' && state.pending)}
      data-query={state.kind === 'ready' ? state.query : undefined}
    >
      {state.kind === 'searching' && <p role="status">{t('searchSearching')}</p>}
      {state.kind === 'error' && <p role="alert">{t('searchFailed', state.message)}</p>}
      {state.kind === 'ready' && (
        <>
          <p class="count" role="status">
            {state.total === 0 ? t('searchNoMatches', state.query) : tCount('searchMatchCount', state.total)}
          </p>
          {state.hits.length > 0 && (
            <ul class="list" aria-label={t('searchResults')}>
              {state.hits.map((hit) => (
                <Hit key={hit.articleId} hit={hit} query={state.query} href={hrefOf(hit.articleId)} onOpen={onOpen} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function Hit({
  hit,
  query,
  href,
  onOpen,
}: {
  hit: SearchHit;
  query: string;
  href: string;
  onOpen: (id: string) => void;
}) {
  const titleId = `h-${hit.articleId}`;
  const snippetId = `s-${hit.articleId}`;
  return (
    <li class="hit">
      <a
        class="entry"
        href={href}
        aria-labelledby={titleId}
        aria-describedby={snippetId}
        onKeyDown={(e: TargetedKeyboardEvent<HTMLAnchorElement>) => moveFocus(e)}
        onClick={(e) => {
          e.preventDefault();
          onOpen(hit.articleId);
        }}
      >
        <span class="title" id={titleId}>
          {hit.field === 'title' ? <Snippet text={hit.title} query={query} /> : hit.title}
        </span>
        <span class="snippet" id={snippetId}>
          <span class="field">{t(FIELD_LABEL[hit.field])}</span>
          {hit.snippet && (
            <>
              {' · '}
              <Snippet text={hit.snippet} query={query} />
            </>
          )}
        </span>
      </a>
    </li>
  );
}
