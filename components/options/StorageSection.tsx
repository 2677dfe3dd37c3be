/**
 * The options page's Storage: whether the browser keeps the library for good (and a button to
 * ask it to), how much the library and its saved images take, and a way to free the space of
 * archived articles' pictures.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t, uiLanguage } from '../../lib/shared/i18n';
import { formatBytes, type Persistence, persistence, requestPersistence } from '../../lib/ui/storage-persistence';
import { useMounted } from '../shared/use-mounted';
import type { SectionProps } from './OptionsApp';

const STATE_TEXT = {
  granted: 'storagePersistGranted',
  'not-granted': 'storagePersistNotGranted',
  unsupported: 'storagePersistUnsupported',
} as const;

/** The Storage section. */
export function StorageSection({ library }: SectionProps) {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const [state, setState] = useState<Persistence | null>(null);
  const [asking, setAsking] = useState(false);
  const [usage, setUsage] = useState<{ used: number | null; images: number; imageBytes: number } | null>(null);
  const [version, setVersion] = useState(0);
  const [freed, setFreed] = useState('');
  const mounted = useMounted();
  const lang = uiLanguage();

  useEffect(() => {
    void persistence(storage).then((s) => mounted.current && setState(s));
    void Promise.all([
      library().then((lib) => lib.imageUsage()),
      storage?.estimate?.().catch(() => undefined) ?? Promise.resolve(undefined),
    ]).then(
      ([images, estimate]) =>
        mounted.current && setUsage({ used: estimate?.usage ?? null, images: images.images, imageBytes: images.bytes }),
      () => undefined,
    );
  }, [library, storage, mounted, version]);

  const removeArchived = async () => {
    const removed = await (await library()).removeArchivedImages();
    if (!mounted.current) return;
    setFreed(t('storageArchivedRemoved', [formatNumber(removed.images), formatNumber(removed.articles)]));
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
      {usage && (
        <ul class="storage-usage">
          {usage.used !== null && <li>{t('storageUsed', formatBytes(usage.used, lang))}</li>}
          <li>{t('storageImages', [formatNumber(usage.images), formatBytes(usage.imageBytes, lang)])}</li>
        </ul>
      )}
      <button type="button" onClick={() => void removeArchived()}>
        {t('storageRemoveArchivedImages')}
      </button>
      <output aria-live="polite">{freed}</output>
    </>
  );
}
