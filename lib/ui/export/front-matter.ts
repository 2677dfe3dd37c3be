/**
 * YAML front matter for exported files. Every string is double-quoted, whatever it holds, so a
 * title such as `No`, `2021-12-10` or `#1: yes` reads back as the same text in every YAML reader
 * (YAML 1.1 ones like Hexo's included), and the block uses js-yaml's core schema, the one our own
 * importer reads with.
 */
import { CORE_SCHEMA, dump } from 'js-yaml';

/** A front-matter value: text, a number, a flag or a list of texts. */
export type FrontMatterValue = string | number | boolean | readonly string[] | null | undefined;

/**
 * `---`, the fields in the given order, `---`, and a line break. Fields that are null, undefined
 * or an empty list are left out (Obsidian shows an empty property as a blank row).
 */
export function frontMatter(fields: Readonly<Record<string, FrontMatterValue>>): string {
  const kept: Record<string, FrontMatterValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    kept[key] = value;
  }
  const yaml = dump(kept, { schema: CORE_SCHEMA, lineWidth: -1, forceQuotes: true, quotingType: '"' });
  return `---\n${yaml}---\n`;
}
