// The search bench's raw material (bench/suites/search.mjs): every corpus article as a title
// and its paragraphs of plain text — Readability's expected.html of its 130 pages (titles from
// expected-metadata.json), the 24 Hexo posts and the bundled seed article (titles from front
// matter). The page turns these into 10,000 varied articles (bench/page-harness/search-docs.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Paragraphs of plain text of an HTML fragment: block ends break lines, tags go. */
function paragraphsOf(html) {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|figcaption|pre|tr|section|article)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (_all, name) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? ' ';
    })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

function listFiles(dir, ext) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, ext);
    return entry.name.endsWith(ext) ? [full] : [];
  });
}

/** Front matter and body of a Hexo post (it starts with a blank line, then `---`). */
function hexoParts(source) {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const open = lines.findIndex((line) => line.trim() === '---');
  const close = lines.findIndex((line, i) => i > open && line.trim() === '---');
  const front = lines.slice(open + 1, close);
  const titleLine = front.find((line) => line.startsWith('title:')) ?? '';
  let title = titleLine.slice('title:'.length).trim();
  if (/^'.*'$/.test(title)) title = title.slice(1, -1).replace(/''/g, "'");
  else if (/^".*"$/.test(title)) title = title.slice(1, -1).replace(/\\"/g, '"');
  return { title, body: lines.slice(close + 1).join('\n') };
}

/** Every corpus article and the bundled seed, in a fixed order: `{ name, title, paragraphs }`. */
export function baseArticles(fixtures, root) {
  const corpus = path.join(fixtures, 'corpus');
  const readability = path.join(corpus, 'readability');
  const pages = readdirSync(readability)
    .filter((name) => statSync(path.join(readability, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = path.join(readability, name);
      const meta = JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8'));
      return {
        name: `readability/${name}`,
        title: meta.title ?? name,
        paragraphs: paragraphsOf(readFileSync(path.join(dir, 'expected.html'), 'utf8')),
      };
    });
  const posts = listFiles(path.join(corpus, 'hexo-posts'), '.md')
    .sort()
    .map((file) => {
      const { title, body } = hexoParts(readFileSync(file, 'utf8'));
      return { name: path.relative(corpus, file), title, paragraphs: paragraphsOf(body) };
    });
  const seeds = listFiles(path.join(root, 'assets/seeds'), '.md')
    .sort()
    .map((file) => {
      const { title, body } = hexoParts(readFileSync(file, 'utf8'));
      return { name: path.relative(root, file), title, paragraphs: paragraphsOf(body) };
    });
  return [...pages, ...posts, ...seeds].filter((a) => a.paragraphs.length > 0);
}
