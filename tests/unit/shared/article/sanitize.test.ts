import { readFileSync } from 'node:fs';
import type { WindowLike } from 'dompurify';
import { describe, expect, test } from 'vitest';
import { parseSeedFile } from '../../../../lib/shared/article/front-matter';
import { sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { readCorpusFile, SEED_PATH } from '../../../support/corpus';
import { dangerousMarkup } from '../../../support/html-safety';

const clean = (html: string, baseUrl?: string) => sanitizeArticleHtml(html, window, baseUrl ? { baseUrl } : {});
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;

function bodyOf(name: string, text: string): string {
  const result = parseSeedFile(name, text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.body;
}

describe('the bundled seed article', () => {
  const prepared = clean(bodyOf('seed.md', readFileSync(SEED_PATH, 'utf8')));
  const dom = parse(prepared.html);

  test('keeps its 18 text paragraphs, its h3 and its 2 images', () => {
    const paragraphs = Array.from(dom.querySelectorAll('p')).filter((p) => (p.textContent ?? '').trim() !== '');
    expect(paragraphs).toHaveLength(18);
    expect(dom.querySelectorAll('h3')).toHaveLength(1);
    expect(dom.querySelector('h3')?.textContent).toBe('俄罗斯军事集结');
    const images = Array.from(dom.querySelectorAll('img'));
    expect(images).toHaveLength(2);
    for (const img of images) {
      expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
      expect(img.getAttribute('loading')).toBe('lazy');
    }
    expect(prepared.images).toEqual(images.map((img) => img.getAttribute('src')));
    expect(prepared.images[0]).toBe(
      'https://chinese.aljazeera.net/wp-content/uploads/2021/12/image-31.jpg?w=770&resize=770%2C433',
    );
  });

  test('drops site classes and data attributes', () => {
    expect(prepared.html).not.toMatch(/class=|data-recalc-dims|wp-image/);
  });

  test('text is one paragraph per block, separated by blank lines', () => {
    const blocks = prepared.text.split('\n\n');
    expect(blocks).toHaveLength(19);
    expect(blocks[0]).toBe(
      '美国总统拜登与乌克兰总统泽连斯基进行了电话交谈，讨论了顿巴斯地区（该国东部）局势问题，而卫星图像显示，俄罗斯军队继续向乌克兰集结。',
    );
    expect(blocks).toContain('俄罗斯军事集结');
    expect(prepared.text).not.toMatch(/^\s|\s$|\n{3}/);
  });
});

describe('policy', () => {
  test('removes elements hidden inline, with their content, before style is dropped', () => {
    const { html, text } = clean(
      '<p>shown</p><div style="color:red; display: none">gone1</div><p hidden>gone2</p>' +
        '<span style="visibility:hidden">gone3</span><p style="display:none!important">gone4</p><p style="color:red">kept</p>',
    );
    expect(text).toBe('shown\n\nkept');
    expect(html).toBe('<p>shown</p><p>kept</p>');
  });

  test('drops class, id, name, style, data-* and Vue data-v-* attributes', () => {
    const { html } = clean(
      '<div class="a" id="document" data-v-7be936cf="" data-x="1"><a name="cookie" style="x">t</a></div>',
    );
    expect(html).toBe('<div><a>t</a></div>');
  });

  test('links: http(s)/mailto open in a new tab without opener; others lose their href', () => {
    const { html } = clean(
      '<a href="https://e.com/x">1</a><a href="mailto:a@b.c">2</a><a href="javascript:alert(1)">3</a>' +
        '<a href="data:text/html,x">4</a><a href="/relative">5</a><a href="//cdn.e.com/y" target="_top" rel="opener">6</a>',
    );
    const links = Array.from(parse(html).querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://e.com/x',
      'mailto:a@b.c',
      null,
      null,
      null,
      'https://cdn.e.com/y',
    ]);
    for (const a of links.filter((l) => l.hasAttribute('href'))) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('target')).toBe('_blank');
    }
    expect(links[2]?.hasAttribute('target')).toBe(false);
  });

  test('relative URLs resolve against a base URL when one is given', () => {
    const { html, images } = clean('<a href="/b#c">x</a><img src="i.png">', 'https://site.example/a/');
    expect(html).toContain('href="https://site.example/b#c"');
    expect(images).toEqual(['https://site.example/a/i.png']);
  });

  test('images: http(s) and raster data URLs only; the rest are removed; lazy src is used', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const { images, html } = clean(
      `<img src="https://e.com/a.jpg" referrerpolicy="unsafe-url" loading="eager"><img src="${png}">` +
        '<img src="data:image/svg+xml,<svg onload=alert(1)>"><img src="javascript:alert(1)"><img src="x">' +
        '<img data-src="https://e.com/lazy.jpg" src="data:image/gif;base64,R0lGOD=="><img>',
    );
    expect(images).toEqual(['https://e.com/a.jpg', png, 'https://e.com/lazy.jpg']);
    expect(parse(html).querySelectorAll('img[referrerpolicy="no-referrer"][loading="lazy"]')).toHaveLength(3);
  });

  test('h1 becomes h2: the reader shows the title as the only h1', () => {
    expect(clean('<h1 class="x">Head <em>line</em></h1><h2>b</h2>').html).toBe('<h2>Head <em>line</em></h2><h2>b</h2>');
  });

  test('widgets go with their labels; unknown wrappers keep their text', () => {
    const { text } = clean(
      '<section><font>kept</font></section><button>分享</button><form><p>form text</p><input value="x"></form>',
    );
    expect(text).toBe('kept\n\nform text');
  });

  test('text: whitespace collapsed, br kept as a line break, pre verbatim, cells as blocks', () => {
    const { text } = clean(
      '<div>  bare   text\n here </div><p>line one<br>line   two</p><pre>  code\n    indented</pre>' +
        '<table><tr><td>a</td><td>b</td></tr></table><ul><li>x</li><li> y </li></ul>',
    );
    expect(text).toBe('bare text here\n\nline one\nline two\n\n  code\n    indented\n\na\n\nb\n\nx\n\ny');
  });

  test('inline elements do not split a paragraph', () => {
    expect(clean('<p>a <strong>b</strong><a href="https://e.com">c</a> d</p>').text).toBe('a bc d');
  });

  test('refuses to run where DOMPurify cannot (it would return the input unsanitized)', () => {
    expect(() => sanitizeArticleHtml('<img src=x onerror=alert(1)>', {} as unknown as WindowLike)).toThrow(/DOMPurify/);
  });

  test('gives the same output on repeated calls (one cached instance per window, hooks added once)', () => {
    const html = '<p><a href="https://e.com">x</a><img src="https://e.com/i.png"></p>';
    expect(clean(html)).toEqual(clean(html));
  });
});

describe('the 20,000-paragraph article', () => {
  test('sanitizes every paragraph in reasonable time', () => {
    const { name, text } = readCorpusFile('hostile/huge-article.md');
    const body = bodyOf(name, text);
    const started = performance.now();
    const prepared = clean(body);
    const elapsed = performance.now() - started;
    console.info(`huge-article.md: sanitized ${body.length} characters in ${Math.round(elapsed)} ms`);
    expect(prepared.html.match(/<p>/g)).toHaveLength(20_000);
    expect(prepared.text.split('\n\n')).toHaveLength(20_000);
    expect(dangerousMarkup(prepared.html)).toEqual([]);
    // Generous: the machine is shared; typical is 1.5–2.5 s in jsdom.
    expect(elapsed).toBeLessThan(15_000);
  });
});
