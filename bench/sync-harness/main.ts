/**
 * Sync benchmark page: real IndexedDB (two libraries = two devices), Glossa's real sync client
 * and engine, a real pouchdb-server on loopback. bench/suites/sync.mjs drives it.
 */

import { CouchClient } from '../../lib/background/sync/couch';
import { syncOnce } from '../../lib/background/sync/engine';
import { ARTICLE_SCHEMA, HIGHLIGHT_COLORS, HIGHLIGHT_SCHEMA } from '../../lib/model';
import { type Library, openLibrary } from '../../lib/storage';

/** What one sync round cost. */
export interface RoundCost {
  ms: number;
  requests: number;
  bytesSent: number;
  bytesReceived: number;
  pulled: number;
  pushed: number;
}

const libraries = new Map<string, Library>();
async function lib(name: string): Promise<Library> {
  let found = libraries.get(name);
  if (!found) {
    found = await openLibrary({ name });
    libraries.set(name, found);
  }
  return found;
}

/** Writes `count` articles with `perArticle` highlights each through the local write paths. */
async function build(name: string, count: number, perArticle: number, bodies: string[]) {
  const library = await lib(name);
  const t0 = performance.now();
  for (let start = 0; start < count; start += 100) {
    const writes: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(count, start + 100); i++) {
      const text = bodies[i % bodies.length] ?? '';
      writes.push(
        library.upsertArticle({
          schema: ARTICLE_SCHEMA,
          id: `article-${i}`,
          url: `https://example.com/${i}`,
          title: `文章 ${i}`,
          author: null,
          source: 'bench',
          categories: ['新闻'],
          tags: [],
          published: null,
          savedAt: 1_700_000_000_000 + i,
          updatedAt: 1_700_000_000_000 + i,
          heroImage: null,
          lang: 'zh-CN',
          dir: 'ltr',
          charCount: text.length,
          readingMinutes: 1,
          origin: 'file',
          contentHash: `hash-${i}`,
          excerpt: text.slice(0, 200),
          archived: false,
          html: text
            .split('\n\n')
            .map((p) => `<p>${p.replace(/[<&]/g, ' ')}</p>`)
            .join(''),
          text,
        }),
      );
    }
    await Promise.all(writes);
  }
  for (let i = 0; i < count; i++) {
    const text = bodies[i % bodies.length] ?? '';
    await Promise.all(
      Array.from({ length: perArticle }, (_, j) => {
        const start = (j * 97) % Math.max(1, text.length - 20);
        return library.putHighlight({
          schema: HIGHLIGHT_SCHEMA,
          id: `h-${i}-${j}`,
          articleId: `article-${i}`,
          kind: 'highlight',
          selectors: [
            { type: 'TextQuoteSelector', exact: text.slice(start, start + 12) || 'x', prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start, end: start + 12 },
          ],
          color: HIGHLIGHT_COLORS[j % HIGHLIGHT_COLORS.length] ?? 'yellow',
          note: j % 3 === 0 ? `笔记 ${i}-${j}` : '',
          createdAt: 1_700_000_000_000 + j,
          updatedAt: 1_700_000_000_000 + j,
          deleted: false,
        });
      }),
    );
  }
  return { ms: performance.now() - t0, outbox: await library.countOutbox() };
}

/** One sync round of library `name` with `url` / `db`. */
async function sync(name: string, url: string, db: string): Promise<RoundCost> {
  const library = await lib(name);
  const client = new CouchClient({ url, db, username: '', password: '' });
  const t0 = performance.now();
  const report = await syncOnce(library, client, `sync:since:${url}|${db}`);
  return { ms: performance.now() - t0, ...client.traffic, pulled: report.pulled, pushed: report.pushed };
}

/** Queues everything again and forgets the checkpoint (a new server for the same library). */
async function reset(name: string, url: string, db: string) {
  const library = await lib(name);
  await library.setMeta(`sync:since:${url}|${db}`, '0');
  return library.enqueueAll();
}

/** Edits one highlight's note (a steady-state local change). */
async function editNote(name: string, id: string, note: string) {
  const library = await lib(name);
  const h = await library.getHighlight(id);
  if (!h) throw new Error(`no highlight ${id}`);
  await library.putHighlight({ ...h, note, updatedAt: Date.now() });
}

/** What a library holds. */
async function counts(name: string) {
  const library = await lib(name);
  return {
    articles: await library.countArticles(),
    highlights: (await library.allHighlights()).length,
    outbox: await library.countOutbox(),
  };
}

/** Reads one highlight's note (to check an edit arrived). */
async function note(name: string, id: string) {
  return (await (await lib(name)).getHighlight(id))?.note ?? null;
}

Object.assign(window, { glossaSyncBench: { build, sync, reset, editNote, counts, note } });
document.title = 'ready';
