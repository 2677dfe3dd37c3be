/**
 * Restoring a Glossa backup (`lib/ui/export/backup.ts`): its records are checked one by one, turned
 * into sync replicas with storage's own converters, and merged through `applyReplicas` — the
 * same per-field last-writer-wins merge sync uses. So a restore never duplicates (records keep
 * their ids), never overwrites an edit made here after the backup (its stamps are newer), brings
 * deletions along (tombstones are records too), and importing the same file twice changes
 * nothing the second time.
 *
 * Bodies are stored as the backup holds them, like a sync peer's: the reader sanitizes every
 * body again when it renders it, whatever its origin.
 */

import type { Article, ArticleTombstone, Highlight } from '../../model';
import { err, ok, type Result } from '../../model';
import { isRecord } from '../../shared/validate/guards';
import { checkArticle, checkHighlight, checkTombstone } from '../../shared/validate/records';
import type { Library, Replica } from '../../storage';
import { articleReplica, highlightReplica, tombstoneReplica } from '../../storage/replicas';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../export/backup';
import { type FileFailure, failure } from './report';

/** What restoring needs from the library. */
export type BackupTarget = Pick<Library, 'applyReplicas'>;

/** A backup's records, checked. */
export interface CheckedBackup {
  articles: Article[];
  highlights: Highlight[];
  tombstones: ArticleTombstone[];
  /** The settings object as found (restored by `settings.ts`, which checks it). */
  settings: unknown;
  skipped: number;
  /** The first few reasons records were skipped. */
  problems: string[];
}

/** Records merged per transaction: one commit per batch, and a progress step. */
const MERGE_BATCH = 500;
/** Reasons kept for the report. */
const MAX_PROBLEMS = 5;

/** Whether parsed JSON claims to be a Glossa backup (whatever its version). */
export function isBackup(json: unknown): json is Record<string, unknown> {
  return isRecord(json) && json.format === BACKUP_FORMAT;
}

/** Checks a parsed backup file; a broken structure or a newer layout refuses the whole file. */
export function checkBackup(file: string, json: Record<string, unknown>): Result<CheckedBackup, FileFailure> {
  const { version } = json;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err(failure(file, 'invalid-backup', 'the backup has no valid format version'));
  }
  if (version > BACKUP_VERSION) {
    return err(
      failure(
        file,
        'unsupported-version',
        `backup format version ${version} is newer than this Glossa reads (${BACKUP_VERSION}); update Glossa first`,
      ),
    );
  }
  const tombstones = json.tombstones ?? [];
  if (!Array.isArray(json.articles) || !Array.isArray(json.highlights) || !Array.isArray(tombstones)) {
    return err(failure(file, 'invalid-backup', 'the backup lacks its list of articles or highlights'));
  }
  const out: CheckedBackup = {
    articles: [],
    highlights: [],
    tombstones: [],
    settings: json.settings,
    skipped: 0,
    problems: [],
  };
  const take = <T>(list: unknown[], kind: string, check: (v: unknown) => Result<T, string>, into: T[]) => {
    list.forEach((value, i) => {
      const checked = check(value);
      if (checked.ok) {
        into.push(checked.value);
        return;
      }
      out.skipped += 1;
      if (out.problems.length < MAX_PROBLEMS) {
        const id = isRecord(value) && typeof value.id === 'string' ? ` (${value.id.slice(0, 40)})` : '';
        out.problems.push(`${kind} ${i + 1}${id}: ${checked.error}`);
      }
    });
  };
  take(json.articles, 'article', checkArticle, out.articles);
  take(json.highlights, 'highlight', checkHighlight, out.highlights);
  take(tombstones, 'tombstone', checkTombstone, out.tombstones);
  const kept = out.articles.length + out.highlights.length + out.tombstones.length;
  if (kept === 0 && out.skipped > 0) {
    return err(failure(file, 'invalid-backup', `no record in the backup is valid (${out.problems[0] ?? ''})`));
  }
  return ok(out);
}

/** The backup's records as replicas: articles and deletions first, then highlights. */
function replicasOf(backup: CheckedBackup): Replica[] {
  const articles: Replica[] = backup.articles.map(({ html, text, ...meta }) => ({
    type: 'article',
    value: articleReplica(meta, { schema: meta.schema, id: meta.id, html, text }),
  }));
  const deletions: Replica[] = backup.tombstones.map((t) => ({ type: 'article', value: tombstoneReplica(t) }));
  const highlights: Replica[] = backup.highlights.map((h) => ({ type: 'highlight', value: highlightReplica(h) }));
  return [...articles, ...deletions, ...highlights];
}

/**
 * Merges a checked backup into the library in batches; answers how many records changed it.
 * `onProgress` gets the fraction done (0…1).
 */
export async function mergeBackup(
  backup: CheckedBackup,
  target: BackupTarget,
  onProgress?: (fraction: number) => void,
): Promise<number> {
  const replicas = replicasOf(backup);
  let changed = 0;
  for (let i = 0; i < replicas.length; i += MERGE_BATCH) {
    const outcome = await target.applyReplicas(replicas.slice(i, i + MERGE_BATCH));
    changed += outcome.changed.length;
    onProgress?.(Math.min(1, (i + MERGE_BATCH) / replicas.length));
  }
  return changed;
}
