/**
 * Evaluated in a blank page by bench/suites/search.mjs: builds the 10,000-article library
 * (search-docs.ts), then indexes it with Glossa and, on the same data in the same page, with
 * MiniSearch and FlexSearch (their default tokenizers; FlexSearch also with its CJK charset),
 * times queries, and judges every engine's full result set against the substring truth. For
 * Glossa it also times storing and restarting (snapshot + entries, as the background does).
 * The Node side measures heap between steps (CDP) and makes the table.
 */
import { Charset, Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import { type IndexSnapshot, type SearchDoc, type SearchDocData, SearchIndex } from '../../lib/background/search';
import { type BaseArticle, buildDocs, flatTexts, truthOf } from './search-docs';

/** The engines compared; `minisearch-and` queries MiniSearch's index with `combineWith: 'AND'`. */
export type Engine = 'glossa' | 'minisearch' | 'minisearch-and' | 'flexsearch' | 'flexsearch-cjk';

/** What the peers index: the notes as one text. */
interface FlatDoc {
  id: string;
  title: string;
  notes: string;
  body: string;
}

/** A built index, as the bench uses it. */
interface Built {
  /** Every hit's id (no limit that could cut recall). */
  search(query: string): string[];
  /** Bytes of the engine's own serialization (JSON / export), UTF-8. */
  serializedBytes(): Promise<number>;
}

/** FlexSearch's document results: merged (`{ id }`) or per field (`{ result: ids }`). */
type FlexResult = { id?: string | number; result?: (string | number | { id: string | number })[] }[];

interface FlexDocument {
  add(doc: FlatDoc): void;
  search(query: string, options: { limit: number; merge?: boolean }): FlexResult;
  export(handler: (key: string, data: string | undefined) => void): unknown;
}

let docs: SearchDoc[] = [];
let flat: string[] = [];
let built: Built | null = null;
/** Glossa's stored form (snapshot and entries) as a structured clone, for the restart. */
let stored: { snapshot: IndexSnapshot; entries: SearchDocData[] } | null = null;
/** Bytes of Glossa's stored form. */
let storedBytes = 0;

const utf8 = new TextEncoder();
const bytesOf = (text: string) => utf8.encode(text).length;

function glossa(index: SearchIndex): Built {
  return {
    search: (query) => index.query(query, 1_000_000).hits.map((h) => h.id),
    serializedBytes: async () => storedBytes,
  };
}

function flexsearch(cjk: boolean, rows: FlatDoc[]): Built {
  const index = new Document({
    document: { id: 'id', index: ['title', 'notes', 'body'] },
    ...(cjk ? { encoder: Charset.CJK } : {}),
  }) as unknown as FlexDocument;
  for (const row of rows) index.add(row);
  return {
    search: (query) => {
      const ids = new Set<string>();
      for (const entry of index.search(query, { limit: 1_000_000, merge: true })) {
        if (entry.id !== undefined) ids.add(String(entry.id));
        for (const r of entry.result ?? []) ids.add(String(typeof r === 'object' ? r.id : r));
      }
      return [...ids];
    },
    serializedBytes: async () => {
      let bytes = 0;
      await index.export((key, data) => {
        bytes += bytesOf(key) + (data ? bytesOf(data) : 0);
      });
      return bytes;
    },
  };
}

function minisearch(rows: FlatDoc[]): { built: Built; and: Built } {
  const index = new MiniSearch<FlatDoc>({ fields: ['title', 'notes', 'body'] });
  index.addAll(rows);
  const serializedBytes = async () => bytesOf(JSON.stringify(index));
  return {
    built: { search: (q) => index.search(q).map((r) => String(r.id)), serializedBytes },
    and: { search: (q) => index.search(q, { combineWith: 'AND' }).map((r) => String(r.id)), serializedBytes },
  };
}

let minisearchAnd: Built | null = null;
let glossaIndex: SearchIndex | null = null;

const api = {
  /** Builds the library; answers its size. */
  setup(base: BaseArticle[], count: number, seed: number) {
    docs = buildDocs(base, count, seed);
    flat = flatTexts(docs);
    const chars = docs.reduce((sum, d) => sum + d.title.length + d.body.length + d.notes.join('').length, 0);
    const cjk = flat.reduce((sum, t) => sum + (t.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g)?.length ?? 0), 0);
    return {
      articles: docs.length,
      chars,
      cjkShare: cjk / chars,
      withNotes: docs.filter((d) => d.notes.length).length,
    };
  },

  /** Indexes the library with `engine` (kept for the calls that follow); answers the time. */
  build(engine: Engine) {
    built = null;
    const start = performance.now();
    if (engine === 'glossa') {
      const index = new SearchIndex();
      for (const doc of docs) index.add(doc);
      index.compact();
      built = glossa(index);
      glossaIndex = index;
    } else {
      const rows = docs.map((d) => ({ id: d.id, title: d.title, notes: d.notes.join('\n'), body: d.body }));
      if (engine === 'minisearch' || engine === 'minisearch-and') {
        const both = minisearch(rows);
        built = engine === 'minisearch' ? both.built : both.and;
        minisearchAnd = both.and;
      } else built = flexsearch(engine === 'flexsearch-cjk', rows);
    }
    return { ms: performance.now() - start };
  },

  /** Switches to MiniSearch's AND queries on the index already built. */
  useMinisearchAnd() {
    built = minisearchAnd;
  },

  /**
   * Glossa only: what the background stores after indexing — the index snapshot and a small
   * entry per article — made and structured-cloned (what IndexedDB does when it writes).
   */
  persistGlossa(index: SearchIndex | null = glossaIndex) {
    if (!index) throw new Error('build glossa first');
    let start = performance.now();
    const packed = index.pack();
    const snapshot: IndexSnapshot = { ...packed, fingerprints: packed.ids.map(() => '') };
    const entries: SearchDocData[] = docs.map((d) => ({
      fingerprint: '',
      title: d.title,
      notes: [...d.notes],
      body: null,
    }));
    const packMs = performance.now() - start;
    start = performance.now();
    stored = structuredClone({ snapshot, entries });
    const cloneMs = performance.now() - start;
    const { bytes, offsets, counts, last, terms, ids, fingerprints } = snapshot;
    const snapshotBytes =
      bytes.byteLength +
      offsets.byteLength +
      counts.byteLength +
      last.byteLength +
      bytesOf(terms) +
      bytesOf(JSON.stringify([ids, fingerprints]));
    storedBytes = snapshotBytes + bytesOf(JSON.stringify(entries));
    return { packMs, cloneMs, snapshotBytes, storedBytes };
  },

  /**
   * Glossa only: a restarted service worker — the index from the stored snapshot (entries as
   * the service reads them), checked to answer exactly as the index it was taken from; then a
   * journal of `journal` changed articles (their term lists) replayed over it.
   */
  restartGlossa(queries: string[], journal: number) {
    const first = built;
    if (!stored) throw new Error('persist first');
    const { snapshot, entries } = stored;
    let start = performance.now();
    const index = SearchIndex.unpack(snapshot);
    const shown = new Map(entries.map((e, i) => [docs[i]?.id ?? '', e.title]));
    const ms = performance.now() - start;
    const again = glossa(index);
    const same = queries.every((q) => JSON.stringify(first?.search(q)) === JSON.stringify(again.search(q)));
    const changed = docs.slice(0, journal);
    const scratch = new SearchIndex();
    start = performance.now();
    const bodies = changed.map((d) => scratch.addAndDescribe(d));
    const describeMs = performance.now() - start;
    start = performance.now();
    changed.forEach((d, i) => {
      index.addData(d.id, { fingerprint: '', title: d.title, notes: [...d.notes], body: bodies[i] ?? null });
    });
    index.compact();
    const replayMs = performance.now() - start;
    const sameAfter = queries.every(
      (q) => JSON.stringify(first?.search(q).sort()) === JSON.stringify(again.search(q).sort()),
    );
    stored = null;
    built = again;
    glossaIndex = index;
    return { ms, same, sameAfter, shown: shown.size, describeMs, replayMs, stats: index.stats() };
  },

  async serializedBytes() {
    return (await built?.serializedBytes()) ?? 0;
  },

  /** Forgets the current index (so its heap can be collected). */
  drop() {
    built = null;
    minisearchAnd = null;
    glossaIndex = null;
  },

  /**
   * Times each query: per-call milliseconds from batches long enough for the browser's coarse
   * clock (a batch repeats the query until ≥ 2 ms), and judges its full result set.
   */
  queries(queries: string[], batches: number) {
    const engine = built;
    if (!engine) throw new Error('build first');
    return queries.map((query) => {
      const truth = truthOf(docs, flat, query);
      const hits = engine.search(query);
      const correct = hits.filter((id) => truth.has(id)).length;
      let t0 = performance.now();
      engine.search(query);
      const once = Math.max(performance.now() - t0, 0.002);
      const repeat = Math.max(1, Math.min(2000, Math.ceil(2 / once)));
      const samples: number[] = [];
      for (let b = 0; b < batches; b++) {
        t0 = performance.now();
        for (let r = 0; r < repeat; r++) engine.search(query);
        samples.push((performance.now() - t0) / repeat);
      }
      return { query, truth: truth.size, hits: hits.length, correct, samples };
    });
  },
};

/** The API bench/suites/search.mjs calls. */
export type SearchBenchApi = typeof api;

(globalThis as unknown as { glossaSearchBench: SearchBenchApi }).glossaSearchBench = api;
