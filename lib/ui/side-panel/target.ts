/**
 * Which article the side panel shows for a tab. The panel follows whatever tab is active, so it
 * must tell from a URL alone whether the tab shows a stored copy (our reader page), a live page
 * that was saved (the same address rule the background applies to pages: `normalizeUrl`, then
 * `articleAt`), or anything else (the panel then shows the library instead).
 */
import type { ArticleMeta } from '../../model';
import { normalizeUrl } from '../../shared/article/ids';
import type { Library } from '../../storage';

/** What a tab shows, as far as the panel is concerned. */
export type PanelTarget =
  /** Our reader page for a stored article. */
  | { kind: 'stored'; articleId: string }
  /** An http(s) page, at its own normalized address (it may or may not be saved). */
  | { kind: 'live'; address: string }
  /** Anything else: a new tab, a browser page, another extension, no URL visible to us. */
  | { kind: 'other' };

/**
 * The target of a tab at `url`. `readerPage` is the absolute URL of our reader page
 * (`runtime.getURL('/reader.html')`), passed in so this stays a pure function.
 */
export function targetOfUrl(url: string | undefined, readerPage: string): PanelTarget {
  if (!url) return { kind: 'other' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'other' };
  }
  const id = parsed.searchParams.get('id');
  parsed.search = '';
  parsed.hash = '';
  // Compared as whole URLs: `origin` is "null" for extension schemes in some engines.
  if (parsed.href === readerPage) {
    return id ? { kind: 'stored', articleId: id } : { kind: 'other' };
  }
  const address = normalizeUrl(url);
  return address ? { kind: 'live', address } : { kind: 'other' };
}

/** Whether two targets name the same thing (the panel reloads only when the target changes). */
export function sameTarget(a: PanelTarget, b: PanelTarget): boolean {
  if (a.kind === 'stored' && b.kind === 'stored') return a.articleId === b.articleId;
  if (a.kind === 'live' && b.kind === 'live') return a.address === b.address;
  return a.kind === b.kind;
}

/** The saved article a target shows, if any (a live page that was never saved has none). */
export async function articleOfTarget(library: Library, target: PanelTarget): Promise<ArticleMeta | undefined> {
  if (target.kind === 'stored') return library.getArticleMeta(target.articleId);
  if (target.kind === 'live') return library.articleAt(target.address);
  return undefined;
}
