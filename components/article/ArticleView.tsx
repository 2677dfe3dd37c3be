/**
 * An article laid out for reading: title, byline, source, date, categories, reading time, hero
 * image and body. Shared by the reader page and the in-page reading view. The body arrives as
 * a sanitized DOM (from DOMPurify) and its nodes are moved in: no HTML string is parsed here.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ArticleMeta } from '../../lib/model';
import { formatDate, t } from '../../lib/shared/i18n';

/** Props of {@link ArticleView}. */
export interface ArticleViewProps {
  meta: Pick<
    ArticleMeta,
    'title' | 'author' | 'source' | 'categories' | 'published' | 'heroImage' | 'lang' | 'dir' | 'readingMinutes' | 'url'
  >;
  /** Sanitized body: a detached element whose children are the article body. */
  body: Element;
  /** Image URLs present in the body, so the hero is not shown twice. */
  bodyImages: string[];
  /**
   * Where the hero picture is shown from: a stored article passes its saved copy's URL, or null
   * when none is saved (no hero then, rather than a request to the web). Absent: `meta.heroImage`
   * (the reading view of a live page, whose pictures the page is loading anyway).
   */
  heroSrc?: string | null;
  /** Called with the body element once its content is in place (for the annotation layer). */
  onBody?: (element: HTMLElement) => void;
}

/** Renders one article. */
export function ArticleView({ meta, body, bodyImages, heroSrc, onBody }: ArticleViewProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const target = bodyRef.current;
    if (!target) return;
    target.replaceChildren(...[...body.childNodes].map((node) => target.ownerDocument.importNode(node, true)));
    onBody?.(target);
  }, [body, onBody]);
  const hero = heroSrc === undefined ? meta.heroImage : heroSrc;
  const showHero = meta.heroImage !== null && !bodyImages.some((src) => sameImage(src, meta.heroImage ?? ''));
  const published = formatDate(meta.published);
  return (
    <article lang={meta.lang ?? undefined} dir={meta.dir}>
      <header>
        <h1>{meta.title}</h1>
        <ul class="g-meta">
          {meta.author && <li>{t('readerBy', meta.author)}</li>}
          {meta.source && meta.source !== meta.author && <li>{meta.source}</li>}
          {published && meta.published && (
            <li>
              <time dateTime={meta.published}>{published}</time>
            </li>
          )}
          {meta.readingMinutes > 0 && <li class="g-reading-time">{t('readerReadingTime', meta.readingMinutes)}</li>}
          {meta.categories.length > 0 && (
            <li>
              <ul class="g-categories" aria-label={t('readerCategories')}>
                {meta.categories.map((c, i) => (
                  <li key={`${i}:${c}`}>{c}</li>
                ))}
              </ul>
            </li>
          )}
          {meta.url && (
            <li>
              <a href={meta.url} rel="noopener noreferrer" target="_blank">
                {t('readerOriginal')}
              </a>
            </li>
          )}
        </ul>
      </header>
      {showHero && hero && <img class="g-hero" src={hero} alt="" referrerpolicy="no-referrer" />}
      <div class="g-body" ref={bodyRef} />
    </article>
  );
}

/** Two image URLs name the same picture when they differ at most in query string (CDN resizing). */
function sameImage(a: string, b: string): boolean {
  const strip = (u: string) => u.split(/[?#]/, 1)[0] ?? u;
  return strip(a) === strip(b);
}
