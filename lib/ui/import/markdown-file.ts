/**
 * Markdown files the user picks become seed-format files, so that every article file goes
 * through the one importer (`lib/shared/article/import.ts`: front matter checks, DOMPurify, stable ids,
 * errors by file name). Three kinds are told apart:
 * - the seed's Hexo format (front matter, HTML body): passed through untouched;
 * - Markdown with front matter: the body is converted to HTML (`markdown-html.ts`); a missing
 *   title is taken from the first heading, else the file name;
 * - plain Markdown without front matter: the same, with a front matter written for it.
 * Anything else (binary, `---js`, broken YAML…) is passed through for the importer to refuse by
 * name, with its usual reason.
 */

import { parseSeedFile } from '../../shared/article/front-matter';
import type { SeedFile } from '../../shared/article/import';
import { frontMatter } from '../export/front-matter';
import { markdownToHtml } from './markdown-html';

/** A body that starts with a tag is HTML (the seed format); anything else is Markdown. */
export function isHtmlBody(body: string): boolean {
  return /^\s*<(?:[a-z][a-z0-9-]*|!--)[\s/>]/i.test(body);
}

/** The file name without folders and a Markdown/text extension, as a last-resort title. */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.(?:hexo\.)?(?:md|markdown|mdown|txt)$/i, '').trim() || base;
}

/** The first heading's text (and the body without it), or null when there is none. */
function firstHeading(body: string): { title: string; rest: string } | null {
  const m = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(body);
  if (!m || m[1] === undefined) return null;
  const title = m[1].replace(/[*_`]/g, '').trim();
  if (title === '') return null;
  return { title, rest: body.slice(0, m.index) + body.slice(m.index + m[0].length) };
}

/** The front matter (between the fences) and the body, after the normalising the importer does. */
function splitFile(text: string): { yaml: string; body: string } | null {
  const lf = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)*/, '');
  const m = /^---[ \t]*(?:ya?ml)?[ \t]*\n([\s\S]*?)^---[ \t]*$\n?/im.exec(lf);
  return m ? { yaml: m[1] ?? '', body: lf.slice(m[0].length) } : null;
}

/** A title and body as Markdown → HTML, with the heading used as title removed from the body. */
function titled(body: string, fallback: string): { title: string; html: string } {
  const heading = firstHeading(body);
  return heading
    ? { title: heading.title, html: markdownToHtml(heading.rest) }
    : { title: fallback, html: markdownToHtml(body) };
}

/**
 * Whether the text is Glossa's own Markdown export (`lib/ui/export/markdown.ts`): one article's
 * note carries its `glossa` id in the front matter, the whole-library file an `exported` date
 * and an article count.
 */
export function isGlossaMarkdownExport(text: string): boolean {
  const yaml = splitFile(text)?.yaml;
  if (yaml === undefined) return false;
  return (
    /^glossa: *"?a_[0-9a-f]{24}"?\s*$/m.test(yaml) || (/^exported: /m.test(yaml) && /^articles: \d+\s*$/m.test(yaml))
  );
}

/** One picked file, in the seed format (see the module comment). */
export function toSeedFile(file: SeedFile): SeedFile {
  const parsed = parseSeedFile(file.name, file.text);
  if (parsed.ok) {
    if (isHtmlBody(parsed.value.body)) return file;
    const split = splitFile(file.text);
    if (!split) return file;
    return { name: file.name, text: `---\n${split.yaml}---\n${markdownToHtml(split.body)}\n` };
  }
  if (parsed.error.code === 'no-front-matter') {
    const { title, html } = titled(file.text.replace(/^\uFEFF/, ''), titleFromFileName(file.name));
    return { name: file.name, text: `${frontMatter({ title })}${html}\n` };
  }
  if (parsed.error.code === 'missing-title') {
    const split = splitFile(file.text);
    if (!split) return file;
    const { title, html } = isHtmlBody(split.body)
      ? { title: titleFromFileName(file.name), html: split.body }
      : titled(split.body, titleFromFileName(file.name));
    // An empty `title:` line would clash with the one added (YAML refuses duplicate keys).
    const yaml = split.yaml.replace(/^title:[ \t]*(?:''|""|~|null)?[ \t]*\n/gim, '');
    return { name: file.name, text: `---\n${yaml}${frontMatter({ title }).slice(4)}${html}\n` };
  }
  return file;
}
