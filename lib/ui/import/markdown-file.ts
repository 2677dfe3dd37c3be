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
import { trimBlanks } from '../../shared/blank-trim';
import { frontMatter } from '../export/front-matter';
import { headingOf, markdownToHtml } from './markdown-html';

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
  let at = 0;
  while (at <= body.length) {
    const end = body.indexOf('\n', at) === -1 ? body.length : body.indexOf('\n', at);
    const heading = headingOf(body.slice(at, end));
    if (heading) {
      const title = heading.text.replace(/[*_`]/g, '').trim();
      return title === '' ? null : { title, rest: body.slice(0, at) + body.slice(end) };
    }
    at = end + 1;
  }
  return null;
}

/** The front matter (between the fences) and the body, after the normalising the importer does. */
function splitFile(text: string): { yaml: string; body: string } | null {
  const lf = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)*/, '');
  // The front matter opens on the first line and closes at the first `---` line after it.
  const firstEnd = lf.indexOf('\n');
  if (firstEnd === -1 || !/^---[ \t]*(?:ya?ml)?[ \t]*$/i.test(lf.slice(0, firstEnd))) return null;
  for (let at = firstEnd + 1; at < lf.length; ) {
    const end = lf.indexOf('\n', at) === -1 ? lf.length : lf.indexOf('\n', at);
    if (lf.startsWith('---', at) && trimBlanks(lf.slice(at + 3, end)) === '') {
      return { yaml: lf.slice(firstEnd + 1, at), body: lf.slice(Math.min(end + 1, lf.length)) };
    }
    at = end + 1;
  }
  return null;
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
