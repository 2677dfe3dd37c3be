/**
 * Attaches annotations from a W3C or Hypothesis file to library articles: each is matched to an
 * article (`annotation-match.ts`), re-anchored in that article's text with Glossa's own anchoring
 * (so its selectors count in our text, whatever tool made it), and merged into the library as a
 * highlight; a page note (no selector, a note) is matched by its address alone and needs no
 * anchoring. Ids are kept (`urn:uuid:…`) or derived from the file's annotation id, and the stamps
 * from its modification time, so importing a file twice changes nothing and a highlight edited
 * here since keeps the edit.
 */

import type { Article, Highlight, Selector } from '../../model';
import { newHighlight } from '../../model';
import {
  anchorAll,
  buildTextIndex,
  describeParagraph,
  describeRange,
  offsetsToRange,
  paragraphOf,
} from '../../shared/anchoring';
import { sha256Hex } from '../../shared/article/ids';
import { validateHighlight } from '../../shared/validate/highlight';
import type { Library, Replica } from '../../storage';
import { highlightReplica } from '../../storage/replicas';
import { articleBySource, LibraryTexts, type MatchSource } from './annotation-match';
import type { IncomingAnnotation } from './annotations-parse';
import { type FileResult, failure } from './report';

/** What attaching needs from the library. */
export type AnnotationTarget = MatchSource & Pick<Library, 'applyReplicas'>;

/** What attaching needs from its host. */
export interface AttachDeps {
  /** The article body as the reader shows it (sanitized DOM), to anchor in. */
  articleRoot: (html: string) => Element;
  /** Clock, epoch ms, for annotations that carry no dates. */
  now: () => number;
}

const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The highlight id for an annotation: its own UUID, else one derived from what identifies it. */
async function highlightId(a: IncomingAnnotation): Promise<string> {
  const own = UUID_URN.exec(a.id ?? '')?.[1];
  if (own) return own.toLowerCase();
  const key = a.id ? `id:${a.source ?? ''}\n${a.id}` : `quote:${JSON.stringify([a.source, a.quote, a.note])}`;
  const hex = await sha256Hex(key);
  // RFC 9562 layout, version 8 (custom), so it reads as the UUID it stands in for.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((Number.parseInt(hex[16] ?? '0', 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Quoted = IncomingAnnotation & { quote: NonNullable<IncomingAnnotation['quote']> };

/** Anchors `items` in `article` and builds their highlights; unanchored ones are left out. */
async function anchorIn(article: Article, items: Quoted[], deps: AttachDeps): Promise<Highlight[]> {
  const root = deps.articleRoot(article.html);
  const index = buildTextIndex(root);
  const results = anchorAll(
    index,
    items.map((a) => ({ selectors: a.position ? [a.quote, a.position] : [a.quote] })),
  );
  const out: Highlight[] = [];
  for (const [i, result] of results.entries()) {
    const a = items[i];
    if (!a || !result.ok) continue;
    const range = offsetsToRange(index, result.start, result.end);
    const block = paragraphOf(root, range.startContainer);
    const selectors: Selector[] | null =
      a.kind === 'paragraph-note' && block ? describeParagraph(index, block) : describeRange(index, range);
    if (!selectors) continue;
    const created = a.created ?? a.updated ?? deps.now();
    const highlight = newHighlight(article.id, selectors, a.color ?? 'yellow', {
      note: a.note,
      kind: a.kind === 'paragraph-note' && block ? 'paragraph-note' : 'highlight',
      now: created,
      id: await highlightId(a),
    });
    out.push({ ...highlight, updatedAt: Math.max(created, a.updated ?? created) });
  }
  return out;
}

/** A page note from the file, on the article it names. */
async function pageNoteIn(articleId: string, a: IncomingAnnotation, deps: AttachDeps): Promise<Highlight> {
  const created = a.created ?? a.updated ?? deps.now();
  const note = newHighlight(articleId, [], a.color ?? 'yellow', {
    note: a.note,
    kind: 'page-note',
    now: created,
    id: await highlightId(a),
  });
  return { ...note, updatedAt: Math.max(created, a.updated ?? created) };
}

/** Attaches a file's annotations; a failure when none lands in the library. */
export async function attachAnnotations(
  file: string,
  annotations: readonly IncomingAnnotation[],
  library: AnnotationTarget,
  deps: AttachDeps,
): Promise<FileResult> {
  const quoted = annotations.filter((a): a is Quoted => a.quote !== null);
  const pageNotes = annotations.filter((a) => a.kind === 'page-note' && a.source !== null);
  if (quoted.length === 0 && pageNotes.length === 0) {
    return failure(file, 'no-annotations', 'the file holds no annotation that quotes text or notes a page');
  }
  // Group by article: by the annotated address first, else by where the quote is found.
  const byArticle = new Map<string, Quoted[]>();
  const texts = new LibraryTexts(library);
  const bySource = new Map<string, string | undefined>();
  const sourceArticle = async (source: string) => {
    if (!bySource.has(source)) bySource.set(source, (await articleBySource(source, library))?.id);
    return bySource.get(source);
  };
  for (const a of quoted) {
    let id = a.source === null ? undefined : await sourceArticle(a.source);
    id ??= await texts.find(a.quote);
    if (id) byArticle.set(id, [...(byArticle.get(id) ?? []), a]);
  }
  const highlights: Highlight[] = [];
  const titles: string[] = [];
  const notesOn = new Map<string, Highlight[]>();
  for (const a of pageNotes) {
    const id = a.source === null ? undefined : await sourceArticle(a.source);
    if (id) notesOn.set(id, [...(notesOn.get(id) ?? []), await pageNoteIn(id, a, deps)]);
    if (id && !byArticle.has(id)) byArticle.set(id, []);
  }
  for (const [id, items] of byArticle) {
    const article = await library.getArticle(id);
    if (!article) continue;
    const anchored = [...(notesOn.get(id) ?? []), ...(items.length > 0 ? await anchorIn(article, items, deps) : [])];
    if (anchored.length > 0) titles.push(article.title);
    highlights.push(...anchored);
  }
  if (highlights.length === 0) {
    return failure(file, 'no-matching-article', 'none of its quoted passages is in an article of the library');
  }
  // Built here from a file's words: they pass the same gate as every record from outside.
  const valid = highlights.flatMap((h) => validateHighlight(h) ?? []);
  const replicas: Replica[] = valid.map((h) => ({ type: 'highlight', value: highlightReplica(h) }));
  await library.applyReplicas(replicas);
  return {
    file,
    ok: true,
    kind: 'annotations',
    attached: highlights.length,
    unmatched: annotations.length - highlights.length,
    articles: titles,
  };
}
