/**
 * The list's pictures: the thumbnails the background made when each article was saved, read from
 * the library as object URLs (revoked when the list changes or the popup closes). The popup
 * never loads a picture from the web: opening the library tells no site, and no tracker an
 * article named, that it was opened.
 */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { type LibraryConnection, onImagesChange } from '../../lib/storage';
import { useMounted } from '../shared/use-mounted';

/** Rows whose thumbnails are read at once (a filtered list may show thousands; the rest stay plain). */
const MAX_THUMBS = 500;

/** Object URLs of the thumbnails of `ids` that have one. */
export function useThumbnails(library: LibraryConnection, ids: readonly string[]): ReadonlyMap<string, string> {
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());
  const [version, setVersion] = useState(0);
  const mounted = useMounted();
  const key = ids.slice(0, MAX_THUMBS).join('\n');

  useEffect(
    () =>
      onImagesChange((changed) => {
        if (changed.some((id) => key.split('\n').includes(id))) setVersion((v) => v + 1);
      }),
    [key],
  );

  useEffect(() => {
    if (key === '') return;
    let cancelled = false;
    void library()
      .then((lib) => lib.getThumbnails(key.split('\n')))
      .then(
        (blobs) => {
          if (cancelled || !mounted.current) return;
          setUrls(new Map([...blobs].map(([id, blob]) => [id, URL.createObjectURL(blob)])));
        },
        // Without thumbnails the list still shows, with neutral placeholders.
        () => undefined,
      );
    return () => {
      cancelled = true;
    };
  }, [library, key, version, mounted]);

  // A layout effect: its cleanup is registered at commit, so an unmount right after still revokes.
  useLayoutEffect(() => () => revokeAll(urls), [urls]);
  return urls;
}

function revokeAll(urls: ReadonlyMap<string, string>): void {
  for (const url of urls.values()) URL.revokeObjectURL(url);
}
