// @vitest-environment-options {"url":"http://fakehost/test/page.html"}
import { describe, expect, it } from 'vitest';
import { INERT_STYLE_TYPE, inertClone } from '../../../../lib/page/extract/inert-clone';
import { parsePage, readabilityCases } from '../../../support/page-corpus';

/** Whole-document markup: the doctype, document-level comments and the `<html>` element. */
function markup(doc: Document): string {
  return Array.from(doc.childNodes, (node) =>
    node.nodeType === 10 ? `<!DOCTYPE ${(node as DocumentType).name}>` : new XMLSerializer().serializeToString(node),
  ).join('');
}

/** `doc`'s markup with every style element's `type` attribute taken out. */
function withoutStyleTypes(doc: Document): string {
  const copy = doc.cloneNode(true) as Document;
  for (const style of Array.from(copy.getElementsByTagName('style'))) style.removeAttribute('type');
  return markup(copy);
}

describe('inertClone', () => {
  it('copies a document as cloneNode(true) does, but for inert style types, and leaves the source alone', () => {
    const source = parsePage(`<!DOCTYPE html><!-- before --><html lang="zh"><head><base href="/base/">
      <style>p { color: red }</style><style type="text/css" media="print">b{}</style></head>
      <body><p>正文 <a href="x">link</a></p><svg><style>circle{}</style><circle r="1"/></svg>
      <template><style>i{}</style></template><noscript><img src="a.jpg"></noscript></body></html>`).doc;
    const before = markup(source);
    const copy = inertClone(source);
    expect(markup(source)).toBe(before);
    expect(withoutStyleTypes(copy)).toBe(withoutStyleTypes(source));
    const styles = Array.from(copy.getElementsByTagName('style'));
    expect(styles).toHaveLength(3); // two HTML, one SVG; the template's is inert content already
    expect(styles.map((s) => s.getAttribute('type'))).toEqual([INERT_STYLE_TYPE, INERT_STYLE_TYPE, INERT_STYLE_TYPE]);
    expect(copy.doctype?.name).toBe('html');
    expect(copy.documentURI).toBe(source.documentURI);
    expect(copy.baseURI).toBe(source.baseURI);
    expect(copy.baseURI).toBe('http://fakehost/base/');
    expect(copy.compatMode).toBe(source.compatMode);
    expect(copy.title).toBe(source.title);
  });

  it('keeps a quirks-mode document in quirks mode', () => {
    const source = parsePage('<html><body><p>no doctype</p></body></html>').doc;
    expect(source.compatMode).toBe('BackCompat');
    expect(inertClone(source).compatMode).toBe('BackCompat');
  });

  it('gives the same tree as cloneNode(true) on every 16th corpus page, style types aside', () => {
    const differ = readabilityCases()
      .filter((_, i) => i % 16 === 0)
      .filter((c) => {
        const { doc } = parsePage(c.source);
        return withoutStyleTypes(inertClone(doc)) !== withoutStyleTypes(doc.cloneNode(true) as Document);
      })
      .map((c) => c.name);
    expect(differ).toEqual([]);
  });
});
