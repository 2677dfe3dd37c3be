// @vitest-environment-options {"url":"http://fakehost/test/page.html"}
/**
 * The tuned Readability against the plain one on pages built to take every shadowed path:
 * the corpus comparison (all 130 pages) lives in extract.test.ts, beside the F1 scores.
 */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { inertClone } from '../../../../lib/page/extract/inert-clone';
import { SHADOWED, tunedReadability } from '../../../../lib/page/extract/readability-tuned';
import { countRetries, parsePage } from '../../../support/page-corpus';

/** Plain and tuned results for `html`, each on its own parse, and the tuned run's retries. */
function both(html: string) {
  const plain = new Readability(parsePage(html).doc).parse();
  const source = parsePage(html).doc;
  const before = source.documentElement.outerHTML;
  const reader = tunedReadability(inertClone(source), source);
  const retries = countRetries(reader);
  const tuned = reader.parse();
  return { plain, tuned, retries: retries(), sourceUntouched: source.documentElement.outerHTML === before };
}

const para = (text: string) => `<p>${text}</p>`;

describe('tunedReadability', () => {
  it('shadows only methods the pinned Readability still has', () => {
    const proto = Readability.prototype as unknown as Record<string, unknown>;
    expect(SHADOWED.filter((name) => typeof proto[name] !== 'function')).toEqual([]);
  });

  it('gives the plain result on a short page that retries with every flag, after scripts, styles, noscript images, <br> runs and <font>', () => {
    const html = `<html lang="zh"><head><title>短文</title><style>p{color:red}</style>
      <script>window.x = 1</script></head><body>
      <div class="comment sidebar">侧栏 <a href="/a">链接</a></div>
      <div id="main"><font face="serif">第一段：政府宣布新的公共交通计划。</font><br><br>第二段，市民反应。<br><br>
      <img class="lazy" src="data:,"><noscript><img src="http://fakehost/real.jpg"></noscript>
      <span style="display:none">隐藏</span><div aria-hidden="true" class="fallback-image">公式</div>
      <div></div><section> </section><p class="byline">记者 王五</p></div></body></html>`;
    const { plain, tuned, retries, sourceUntouched } = both(html);
    expect(retries).toBe(3);
    expect(tuned).toEqual(plain);
    expect(tuned?.content).toContain('第二段');
    expect(sourceUntouched).toBe(true);
  });

  it('gives the plain result on a long page that needs no retry, with links, bylines and hidden parts', () => {
    const body = Array.from({ length: 12 }, (_, i) =>
      para(`Paragraph ${i}, which says enough, with commas, to be scored as content by the reader.`),
    ).join('');
    const html = `<html><head><title>Long</title></head><body>
      <div class="author" rel="author">By Ada Lovelace</div>
      <nav><a href="/1">one</a> <a href="#2">two</a></nav>
      <article><div><p>Lead with <a href="/x">a link</a> in it, and more words after the link.</p></div>${body}
      <div style="visibility:hidden">gone</div><div hidden>also gone</div></article></body></html>`;
    const { plain, tuned, retries } = both(html);
    expect(retries).toBe(0);
    expect(tuned).toEqual(plain);
    expect(tuned?.byline).toBe('By Ada Lovelace');
  });

  it('keeps a body that spells out the page-cache marker as plain text', () => {
    const html = `<html><body><p>\u0000glossa-page-cache-0.5 is just text.</p></body></html>`;
    const { plain, tuned } = both(html);
    expect(tuned).toEqual(plain);
  });
});
