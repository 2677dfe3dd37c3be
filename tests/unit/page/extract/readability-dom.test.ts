// @vitest-environment-options {"url":"http://fakehost/test/page.html"}
/** The rewritten DOM helpers (readability-dom.ts) against Readability's own, node by node, on corpus pages. */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { type ReadabilityDomHelpers, tuneDomHelpers } from '../../../../lib/page/extract/readability-dom';
import type { ReadabilityInternals } from '../../../../lib/page/extract/readability-tuned';
import { parsePage, readabilityCases } from '../../../support/page-corpus';

type Helpers = ReadabilityInternals & ReadabilityDomHelpers;

/** Every node under `doc`'s root, elements, text, comments and all. */
function allNodes(doc: Document): Node[] {
  const nodes: Node[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, 0xffffffff);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) nodes.push(node);
  return nodes;
}

describe('tuned Readability DOM helpers', () => {
  it('answer as the originals do for every node of every 6th corpus page', () => {
    let checked = 0;
    for (const page of readabilityCases().filter((_, i) => i % 6 === 0)) {
      const doc = parsePage(page.source).doc;
      const plain = new Readability(doc) as unknown as Helpers;
      const tuned = new Readability(doc) as unknown as Helpers;
      tuneDomHelpers(tuned);
      for (const node of allNodes(doc)) {
        const at = `${page.name}: ${node.nodeName}`;
        expect(tuned._isPhrasingContent(node), at).toBe(plain._isPhrasingContent(node));
        expect(tuned._isWhitespace(node), at).toBe(plain._isWhitespace(node));
        expect(tuned._hasChildBlockElement(node), at).toBe(plain._hasChildBlockElement(node));
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        expect(tuned._getNextNode(element), at).toBe(plain._getNextNode(element));
        expect(tuned._getNextNode(element, true), at).toBe(plain._getNextNode(element, true));
        for (const tag of ['P', 'DIV', 'A'])
          expect(tuned._hasSingleTagInsideElement(element, tag), at).toBe(
            plain._hasSingleTagInsideElement(element, tag),
          );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10000);
  });

  it('treat nested phrasing links, a text ending in space and a lone <p> with text beside it as the originals do', () => {
    const doc = parsePage(`<body><div id="a"><a href="x"><del>gone <ins>in</ins></del></a></div>
      <div id="b">  <p>one</p>  </div><div id="c">text <p>one</p></div><div id="d"><a href="y"><div>block</div></a></div></body>`).doc;
    const plain = new Readability(doc) as unknown as Helpers;
    const tuned = new Readability(doc) as unknown as Helpers;
    tuneDomHelpers(tuned);
    const answers = (r: Helpers) =>
      ['a', 'b', 'c', 'd'].map((id) => {
        const element = doc.getElementById(id) as Element;
        return [
          r._isPhrasingContent(element.firstElementChild as Element),
          r._hasSingleTagInsideElement(element, 'P'),
          r._hasChildBlockElement(element),
        ];
      });
    expect(answers(tuned)).toEqual(answers(plain));
    expect(answers(tuned)).toEqual([
      [true, false, false],
      [false, true, true],
      [false, true, true], // "text " ends in a space, and Readability only tests the end (/\S$/)
      [false, false, true],
    ]);
  });
});
