/**
 * Which paragraphs of a live page get a margin control for a paragraph note: the article's, not
 * the page's menus, sidebars, footers, forms or link lists; numbered as the page counts all its
 * paragraphs (the number a note's ParagraphSelector records); capped on a very long page.
 */
import { describe, expect, it } from 'vitest';
import { marginParagraphs } from '../../../../lib/shared/highlighting/margin-paragraphs';

function bodyOf(html: string): HTMLElement {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = html;
  return doc.body;
}

describe('marginParagraphs', () => {
  it('keeps the article’s paragraphs and leaves out the page’s chrome, with their page numbers', () => {
    const body = bodyOf(`
      <header><nav><ul><li><a href="/">首页</a></li><li><a href="/about">关于</a></li></ul></nav></header>
      <main><article>
        <h1>标题</h1>
        <p>第一段，有<a href="/x">一个链接</a>。</p>
        <p><a href="/related">只是一个链接</a></p>
        <blockquote>引文</blockquote>
        <form><p>留言</p></form>
      </article></main>
      <aside><p>侧栏</p></aside>
      <footer><p>© 博客</p></footer>`);
    const { paragraphs, numbers } = marginParagraphs(body);
    expect(paragraphs.map((p) => p.textContent)).toEqual(['标题', '第一段，有一个链接。', '引文']);
    expect(numbers).toEqual([3, 4, 6]);
  });

  it('stops at the cap on a very long page', () => {
    const body = bodyOf('<p>段落</p>'.repeat(50));
    const { paragraphs, numbers } = marginParagraphs(body, 20);
    expect(paragraphs).toHaveLength(20);
    expect(numbers.at(-1)).toBe(20);
  });
});
