/**
 * An in-memory stand-in for the library methods search uses (`SearchStore`), so the search
 * service is tested without IndexedDB; it counts entry writes and body reads, which is what
 * the persistence tests are about. The real Library implements the same methods.
 */
import type { SearchStore } from '../../lib/background/search';
import type { Article, ArticleMeta, Highlight } from '../../lib/model';
import type { SearchDocRecord } from '../../lib/storage';

/** See the module comment. Tests change `articles` and `highlights` directly, as another context would. */
export class FakeStore implements SearchStore {
  readonly articles = new Map<string, Article>();
  readonly highlights = new Map<string, Highlight>();
  readonly docs = new Map<string, SearchDocRecord>();
  /** Records passed to each `putSearchDocs` call. */
  readonly puts: SearchDocRecord[][] = [];
  /** Ids whose article (body included) was read. */
  readonly bodyReads: string[] = [];

  async getArticle(id: string): Promise<Article | undefined> {
    this.bodyReads.push(id);
    const article = this.articles.get(id);
    return article && structuredClone(article);
  }

  async listHighlights(articleId: string): Promise<Highlight[]> {
    return [...this.highlights.values()]
      .filter((h) => h.articleId === articleId && !h.deleted)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  async getHighlight(id: string): Promise<Highlight | undefined> {
    return this.highlights.get(id);
  }

  async allArticleMetas(): Promise<ArticleMeta[]> {
    return [...this.articles.values()].map(({ html: _html, text: _text, ...meta }) => meta);
  }

  async allHighlights(options: { includeDeleted?: boolean } = {}): Promise<Highlight[]> {
    return [...this.highlights.values()].filter((h) => options.includeDeleted || !h.deleted);
  }

  async putSearchDocs(records: readonly SearchDocRecord[]): Promise<void> {
    this.puts.push(structuredClone([...records]));
    for (const record of records) this.docs.set(record.id, structuredClone(record));
  }

  async deleteSearchDocs(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.docs.delete(id);
  }

  async getAllSearchDocs(): Promise<SearchDocRecord[]> {
    return [...this.docs.values()].map((record) => structuredClone(record));
  }
}
