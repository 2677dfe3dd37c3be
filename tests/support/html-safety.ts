/**
 * Test helper: lists what is dangerous in a piece of HTML by parsing it with a real DOM parser
 * and walking every element — regexes over markup miss what a parser would build.
 */

const FORBIDDEN_TAGS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'svg',
  'math',
  'template',
  'noscript',
  'meta',
  'link',
  'base',
  'textarea',
  'select',
]);
const URL_ATTRS = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'srcset',
]);
const BAD_URL = /^\s*(?:javascript|vbscript|data:(?!image\/(?:png|jpe?g|gif|webp|avif|bmp);))/i;

/** Human-readable problems found in `html` (empty when the markup is safe by our policy). */
export function dangerousMarkup(html: string): string[] {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const problems: string[] = [];
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.localName;
    if (FORBIDDEN_TAGS.has(tag)) problems.push(`<${tag}>`);
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`foreign element <${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${tag}[${name}]`);
      if (name === 'style' || name === 'srcdoc' || name === 'id' || name === 'name' || name.startsWith('data-')) {
        problems.push(`${tag}[${name}]`);
      }
      if (URL_ATTRS.has(name) && BAD_URL.test(attr.value)) problems.push(`${tag}[${name}=${attr.value.slice(0, 40)}]`);
    }
    if (tag === 'a' && el.hasAttribute('href') && el.getAttribute('rel') !== 'noopener noreferrer') {
      problems.push('a without rel=noopener noreferrer');
    }
    if (tag === 'img' && el.getAttribute('referrerpolicy') !== 'no-referrer') problems.push('img without no-referrer');
  }
  return problems;
}
