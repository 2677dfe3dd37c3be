/**
 * A stored article is shown with its stored pictures: saved ones from object URLs, the rest as
 * named placeholders that add no text (highlights are anchored in the text), and every URL
 * revoked when the reader is done.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleImages, StoredImage } from '../../../../lib/model';
import {
  imagePlaceholder,
  localImageUrls,
  pointAtLocalCopies,
  showLocalImages,
} from '../../../../lib/ui/images/local-images';

const HASH_A = 'a'.repeat(64);
const HASH_T = 'c'.repeat(64);
const image = (hash: string): StoredImage => ({
  hash,
  blob: new Blob(['x'], { type: 'image/png' }),
  type: 'image/png',
  bytes: 1,
  width: 1,
  height: 1,
});

const map: ArticleImages = {
  articleId: 'a1',
  entries: [
    { src: 'https://a.test/1.png', hash: HASH_A },
    { src: 'https://a.test/1-again.png', hash: HASH_A },
    { src: 'https://a.test/gone.png', hash: 'b'.repeat(64) },
    { src: 'https://a.test/failed.png', failed: 'timeout', tries: 1, nextTry: 5 },
  ],
  thumb: HASH_T,
  hashes: [HASH_A, 'b'.repeat(64), HASH_T],
  updatedAt: 1,
};

function fakeUrls() {
  const live = new Set<string>();
  let n = 0;
  return {
    live,
    create: () => {
      const url = `blob:test/${++n}`;
      live.add(url);
      return url;
    },
    revoke: (url: string) => void live.delete(url),
  };
}

describe('localImageUrls', () => {
  it('makes one URL per stored picture, maps every source naming it, and revokes them all', async () => {
    const urls = fakeUrls();
    const library = {
      getImages: async (hashes: readonly string[]) =>
        new Map(hashes.filter((h) => h !== 'b'.repeat(64)).map((h) => [h, image(h)])),
    };
    const local = await localImageUrls(library, map, urls);
    expect(urls.live.size).toBe(2);
    expect(local.bySrc.get('https://a.test/1.png')).toBe(local.bySrc.get('https://a.test/1-again.png'));
    expect(local.bySrc.has('https://a.test/gone.png')).toBe(false);
    expect(local.bySrc.has('https://a.test/failed.png')).toBe(false);
    expect(local.thumb).toMatch(/^blob:/);
    local.revoke();
    local.revoke();
    expect(urls.live.size).toBe(0);
  });

  it('an article whose images were never looked at has none', async () => {
    const local = await localImageUrls({ getImages: async () => new Map() }, undefined, fakeUrls());
    expect(local.bySrc.size).toBe(0);
    expect(local.thumb).toBeNull();
  });
});

describe('showLocalImages', () => {
  it('points saved images at their local copy and replaces the rest with a named placeholder, text unchanged', () => {
    const root = document.createElement('div');
    root.innerHTML = [
      '<p>Before <img src="https://a.test/1.png" alt="A map" loading="lazy"> after</p>',
      '<figure><img src="https://a.test/failed.png" alt="The harbour"><figcaption>Caption</figcaption></figure>',
      '<p><img src="https://a.test/unknown.png"></p>',
    ].join('');
    const text = root.textContent;
    showLocalImages(root, new Map([['https://a.test/1.png', 'blob:test/1']]), { notSaved: 'Image not saved' });

    const imgs = [...root.querySelectorAll('img')];
    expect(imgs.map((img) => img.getAttribute('src'))).toEqual(['blob:test/1']);
    expect(imgs[0]?.hasAttribute('loading')).toBe(false);
    const placeholders = [...root.querySelectorAll('[role="img"]')];
    expect(placeholders.map((p) => p.getAttribute('aria-label'))).toEqual([
      'The harbour (Image not saved)',
      'Image not saved',
    ]);
    expect(placeholders[0]?.getAttribute('data-alt')).toBe('The harbour');
    expect(root.textContent).toBe(text);
    // Nothing left that could reach the web.
    expect(root.innerHTML).not.toMatch(/https:/);
  });

  it('a placeholder carries no text node of its own', () => {
    const img = document.createElement('img');
    img.alt = '  ';
    const box = imagePlaceholder(img, { notSaved: '图片未保存' });
    expect(box.childNodes).toHaveLength(0);
    expect(box.getAttribute('aria-label')).toBe('图片未保存');
    expect(box.hasAttribute('data-alt')).toBe(false);
  });
});

describe('pointAtLocalCopies (the reading view of a saved live page)', () => {
  it('points saved pictures at their copies, leaves the rest on the web, and finds them again', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<p>前文<img src="https://a.test/1.png" srcset="https://a.test/1@2x.png 2x" loading="lazy" alt="一">后文</p>' +
      '<p><img src="https://a.test/failed.png" alt="二"></p>';
    const text = root.textContent;
    expect(pointAtLocalCopies(root, new Map([['https://a.test/1.png', 'blob:test/1']]))).toBe(1);
    const [saved, web] = [...root.querySelectorAll('img')];
    expect(saved?.getAttribute('src')).toBe('blob:test/1');
    expect(saved?.hasAttribute('srcset')).toBe(false);
    expect(saved?.hasAttribute('loading')).toBe(false);
    expect(web?.getAttribute('src')).toBe('https://a.test/failed.png');
    expect(root.textContent).toBe(text);
    // A later set (a retry succeeded; the old URLs are revoked) is matched by the web address.
    const next = new Map([
      ['https://a.test/1.png', 'blob:test/2'],
      ['https://a.test/failed.png', 'blob:test/3'],
    ]);
    expect(pointAtLocalCopies(root, next)).toBe(2);
    expect([...root.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['blob:test/2', 'blob:test/3']);
  });
});
