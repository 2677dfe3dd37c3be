/**
 * Reads a seed-format post (Hexo markdown: YAML front matter, then an HTML body) into typed
 * fields and the raw body. Runs wherever the import runs — including an MV3 service worker —
 * so it uses no DOM; sanitizing the body is someone else's job (see `sanitize.ts`).
 *
 * Untrusted input meets three traps here, each handled before gray-matter sees the text:
 * - gray-matter finds front matter only at byte 0, and our seeds start with a blank line
 *   (sometimes a BOM, sometimes CRLF), so the text is normalised first;
 * - gray-matter would `eval` `---js` front matter, so every language but YAML is refused;
 * - gray-matter treats a missing closing `---` as "the whole file is front matter", so the
 *   closing fence is located (and required) by us.
 */
import matter from 'gray-matter';
import { CORE_SCHEMA, dump, load } from 'js-yaml';
import type { Result } from '../../model';
import { err, ok } from '../../model';
import { trimBlanks } from '../blank-trim';
import { errorText } from '../error-text';
import type { ImportError } from './import-error';
import { importError } from './import-error';
import { type PostFields, readPostFields } from './post-fields';

/** A post whose front matter is valid; the body is still untrusted HTML. */
export interface ParsedPost extends PostFields {
  /** The file name the post was read from. */
  file: string;
  /** The HTML body exactly as written (after line-ending normalisation); not yet sanitized. */
  body: string;
}

/** Larger files are refused: the biggest real posts are ~12 kB and the stress test is 2.5 MB. */
export const MAX_FILE_CHARS = 8 * 1024 * 1024;
/**
 * Real front matter is a few hundred bytes; a huge block is an attack on the parsers. gray-matter
 * runs `/^\s*#[^\n]+/gm` over the block, which is quadratic on many whitespace-only lines: the
 * limit keeps that under a few tens of milliseconds (tests/unit/linear-input.test.ts).
 */
export const MAX_FRONT_MATTER_CHARS = 16 * 1024;

/** Front-matter languages accepted after the opening `---` (empty means YAML). */
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

/**
 * YAML through js-yaml 4's CORE schema: no JavaScript types (js-yaml 4 has none), and dates stay
 * strings so `dates.ts` can keep their zone. The same table replaces gray-matter's defaults in
 * the browser bundle (scripts/shims), so tests and the extension run the same YAML code. Every
 * other engine is replaced by one that refuses, in case a language slips past our check.
 */
const refuse = (): never => {
  throw new Error('only YAML front matter is supported');
};
const ENGINES = {
  yaml: {
    // Boxed so a root that is not a mapping (a list, a scalar) survives gray-matter's typing
    // and is refused by name below.
    parse: (text: string): object => ({ root: load(text, { schema: CORE_SCHEMA }) }),
    stringify: (data: object): string => dump(data, { schema: CORE_SCHEMA }),
  },
  javascript: { parse: refuse },
  js: { parse: refuse },
  coffee: { parse: refuse },
  json: { parse: refuse },
};

/**
 * Parses one seed file. Never throws and never evaluates anything: every failure comes back as an
 * {@link ImportError} naming the file and the reason.
 */
