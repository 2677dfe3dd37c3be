/**
 * A picked file for the importer's tests, as the options page hands it over (`ImportFile`):
 * text is stored as UTF-8 bytes, as an editor would save it; bytes are kept as given.
 */
import type { ImportFile } from '../../lib/ui/import';

/** A file named `name` holding `content` (text: UTF-8). */
export function asImportFile(name: string, content: string | Uint8Array): ImportFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}
