/**
 * The options page's Storage: whether the browser keeps the library for good (and a button to
 * ask it to), what the library takes by kind and which articles take the most, a warning in words
 * when the browser refused pictures for lack of space, and a way to free the space of archived
 * articles' pictures.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import type { StorageUsage } from '../../lib/storage';
import { readerUrl } from '../../lib/ui/reader-url';
import { formatBytes, type Persistence, persistence, requestPersistence } from '../../lib/ui/storage-persistence';
import { useMounted } from '../shared/use-mounted';
import type { SectionProps } from './OptionsApp';

const STATE_TEXT = {
  granted: 'storagePersistGranted',
  'not-granted': 'storagePersistNotGranted',
  unsupported: 'storagePersistUnsupported',
} as const;

/** How many of the largest articles are listed. */
const LARGEST = 5;

/** The Storage section. */
export function StorageSection({ library }: SectionProps) {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const [state, setState] = useState<Persistence | null>(null);
  const [asking, setAsking] = useState(false);
  const [usage, setUsage] = useState<{ used: number | null; library: StorageUsage } | null>(null);
  const [version, setVersion] = useState(0);
  const [freed, setFreed] = useState('');
  const mounted = useMounted();

  useEffect(() => {
    void persistence(storage).then((s) => mounted.current && setState(s));
    void Promise.all([
      library().then((lib) => lib.storageUsage(LARGEST)),
      storage?.estimate?.().catch(() => undefined) ?? Promise.resolve(undefined),
    ]).then(
      ([used, estimate]) => mounted.current && setUsage({ used: estimate?.usage ?? null, library: used }),
      () => undefined,
    );
  }, [library, storage, mounted, version]);

  const removeArchived = async () => {
    const removed = await (await library()).removeArchivedImages();
    if (!mounted.current) return;
    setFreed(
      t('storageArchivedRemoved', [
        tCount('countImages', removed.images),
        tCount('countArchivedArticles', removed.articles),
      ]),
    );
    setVersion((v) => v + 1);
  };

  const ask = async () => {
    setAsking(true);
    const answer = await requestPersistence(storage);
    if (!mounted.current) return;
    setState(answer);
    setAsking(false);
  };

  return (
    <>
      <p role="status">{state ? t(STATE_TEXT[state]) : t('storageChecking')}</p>
      {state === 'not-granted' && (
        <button type="button" onClick={ask} disabled={asking}>
          {t('storagePersistButton')}
        </button>
      )}
      {usage && usage.library.quotaRefused > 0 && (
        <p role="alert" class="storage-full">
          {tCount('storageQuotaRefused', usage.library.quotaRefused)}
        </p>
      )}
      {usage && <UsageList used={usage.used} usage={usage.library} />}
      <button type="button" onClick={() => void removeArchived()}>
        {t('storageRemoveArchivedImages')}
      </button>
      <output aria-live="polite">{freed}</output>
    </>
  );
}

/** What the library takes, by kind, then its largest articles. */
function UsageList({ used, usage }: { used: number | null; usage: StorageUsage }) {
  const lang = uiLanguage();
  const size = (bytes: number) => formatBytes(bytes, lang);
  return (
    <>
      <ul class="storage-usage">
        {used !== null && <li>{t('storageUsed', size(used))}</li>}
        <li>{tCount('storageArticles', usage.articles.count, size(usage.articles.bytes))}</li>
        <li>{tCount('storageImages', usage.images.count, size(usage.images.bytes))}</li>
        <li>{t('storageSearchIndex', size(usage.searchIndex.bytes))}</li>
        {usage.trash.count > 0 && <li>{tCount('storageTrash', usage.trash.count, size(usage.trash.bytes))}</li>}
      </ul>
      {usage.largest.length > 0 && (
        <>
          <h3 id="storage-largest">{t('storageLargestHeading')}</h3>
          <ol class="storage-largest" aria-labelledby="storage-largest">
            {usage.largest.map((a) => (
              <li key={a.id}>
                <a href={readerUrl(a.id)}>{a.title}</a>{' '}
                <span>{t('storageLargestSize', [size(a.bytes), size(a.imageBytes)])}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
