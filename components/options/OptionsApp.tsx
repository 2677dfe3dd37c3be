/**
 * The options page: a heading and a list of sections, each its own component with its own
 * heading. A new feature adds its settings by adding one entry to {@link OPTIONS_SECTIONS}.
 */
import type { ComponentType } from 'preact';
import { type MessageKey, t } from '../../lib/shared/i18n';
import type { LibraryConnection } from '../../lib/storage';
import { FeedsSection } from './FeedsSection';
import { LibraryTransfer } from './LibraryTransfer';
import { ReadingSettings } from './ReadingSettings';
import { ShortcutHelp } from './ShortcutHelp';
import { StorageSection } from './StorageSection';
import { SyncSettings } from './SyncSettings';
import { TrashSection } from './TrashSection';

/** What every section is given: the page's connection to the library. */
export interface SectionProps {
  library: LibraryConnection;
}

/** One section of the options page. */
export interface OptionsSection {
  /** Fragment id, so `options.html#reading` links to it. */
  id: string;
  /** The section heading. */
  title: MessageKey;
  /** The section body (rendered below the heading). */
  Component: ComponentType<SectionProps>;
}

/** The sections, in page order. */
export const OPTIONS_SECTIONS: readonly OptionsSection[] = [
  { id: 'reading', title: 'optionsReading', Component: ReadingSettings },
  { id: 'feeds', title: 'optionsFeeds', Component: FeedsSection },
  { id: 'sync', title: 'optionsSync', Component: SyncSettings },
  { id: 'transfer', title: 'transferHeading', Component: LibraryTransfer },
  { id: 'trash', title: 'trashHeading', Component: TrashSection },
  { id: 'storage', title: 'storageHeading', Component: StorageSection },
  { id: 'shortcuts', title: 'optionsShortcuts', Component: ShortcutHelp },
];

/** Props of {@link OptionsApp}. */
export interface OptionsAppProps {
  /** The page's connection to the library (its entrypoint opens it). */
  library: LibraryConnection;
  sections?: readonly OptionsSection[];
}

/** The whole options page. */
export function OptionsApp({ library, sections = OPTIONS_SECTIONS }: OptionsAppProps) {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {sections.length > 1 && (
        <nav aria-label={t('optionsSections')}>
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{t(s.title)}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {sections.map(({ id, title, Component }) => (
        <section key={id} id={id} aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`}>{t(title)}</h2>
          <Component library={library} />
        </section>
      ))}
    </main>
  );
}
