/**
 * Hands an export to the browser as a download: a Blob built from the export's parts (never one
 * giant string) behind an object URL, clicked through a temporary `<a download>`. The URL is
 * revoked a minute later rather than at once: Firefox reads it after the click returns.
 */
import type { ExportFile } from '../../lib/ui/export';

/** How long the object URL stays valid after the click. */
const REVOKE_AFTER_MS = 60_000;

/** Starts the download of `file` from `doc`'s page. */
export function downloadFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob(file.parts, { type: file.type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
