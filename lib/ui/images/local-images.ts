/**
 * Shows a stored article with its stored pictures: every `<img>` of the (sanitized) body gets an
 * object URL of the saved bytes, and one that was not saved becomes a quiet placeholder that
 * keeps its alt text and says the image was not saved — never a broken box, and never a request
 * to the site the article came from. The placeholder's words come from CSS (`attr()`), not text
 * nodes: the body's text is what highlights are anchored in, and must not change with it.
 */
import { type ArticleImages, isSavedImage } from '../../model';
import type { Library } from '../../storage';

/** Object URLs of an article's saved pictures, by the `src` its HTML names; revoke when done. */
export interface LocalImageUrls {
  /** `src` → object URL, for every saved picture. */
  bySrc: ReadonlyMap<string, string>;
  /** The thumbnail's object URL, if there is one. */
  thumb: string | null;
  /** Revokes every URL (on unmount, or when the images change). */
  revoke(): void;
}

/** The URL functions, injectable for tests. */
export interface UrlMaker {
  create(blob: Blob): string;
  revoke(url: string): void;
}

const browserUrls: UrlMaker = {
  create: (blob) => URL.createObjectURL(blob),
  revoke: (url) => URL.revokeObjectURL(url),
};

/** Object URLs for the pictures `map` holds, one per picture however many sources name it. */
export async function localImageUrls(
  library: Pick<Library, 'getImages'>,
  map: ArticleImages | undefined,
  urls: UrlMaker = browserUrls,
): Promise<LocalImageUrls> {
  const saved = (map?.entries ?? []).filter(isSavedImage);
  const hashes = [...new Set([...saved.map((entry) => entry.hash), ...(map?.thumb ? [map.thumb] : [])])];
  const images = hashes.length > 0 ? await library.getImages(hashes) : new Map();
  const byHash = new Map<string, string>();
  for (const [hash, image] of images) byHash.set(hash, urls.create(image.blob));
  const bySrc = new Map<string, string>();
  for (const entry of saved) {
    const url = byHash.get(entry.hash);
    if (url) bySrc.set(entry.src, url);
  }
  let revoked = false;
  return {
    bySrc,
    thumb: map?.thumb ? (byHash.get(map.thumb) ?? null) : null,
    revoke: () => {
      if (revoked) return;
      revoked = true;
      for (const url of byHash.values()) urls.revoke(url);
    },
  };
}

/** Words of the placeholder (localized by the caller). */
export interface PlaceholderText {
  /** "Image not saved". */
  notSaved: string;
}

/**
 * Points each `<img>` under `root` at its saved copy, or replaces it with a placeholder. `root` is
 * the sanitized body, before it is shown, so no image ever starts loading from the web.
 */
export function showLocalImages(root: Element, urls: ReadonlyMap<string, string>, text: PlaceholderText): void {
  for (const img of [...root.querySelectorAll('img')]) {
    const url = urls.get(img.getAttribute('src') ?? '');
    if (url) {
      img.setAttribute('src', url);
      img.removeAttribute('loading');
      continue;
    }
    img.replaceWith(imagePlaceholder(img, text));
  }
}

/** A placeholder for `img`: named for assistive technology, drawn by CSS, with no text of its own. */
export function imagePlaceholder(img: Element, text: PlaceholderText): Element {
  const alt = (img.getAttribute('alt') ?? '').trim();
  const box = img.ownerDocument.createElement('span');
  box.className = 'g-img-missing';
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', alt ? `${alt} (${text.notSaved})` : text.notSaved);
  box.setAttribute('data-note', text.notSaved);
  if (alt) box.setAttribute('data-alt', alt);
  return box;
}

/** Where {@link pointAtLocalCopies} keeps an image's web address once it shows the saved copy. */
const WEB_SRC = 'data-g-web-src';

/**
 * Points the `<img>`s of a body already on screen at their saved copies, and leaves the others
 * as they are: the reading view over a live page, where the web is at hand and a picture not
 * saved (yet) is no reason to hide it. Only `src` changes, never the text highlights are anchored
 * in, so nothing is re-placed. The web address stays in an attribute, so a later set of copies
 * (a retry that succeeded) finds each image again. Answers how many show a saved copy.
 */
export function pointAtLocalCopies(root: Element, urls: ReadonlyMap<string, string>): number {
  let shown = 0;
  for (const img of root.querySelectorAll('img')) {
    const web = img.getAttribute(WEB_SRC) ?? img.getAttribute('src') ?? '';
    const url = urls.get(web);
    if (!url) continue;
    img.setAttribute(WEB_SRC, web);
    img.setAttribute('src', url);
    img.removeAttribute('srcset');
    // Saved bytes cost no request: as on the reader page, nothing waits for a scroll.
    img.removeAttribute('loading');
    shown++;
  }
  return shown;
}
