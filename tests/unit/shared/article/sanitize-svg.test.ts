/** SVG pictures are stored only inert: run under jsdom, where DOMPurify really sanitizes. */
import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../../../lib/shared/article/sanitize-svg';

describe('sanitizeSvg', () => {
  it('keeps shapes and drops scripts, handlers, foreign content and outside references', () => {
    const dirty = [
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">',
      '<script>alert(2)</script><rect width="10" height="10" fill="red" onclick="alert(3)"/>',
      '<foreignObject><iframe src="https://evil.test"></iframe></foreignObject>',
      '<image href="https://tracker.test/pixel.png"/><use href="https://evil.test/x.svg#a"/>',
      '<style>@import url(https://evil.test/a.css)</style></svg>',
    ].join('');
    const clean = sanitizeSvg(dirty, window) ?? '';
    expect(clean).toMatch(/^<svg/);
    expect(clean).toContain('<rect');
    for (const bad of [
      'script',
      'onload',
      'onclick',
      'foreignObject',
      'iframe',
      'tracker.test',
      'evil.test',
      'style',
    ]) {
      expect(clean).not.toContain(bad);
    }
  });

  it('refuses what is no SVG at all', () => {
    expect(sanitizeSvg('<p>hello</p>', window)).toBeNull();
    expect(sanitizeSvg('<script>alert(1)</script>', window)).toBeNull();
  });
});
