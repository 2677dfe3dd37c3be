/**
 * An article's tags: each with a remove button, and a field that adds one, suggesting tags
 * already used in the library (a native <datalist>: keyboard and screen-reader support come
 * with the browser).
 */
import { useState } from 'preact/hooks';
import { t } from '../../lib/shared/i18n';
import { hasTag, MAX_TAG_LENGTH, withoutTag, withTag } from '../../lib/ui/library-view';

/** Props of {@link TagEditor}. */
export interface TagEditorProps {
  /** Used to make element ids unique per article. */
  articleId: string;
  tags: readonly string[];
  /** Tags in use anywhere in the library, for suggestions. */
  knownTags: readonly string[];
  onChange: (tags: readonly string[]) => void;
}

/** Add/remove tags of one article. */
export function TagEditor({ articleId, tags, knownTags, onChange }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const listId = `tags-${articleId}`;
  const add = () => {
    const next = withTag(tags, draft);
    setDraft('');
    if (next !== tags) onChange(next);
  };
  return (
    <fieldset class="tags">
      <legend>{t('popupTags')}</legend>
      {tags.length === 0 ? (
        <p class="none">{t('popupNoTags')}</p>
      ) : (
        <ul class="chips">
          {tags.map((tag) => (
            <li key={tag}>
              <span>{tag}</span>
              <button
                type="button"
                aria-label={t('popupTagRemove', tag)}
                onClick={() => onChange(withoutTag(tags, tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="add">
        <input
          type="text"
          aria-label={t('popupTagInput')}
          list={listId}
          maxLength={MAX_TAG_LENGTH}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <datalist id={listId}>
          {knownTags
            .filter((tag) => !hasTag(tags, tag))
            .map((tag) => (
              <option key={tag} value={tag} />
            ))}
        </datalist>
        <button type="button" onClick={add} disabled={!draft.trim()}>
          {t('popupTagAdd')}
        </button>
      </div>
    </fieldset>
  );
}
