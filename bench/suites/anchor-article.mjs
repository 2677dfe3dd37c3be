// The anchor bench's article (bench/suites/anchor.mjs): ~200,000 characters built
// deterministically from the corpora, a quarter of them CJK.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const TARGET_CHARS = 200_000;
/** Share of CJK characters the article is built to (the CJK pieces are repeated to reach it). */
const CJK_SHARE = 0.25;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;

/** Rough visible text of an HTML fragment (to size the article; the page reports the real one). */
function roughText(html) {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#a-z0-9]+;/gi, 'x')
    .replace(/\s+/g, ' ')
    .trim();
}

function listFiles(dir, ext) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, ext);
    return entry.name.endsWith(ext) ? [full] : [];
  });
}

/** A Hexo post's HTML body: everything after the second `---` line. */
function hexoBody(source) {
  const lines = source.split(/\r?\n/);
  let seen = 0;
  const at = lines.findIndex((line) => line.trim() === '---' && ++seen === 2);
  return at < 0 ? source : lines.slice(at + 1).join('\n');
}

/**
 * The article, deterministically: the corpus pieces in name order (Readability's expected.html
 * files, then the Hexo post bodies), split into CJK pieces (≥ 30 % CJK characters) and the rest.
 * Pieces are taken in order, a CJK one whenever the CJK share is under {@link CJK_SHARE}, until
 * ~{@link TARGET_CHARS} characters; a piece that would overshoot by more than 0.5 % is skipped.
 * The corpus holds only ~24,000 CJK characters, so the CJK pieces are cycled: the article
 * contains identical copies of them (a quote there has an identical twin elsewhere).
 */
export function buildArticle(fixtures) {
  const corpus = path.join(fixtures, 'corpus');
  const readability = path.join(corpus, 'readability');
  const pieces = [
    ...readdirSync(readability)
      .filter((name) => statSync(path.join(readability, name)).isDirectory())
      .sort()
      .map((name) => ({
        name: `readability/${name}`,
        html: readFileSync(path.join(readability, name, 'expected.html'), 'utf8'),
      })),
    ...listFiles(path.join(corpus, 'hexo-posts'), '.md')
      .sort()
      .map((file) => ({
        name: path.relative(corpus, file),
        html: hexoBody(readFileSync(file, 'utf8')),
      })),
  ]
    .map((p) => {
      const text = roughText(p.html);
      return { ...p, chars: text.length, cjk: text.match(CJK)?.length ?? 0 };
    })
    .filter((p) => p.chars > 0);
  const cjkPieces = pieces.filter((p) => p.cjk >= 0.3 * p.chars);
  const otherPieces = pieces.filter((p) => p.cjk < 0.3 * p.chars);
  const chosen = [];
  let chars = 0;
  let cjk = 0;
  let nextCjk = 0;
  let nextOther = 0;
  for (let guard = 0; chars < TARGET_CHARS * 0.995 && guard < 10_000; guard++) {
    let piece;
    if (cjk < CJK_SHARE * chars) piece = cjkPieces[nextCjk++ % cjkPieces.length];
    else if (nextOther < otherPieces.length) piece = otherPieces[nextOther++];
    else break;
    if (chars + piece.chars > TARGET_CHARS * 1.005) continue;
    chosen.push(piece);
    chars += piece.chars;
    cjk += piece.cjk;
  }
  const html = chosen.map((p) => `<section>\n${p.html}\n</section>`).join('\n');
  return {
    html,
    pieces: chosen.length,
    cjkPieces: cjkPieces.length,
    cjkCycles: nextCjk / cjkPieces.length,
  };
}
