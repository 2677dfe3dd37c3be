/**
 * Search as the background runs it: an in-memory {@link SearchIndex} kept in step with the
 * library and persisted — a snapshot of the whole index, plus one entry per article (its
 * title and notes, and its body's terms while it is newer than the snapshot) — so a restarted
 * service worker loads it instead of re-tokenizing every body, then catches up with what
 * changed while it was not running (reconcile). An edit writes that article's entry only; a
 * new snapshot is written once a tenth of the articles have changed since the last.
 *
 * Every mutation runs in one queue, so a change event arriving during the start-up load is
 * applied after it, never lost or applied twice.
 */

import type { SearchHitView } from '../../model';
import type { SearchDocRecord } from '../../storage';
import { fingerprintOf, notesOf, searchDocOf } from './article-doc';
import type { BodyBuckets } from './collector';
import { docDataOf, type SearchDocData } from './doc-terms';
import { entryRecord, readPersisted, snapshotRecord } from './persisted';
import { type SearchField, SearchIndex } from './search-index';
import type { ReconcileReport, SearchServiceOptions, SearchStore } from './service-types';
import { snippet } from './snippet';

/** Articles indexed per storage write. */
const BATCH = 50;

/** What the load found: entries indexed, and ids of entries it could not read. */
interface Loaded {
  loaded: number;
  unreadable: string[];
}

/** The search service of one background. */
export class SearchService {
  private index = new SearchIndex();
  /** Title and note texts of each indexed article, for hits and snippets. */
  private readonly shown = new Map<string, { title: string; notes: string[] }>();
  /** Fingerprint of each article's entry. */
  private readonly fingerprints = new Map<string, string>();
  /** Articles whose entry carries its body's terms: changed since the snapshot. */
  private readonly journal = new Set<string>();
  private readonly journalMin: number;
  private queue: Promise<unknown> = Promise.resolve();
  private started: Promise<ReconcileReport> | null = null;
  private loading: Promise<Loaded> | null = null;
  /** Whether the persisted index is in memory; until then updates go to storage only. */
  private loaded = false;

  constructor(
    private readonly store: SearchStore,
    options: SearchServiceOptions = {},
  ) {
    this.journalMin = options.journalMin ?? 200;
  }

  /** Number of indexed articles. */
  get size(): number {
    return this.index.size;
  }

  /**
   * Loads the persisted index, then reconciles it with the library; once (later calls share
   * it), or again after a failure. Queries wait for the load only: while a long reconcile
   * (a first start over a big library) runs, they answer from what is loaded so far.
   */
  start(): Promise<ReconcileReport> {
    if (!this.started) {
      const loading = this.enqueue(() => this.load());
      const started = this.enqueue(async () => this.reconcile(await loading));
      this.loading = loading;
      this.started = started;
      started.catch(() => {
        this.started = null;
        this.loading = null;
      });
    }
    return this.started;
  }

  /**
   * Brings the entries of these articles up to date: (re-)indexes those that exist, drops those
   * that do not. Before {@link start}, only storage is updated: the load reads it later.
   */
  update(articleIds: Iterable<string>): Promise<void> {
    const ids = [...new Set(articleIds)];
    return this.enqueue(async () => {
      for (let i = 0; i < ids.length; i += BATCH) await this.refresh(ids.slice(i, i + BATCH), false);
      await this.snapshotIfDue(false);
    });
  }

  /** Articles whose highlights these are (tombstones included: a deletion changes the notes). */
  async articlesOfHighlights(highlightIds: Iterable<string>): Promise<string[]> {
    const found = await Promise.all([...new Set(highlightIds)].map((id) => this.store.getHighlight(id)));
    return [...new Set(found.flatMap((h) => (h ? [h.articleId] : [])))];
  }

  /** Hits for `query`, best first, with snippets; waits for the start-up load. */
  async query(query: string, limit = 20): Promise<{ hits: SearchHitView[]; total: number }> {
    this.start().catch(() => undefined);
    await this.loading;
    const { hits, total } = this.index.query(query, limit);
    const views = await Promise.all(
      hits.map(
        async (hit): Promise<SearchHitView> => ({
          articleId: hit.id,
          title: this.shown.get(hit.id)?.title ?? '',
          score: hit.score,
          field: hit.field,
          snippet: await this.snippetOf(hit.id, hit.field, query),
        }),
      ),
    );
    return { hits: views, total };
  }

  /** The snippet from the field that matched; a body is read from storage for it. */
  private async snippetOf(id: string, field: SearchField, query: string): Promise<string | null> {
    const shown = this.shown.get(id);
    if (field === 'title') return shown ? snippet(shown.title, query) : null;
    if (field === 'annotations') {
      for (const note of shown?.notes ?? []) {
        const found = snippet(note, query);
        if (found) return found;
      }
      return null;
    }
    const article = await this.store.getArticle(id);
    return article ? snippet(article.text, query) : null;
  }

