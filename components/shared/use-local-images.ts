/**
 * An article's saved pictures (the reader page's stored copy, and the reading view once the
 * article is saved): object URLs of its stored images, loaded with the article, loaded again when the background saves more of them (a retry that succeeded), and
 * revoked once they are no longer shown.
 */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { type LibraryConnection, onImagesChange } from '../../lib/storage';
import { type LocalImageUrls, localImageUrls } from '../../lib/ui/images/local-images';
import { useMounted } from './use-mounted';

/** The article's saved pictures, or null until they are known (render nothing remote meanwhile). */
export function useLocalImages(library: LibraryConnection, articleId: string | null): LocalImageUrls | null {
  const [images, setImages] = useState<LocalImageUrls | null>(null);
  const [version, setVersion] = useState(0);
  const mounted = useMounted();

  useEffect(
    () =>
      onImagesChange((ids) => {
        if (articleId && ids.includes(articleId)) setVersion((v) => v + 1);
      }),
    [articleId],
  );

  useEffect(() => {
    if (!articleId) {
      setImages(null);
      return;
    }
    let cancelled = false;
    void library()
      .then(async (lib) => localImageUrls(lib, await lib.getImageMap(articleId)))
      .then(
        (loaded) => {
          if (cancelled || !mounted.current) return loaded.revoke();
          // Rebuilding the body re-places every highlight and drops a selection in progress: only
          // when the saved pictures changed (a map written with failures only changes nothing shown).
          setImages((current) => {
            if (current && sameSources(current, loaded)) {
              loaded.revoke();
              return current;
            }
            return loaded;
          });
        },
        // Without its pictures the article still shows, with placeholders.
        () => !cancelled && setImages({ bySrc: new Map(), thumb: null, revoke: () => undefined }),
      );
    return () => {
      cancelled = true;
    };
  }, [library, articleId, version, mounted]);

  // The URLs of a set are revoked once the next set is shown, or the reader closes.
  useLayoutEffect(() => () => images?.revoke(), [images]);
  return images;
}

/** Whether two sets show the same saved pictures for the same sources. */
function sameSources(a: LocalImageUrls, b: LocalImageUrls): boolean {
  return a.bySrc.size === b.bySrc.size && [...a.bySrc.keys()].every((src) => b.bySrc.has(src));
}