export function parseSeedFile(name: string, text: string): Result<ParsedPost, ImportError> {
  const fail = (code: ImportError['code'], reason: string) => err(importError(name, code, reason));
  if (text.length > MAX_FILE_CHARS) {
    return fail('too-large', `file is ${text.length} characters; the limit is ${MAX_FILE_CHARS}`);
  }
  if (looksBinary(text)) return fail('binary', 'file is binary, not UTF-8 text (nor UTF-16 with a byte-order mark)');

  const { normalised, droppedLines } = normalise(text);
  const split = splitFrontMatter(normalised);
  if (!split.ok) return fail(split.error.code, split.error.reason);
  const { yaml } = split.value;
  // gray-matter hands js-yaml the text from the end of the opening `---` (its line break
  // included), so js-yaml's 0-based line N is file line N + 1 once dropped lines are counted.
  const yamlLineOffset = droppedLines + 1;
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    return fail('too-large', `front matter is over ${MAX_FRONT_MATTER_CHARS} characters`);
  }

  let data: unknown;
  let body: string;
  try {
    // Passing options also keeps gray-matter's per-input cache out of the way: it only caches
    // (and serves cached results) when called without options, which would hide a second parse.
    const file = matter(normalised, { language: 'yaml', engines: ENGINES });
    data = file.data.root ?? {};
    body = file.content;
  } catch (thrown) {
    return fail('bad-yaml', `front matter is not valid YAML (${yamlErrorAt(thrown, yamlLineOffset)})`);
  }
  if (!isMapping(data)) {
    return fail('bad-yaml', 'front matter must be a YAML mapping of keys to values');
  }
  if (body.trim() === '') return fail('empty-body', 'the post has no body');

  const fields = readPostFields(data);
  if (!fields.ok) return fail(fields.error.code, fields.error.reason);
  return ok({ file: name, ...fields.value, body });
}

/**
 * Text that is not text: a NUL byte anywhere, or more than 2% of U+FFFD (bytes that were not
 * UTF-8) and C0/C1 control characters other than tab, line feed, form feed and carriage return.
 */
export function looksBinary(text: string): boolean {
  let suspicious = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c <= 0x9f)) {
      suspicious += 1;
    }
  }
  return suspicious > 4 && suspicious / text.length > 0.02;
}

/** Drops a BOM, turns CRLF/CR into LF and removes blank lines before the opening fence. */
function normalise(text: string): { normalised: string; droppedLines: number } {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lf = noBom.replace(/\r\n?/g, '\n');
  const leading = /^(?:[ \t]*\n)*/.exec(lf)?.[0] ?? '';
  return { normalised: lf.slice(leading.length), droppedLines: leading.split('\n').length - 1 };
}

interface Split {
  yaml: string;
}

interface SplitProblem {
  code: 'no-front-matter' | 'unclosed-front-matter' | 'unsupported-front-matter-language' | 'bad-yaml';
  reason: string;
}

function splitFrontMatter(text: string): Result<Split, SplitProblem> {
  const firstBreak = text.indexOf('\n');
  const openLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  if (!openLine.startsWith('---') || openLine[3] === '-') {
    return err({ code: 'no-front-matter', reason: 'file does not start with --- front matter' });
  }
  const declared = trimBlanks(openLine.slice(3));
  if (!YAML_LANGUAGES.has(declared.toLowerCase())) {
    return err({
      code: 'unsupported-front-matter-language',
      reason: `front matter language "${truncate(declared, 40)}" is not supported (only YAML is read; nothing was evaluated)`,
    });
  }
  const rest = firstBreak === -1 ? '' : text.slice(firstBreak + 1);
  const close = /^---[ \t]*$/m.exec(rest);
  if (!close) return err({ code: 'unclosed-front-matter', reason: 'front matter opened with --- is never closed' });
  const yaml = rest.slice(0, close.index);
  // gray-matter closes at the first "\n---" even when more follows on that line; such a line is
  // a YAML document marker anyway, so refuse it rather than let the two readings disagree.
  if (/^---/m.test(yaml)) {
    return err({ code: 'bad-yaml', reason: 'front matter contains a line starting with --- before its end' });
  }
  return ok({ yaml });
}

/** `line N: reason` from a js-yaml error, with N counted in the original file. */
function yamlErrorAt(thrown: unknown, yamlLineOffset: number): string {
  if (typeof thrown === 'object' && thrown !== null && 'reason' in thrown && 'mark' in thrown) {
    const { reason, mark } = thrown;
    const line =
      typeof mark === 'object' && mark !== null && 'line' in mark && typeof mark.line === 'number'
        ? mark.line + yamlLineOffset
        : null;
    const why = typeof reason === 'string' ? reason : 'syntax error';
    return line === null ? why : `line ${line}: ${why}`;
  }
  return truncate(errorText(thrown), 200);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
