/**
 * Finds the library article an imported annotation belongs to: by the annotated document's
 * address first (Glossa's own `urn:glossa:article:<id>`, the URL as given, then its canonical
 * form), else by its quote — the article whose text holds the quoted words, preferring one that
 * also holds them with their context. The library's texts are read only if some annotation needs
 * the second way, and then only once per file.
 */

import type { ArticleMeta } from '../../model';
import { normalizeText } from '../../shared/anchoring';
import { normalizeUrl } from '../../shared/article/ids';
import type { Library } from '../../storage';
import { ARTICLE_URN } from '../export/web-annotation';
import type { IncomingAnnotation } from './annotations-parse';

/** What matching reads from the library. */
export type MatchSource = Pick<Library, 'getArticleMeta' | 'findArticleByUrl' | 'allArticleMetas' | 'getArticle'>;

/** Bodies read at once while scanning the library's texts. */
const SCAN_BATCH = 64;
/** Characters of context that must also agree to tell two articles holding one quote apart. */
const CONTEXT_PROBE = 8;

/** The article behind a document address, if the library has it. */
export async function articleBySource(source: string, library: MatchSource): Promise<ArticleMeta | undefined> {
  if (source.startsWith(ARTICLE_URN)) return library.getArticleMeta(source.slice(ARTICLE_URN.length));
  const direct = await library.findArticleByUrl(source);
  if (direct) return direct;
  const canonical = normalizeUrl(source);
  return canonical && canonical !== source ? library.findArticleByUrl(canonical) : undefined;
}

/** Normalized texts of every article, for finding quotes; read lazily, once. */
export class LibraryTexts {
  private texts: Promise<{ id: string; text: string }[]> | null = null;

  constructor(private readonly library: MatchSource) {}

  /** The id of the article that holds `quote` (with its context when several hold the words). */
  async find(quote: NonNullable<IncomingAnnotation['quote']>): Promise<string | undefined> {
    const texts = await this.load();
    const holding = texts.filter((t) => t.text.includes(quote.exact));
    if (holding.length <= 1) return holding[0]?.id;
    const before = normalizeText(quote.prefix).slice(-CONTEXT_PROBE);
    const after = normalizeText(quote.suffix).slice(0, CONTEXT_PROBE);
    const inContext = holding.filter(
      (t) => t.text.includes(`${before}${quote.exact}`) || t.text.includes(`${quote.exact}${after}`),
    );
    return (inContext[0] ?? holding[0])?.id;
  }

  private load(): Promise<{ id: string; text: string }[]> {
    this.texts ??= (async () => {
      const metas = await this.library.allArticleMetas();
      const out: { id: string; text: string }[] = [];
      for (let i = 0; i < metas.length; i += SCAN_BATCH) {
        const articles = await Promise.all(metas.slice(i, i + SCAN_BATCH).map((m) => this.library.getArticle(m.id)));
        for (const article of articles) if (article) out.push({ id: article.id, text: normalizeText(article.text) });
      }
      return out;
    })();
    return this.texts;
  }
}