  /**
   * The snapshot, then the entries over it: an entry with body terms replaces its article's
   * postings; one without must match the fingerprint the snapshot holds for it, or it is stale.
   */
  private async load(): Promise<Loaded> {
    const { snapshot, entries, unreadable } = readPersisted(await this.store.getAllSearchDocs());
    const snapped = new Map<string, string>();
    if (snapshot) {
      this.index = SearchIndex.unpack(snapshot);
      for (const [slot, id] of snapshot.ids.entries()) snapped.set(id, snapshot.fingerprints[slot] ?? '');
    }
    for (const [id, data] of entries) {
      if (data.body) {
        this.index.addData(id, data);
        this.journal.add(id);
      } else if (snapped.get(id) !== data.fingerprint) {
        unreadable.push(id);
        continue;
      }
      this.remember(id, data);
    }
    for (const id of snapped.keys()) if (!this.fingerprints.has(id)) this.index.remove(id);
    this.index.compact();
    this.loaded = true;
    return { loaded: this.fingerprints.size, unreadable };
  }

  /** Indexes what is new or changed since the entries were written, drops what is gone. */
  private async reconcile({ loaded, unreadable }: Loaded): Promise<ReconcileReport> {
    const [metas, highlights] = await Promise.all([this.store.allArticleMetas(), this.store.allHighlights()]);
    const byArticle = new Map<string, typeof highlights>();
    for (const h of highlights) {
      const list = byArticle.get(h.articleId);
      if (list) list.push(h);
      else byArticle.set(h.articleId, [h]);
    }
    const stale = metas
      .filter((meta) => this.fingerprints.get(meta.id) !== fingerprintOf(meta, notesOf(byArticle.get(meta.id) ?? [])))
      .map((meta) => meta.id);
    const present = new Set(metas.map((meta) => meta.id));
    const gone = [...this.fingerprints.keys(), ...unreadable].filter((id) => !present.has(id));
    // Many to index (a first start): their entries go without body terms, the snapshot after
    // holds them. Until it is written, those entries match no snapshot and count as stale.
    const bulk = stale.length > this.journalLimit();
    for (let i = 0; i < stale.length; i += BATCH) await this.refresh(stale.slice(i, i + BATCH), bulk);
    await this.drop(gone);
    await this.snapshotIfDue(bulk);
    return { loaded, indexed: stale.length, removed: gone.length };
  }

  /** Re-indexes these articles from the library and writes their entries in one batch. */
  private async refresh(ids: readonly string[], bulk: boolean): Promise<void> {
    const records: SearchDocRecord[] = [];
    const missing: string[] = [];
    const read = await Promise.all(
      ids.map((id) => Promise.all([id, this.store.getArticle(id), this.store.listHighlights(id)] as const)),
    );
    for (const [id, article, highlights] of read) {
      if (!article) {
        missing.push(id);
        continue;
      }
      const doc = searchDocOf(article, highlights);
      const fingerprint = fingerprintOf(article, doc.notes);
      if (this.fingerprints.get(id) === fingerprint) continue;
      let data: SearchDocData;
      if (!this.loaded) {
        data = docDataOf(doc, fingerprint);
        this.fingerprints.set(id, fingerprint);
      } else {
        let body: BodyBuckets | null = null;
        if (bulk) this.index.add(doc);
        else body = this.index.addAndDescribe(doc);
        data = { fingerprint, title: doc.title, notes: [...doc.notes], body };
        this.remember(id, data);
      }
      if (data.body) this.journal.add(id);
      else this.journal.delete(id);
      records.push(entryRecord(id, data));
    }
    if (records.length > 0) await this.store.putSearchDocs(records);
    await this.drop(missing);
  }

  /**
   * Writes a snapshot of the index when asked to or when the journal has outgrown its limit,
   * then rewrites the journal's entries without their body terms (the snapshot has them).
   * If the worker stops in between, the entries still carry their terms and replay harmlessly.
   */
  private async snapshotIfDue(force: boolean): Promise<void> {
    if (!this.loaded || (!force && this.journal.size <= this.journalLimit())) return;
    const packed = this.index.pack();
    const fingerprints = packed.ids.map((id) => this.fingerprints.get(id) ?? '');
    await this.store.putSearchDocs([snapshotRecord({ ...packed, fingerprints })]);
    const stripped = [...this.journal].map((id) =>
      entryRecord(id, {
        fingerprint: this.fingerprints.get(id) ?? '',
        title: this.shown.get(id)?.title ?? '',
        notes: this.shown.get(id)?.notes ?? [],
        body: null,
      }),
    );
    this.journal.clear();
    for (let i = 0; i < stripped.length; i += BATCH * 10) {
      await this.store.putSearchDocs(stripped.slice(i, i + BATCH * 10));
    }
  }

  private journalLimit(): number {
    return Math.max(this.journalMin, Math.ceil(this.index.size / 10));
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async drop(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    for (const id of ids) {
      this.index.remove(id);
      this.shown.delete(id);
      this.fingerprints.delete(id);
      this.journal.delete(id);
    }
    await this.store.deleteSearchDocs(ids);
  }

  private remember(id: string, data: SearchDocData): void {
    this.shown.set(id, { title: data.title, notes: data.notes });
    this.fingerprints.set(id, data.fingerprint);
  }
}
