// @vitest-environment node
/**
 * Saving an article's images against a real HTTP server on 127.0.0.1: pictures are stored once
 * however many articles show them, every refusal is named (over-size, not a picture, too slow,
 * a redirect out of http(s)), fetches go out without credentials or referrer and a few at a
 * time, and failures are tried again later only when that can help.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_TRIES, retryDelay, saveArticleImages } from '../../../../lib/background/images/save-images';
import type { ArticleImages, ImageEntry } from '../../../../lib/model';
import { type Library, openLibrary } from '../../../../lib/storage';
import { type ImageServer, pngBytes, serve, startImageServer } from '../../../support/image-server';
import { makeArticle, uniqueDbName } from '../../../support/library';
import { readRaw } from '../../../support/raw-idb';

let server: ImageServer;
let library: Library;
let dbName: string;
beforeEach(async () => {
  server = await startImageServer();
  dbName = uniqueDbName();
  library = await openLibrary({ name: dbName });
});
afterEach(async () => {
  library.close();
  await server.stop();
});

const imgs = (...paths: string[]) => paths.map((p) => `<p><img src="${server.origin}${p}" alt="${p}"></p>`).join('');
const byUrl = (map: ArticleImages | null, path: string): ImageEntry | undefined =>
  map?.entries.find((e) => e.src === `${server.origin}${path}`);
/** Saves article `id`'s pictures; the article is on the test server's host unless `url` says otherwise. */
async function save(
  id: string,
  html: string,
  options: Partial<Parameters<typeof saveArticleImages>[1]> = {},
  url: string | null = `${server.origin}/${id}.html`,
) {
  if (!(await library.getArticleMeta(id))) await library.upsertArticle(makeArticle({ id, html, url }));
  return saveArticleImages(id, { library, timeoutMs: 2_000, ...options });
}
const storedCount = async () => (await readRaw(dbName, 'images')).records.length;

describe('saveArticleImages', () => {
  it('stores a picture shown by two articles (under two addresses) once', async () => {
    const shared = pngBytes(640, 480, 1);
    server.route('/a.png', serve(shared, 'image/png'));
    server.route('/copy-of-a.png', serve(shared, 'image/png'));
    server.route('/b.png', serve(pngBytes(10, 10, 2), 'image/png'));

    const one = await save('one', imgs('/a.png', '/b.png'));
    const two = await save('two', imgs('/copy-of-a.png'));
    const hashOf = (e: ImageEntry | undefined) => (e && 'hash' in e ? e.hash : null);
    expect(hashOf(byUrl(one, '/a.png'))).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(byUrl(two, '/copy-of-a.png'))).toBe(hashOf(byUrl(one, '/a.png')));
    expect(await storedCount()).toBe(2);
    const stored = await library.getImages([hashOf(byUrl(one, '/a.png')) ?? '']);
    expect([...stored.values()][0]).toMatchObject({ type: 'image/png', bytes: 64, width: 640, height: 480 });

    // Deleting one article for good keeps the picture the other still shows.
    await library.deleteArticle('one');
    await library.removeFromTrash('a:one');
    expect(await library.sweepImages()).toEqual({ maps: 1, images: 1 });
    expect(await storedCount()).toBe(1);
  });

  it('skips an over-size picture and names it, with or without a Content-Length', async () => {
    const big = pngBytes(1, 1, 3, 300_000);
    server.route('/declared.png', serve(big, 'image/png'));
    server.route('/streamed.png', serve(big, 'image/png', true));
    server.route('/small.png', serve(pngBytes(1, 1, 4), 'image/png'));
    const map = await save('big', imgs('/declared.png', '/streamed.png', '/small.png'), { maxImageBytes: 100_000 });
    expect(byUrl(map, '/declared.png')).toEqual({
      src: `${server.origin}/declared.png`,
      failed: 'too-large',
      tries: 1,
      nextTry: null,
    });
    expect(byUrl(map, '/streamed.png')).toMatchObject({ failed: 'too-large', nextTry: null });
    expect(byUrl(map, '/small.png')).toHaveProperty('hash');
    expect(await storedCount()).toBe(1);
  });

  it('keeps within the article budget and the image count, naming what did not fit', async () => {
    for (const n of [1, 2, 3]) server.route(`/${n}.png`, serve(pngBytes(1, 1, n, 40_000), 'image/png'));
    const bytes = await save('budget', imgs('/1.png', '/2.png'), { maxArticleBytes: 60_000, concurrency: 1 });
    expect(byUrl(bytes, '/1.png')).toHaveProperty('hash');
    expect(byUrl(bytes, '/2.png')).toMatchObject({ failed: 'article-cap' });
    const count = await save('count', imgs('/1.png', '/2.png', '/3.png'), { maxImages: 2 });
    expect(count?.entries.map((e) => ('hash' in e ? 'saved' : e.failed))).toEqual(['saved', 'saved', 'article-cap']);
    expect(server.requests.filter((r) => r.path === '/3.png')).toHaveLength(0);
  });

  it('refuses what is not a picture whatever the server calls it, and an SVG where nothing can sanitize it', async () => {
    server.route('/page.png', serve('<!doctype html><script>alert(1)</script>', 'image/png'));
    server.route(
      '/logo.svg',
      serve('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml'),
    );
    const map = await save('types', imgs('/page.png', '/logo.svg'));
    expect(byUrl(map, '/page.png')).toMatchObject({ failed: 'bad-type', nextTry: null });
    expect(byUrl(map, '/logo.svg')).toMatchObject({ failed: 'svg-refused', nextTry: null });
    expect(await storedCount()).toBe(0);
  });

  it('stores an SVG only as the sanitizer returns it', async () => {
    server.route(
      '/logo.svg',
      serve('<svg xmlns="http://www.w3.org/2000/svg"><script>x</script><rect/></svg>', 'image/svg+xml'),
    );
    const map = await save('svg', imgs('/logo.svg'), {
      sanitizeSvg: (svg) => svg.replace(/<script>.*?<\/script>/, ''),
    });
    const entry = byUrl(map, '/logo.svg');
    const image = [...(await library.getImages([entry && 'hash' in entry ? entry.hash : ''])).values()][0];
    expect(image?.type).toBe('image/svg+xml');
    expect(await image?.blob.text()).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
  });

  it('names a timeout and a server error, and plans a retry for both', async () => {
    server.route('/slow.png', () => undefined); // never answers
    server.route('/broken.png', (res) => void res.writeHead(500).end());
    const map = await save('slow', imgs('/slow.png', '/broken.png'), { timeoutMs: 300, now: () => 1_000 });
    expect(byUrl(map, '/slow.png')).toMatchObject({ failed: 'timeout', tries: 1, nextTry: 1_000 + retryDelay(1) });
    expect(byUrl(map, '/broken.png')).toMatchObject({
      failed: 'http-status',
      tries: 1,
      nextTry: 1_000 + retryDelay(1),
    });
  });

  it('refuses a redirect out of http(s), and follows one within it', async () => {
    const redirect = (location: string) => (res: import('node:http').ServerResponse) =>
      void res.writeHead(302, { location }).end();
    server.route('/to-file.png', redirect('file:///etc/passwd'));
    server.route('/to-data.png', redirect('data:image/png;base64,iVBORw0KGgo='));
    server.route('/moved.png', redirect('/real.png'));
    server.route('/real.png', serve(pngBytes(2, 2, 9), 'image/png'));
    const map = await save('redirects', imgs('/to-file.png', '/to-data.png', '/moved.png'));
    for (const path of ['/to-file.png', '/to-data.png']) {
      // fetch refuses the hop itself (the Fetch standard); nothing is stored.
      expect(byUrl(map, path)).toMatchObject({ failed: 'network' });
    }
    expect(byUrl(map, '/moved.png')).toHaveProperty('hash');
    expect(await storedCount()).toBe(1);
  });

  it('never lets an article from the internet, or a URL-less import, reach into the reader’s network', async () => {
    server.route('/router.png', serve(pngBytes(2, 2, 5), 'image/png'));
    const publicMap = await save('public', imgs('/router.png'), {}, 'https://news.example.com/post');
    expect(byUrl(publicMap, '/router.png')).toMatchObject({ failed: 'local-network', nextTry: null });
    const importedMap = await save('imported', imgs('/router.png'), {}, null);
    expect(byUrl(importedMap, '/router.png')).toMatchObject({ failed: 'local-network' });
    expect(server.requests.filter((r) => r.path === '/router.png')).toHaveLength(0);

    // A public picture that redirects there is refused too, its body unread. The public host is
    // played by the same server (no DNS here): the first hop is rewritten, the redirect is real.
    server.route('/hop.png', (res) => void res.writeHead(302, { location: `${server.origin}/router.png` }).end());
    const viaPublicHost: typeof fetch = (input, init) =>
      fetch(String(input).replace('https://cdn.example.com', server.origin), init);
    const html = '<p><img src="https://cdn.example.com/hop.png" alt=""></p>';
    const hopped = await save('hopped', html, { fetch: viaPublicHost }, 'https://news.example.com/hop');
    expect(hopped?.entries[0]).toMatchObject({ failed: 'local-network' });
    expect(await storedCount()).toBe(0);

    // The same picture in an article from the reader's own network is saved.
    expect(byUrl(await save('intranet', imgs('/router.png')), '/router.png')).toHaveProperty('hash');
  });

  it('sends no cookies, credentials or referrer, and fetches at most four at a time', async () => {
    const paths = Array.from({ length: 10 }, (_, i) => `/p${i}.png`);
    for (const [i, path] of paths.entries()) {
      server.route(path, async (res) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        serve(pngBytes(1, 1, i), 'image/png')(res);
      });
    }
    await save('many', imgs(...paths));
    expect(server.requests).toHaveLength(10);
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
    expect(server.maxInFlight).toBeGreaterThan(1);
    for (const { headers } of server.requests) {
      expect(headers).not.toHaveProperty('cookie');
      expect(headers).not.toHaveProperty('referer');
      expect(headers).not.toHaveProperty('authorization');
    }
  });

  it('tries a failed picture again only once its retry is due, and gives up after the last try', async () => {
    let fail = true;
    server.route('/flaky.png', (res) =>
      fail ? void res.writeHead(503).end() : serve(pngBytes(3, 3, 7), 'image/png')(res),
    );
    const first = await save('flaky', imgs('/flaky.png'), { now: () => 0 });
    fail = false;
    const early = await save('flaky', '', { now: () => retryDelay(1) - 1 });
    expect(early).toEqual(first);
    expect(server.requests).toHaveLength(1);
    const later = await save('flaky', '', { now: () => retryDelay(1) });
    expect(byUrl(later, '/flaky.png')).toHaveProperty('hash');
    expect(later?.nextTry).toBeUndefined();

    server.route('/down.png', (res) => void res.writeHead(500).end());
    let map = await save('down', imgs('/down.png'), { now: () => 0 });
    for (let t = 1; t < MAX_TRIES; t++) map = await save('down', '', { now: () => 10 ** 12 * t });
    expect(byUrl(map, '/down.png')).toMatchObject({ failed: 'http-status', tries: MAX_TRIES, nextTry: null });
    expect(map?.nextTry).toBeUndefined();
  });

  it('makes the thumbnail once, from the hero when it is saved', async () => {
    server.route('/hero.png', serve(pngBytes(800, 600, 1), 'image/png'));
    server.route('/body.png', serve(pngBytes(100, 100, 2), 'image/png'));
    const drawn: number[] = [];
    const thumbnail = async (blob: Blob) => {
      drawn.push(blob.size);
      return { blob: new Blob([pngBytes(160, 120, 42)], { type: 'image/png' }), width: 160, height: 120 };
    };
    await library.upsertArticle(
      makeArticle({
        id: 'hero',
        url: `${server.origin}/hero.html`,
        heroImage: `${server.origin}/hero.png`,
        html: imgs('/body.png'),
      }),
    );
    const map = await saveArticleImages('hero', { library, thumbnail });
    const thumb = (await library.getImages([map?.thumb ?? ''])).get(map?.thumb ?? '');
    expect(thumb).toMatchObject({ width: 160, height: 120, type: 'image/png' });
    expect(map?.hashes).toHaveLength(3);
    expect((await library.getThumbnails(['hero'])).get('hero')?.size).toBe(64);
    await library.upsertArticle(
      makeArticle({
        id: 'hero',
        url: `${server.origin}/hero.html`,
        heroImage: `${server.origin}/hero.png`,
        html: imgs('/body.png', '/new.png'),
        contentHash: 'changed',
      }),
    );
    await saveArticleImages('hero', { library, thumbnail });
    expect(drawn).toHaveLength(1);
  });

  it('never fetches again what the reader removed from an archived article', async () => {
    server.route('/kept.png', serve(pngBytes(5, 5, 1), 'image/png'));
    await library.upsertArticle(
      makeArticle({ id: 'archived', url: `${server.origin}/archived.html`, archived: true, html: imgs('/kept.png') }),
    );
    await saveArticleImages('archived', { library });
    expect(await library.removeArchivedImages()).toEqual({ articles: 1, images: 1 });
    const map = await saveArticleImages('archived', { library, now: () => 10 ** 13 });
    expect(byUrl(map, '/kept.png')).toMatchObject({ failed: 'removed', nextTry: null });
    expect(server.requests).toHaveLength(1);
  });

  it('answers null for an article that does not exist', async () => {
    expect(await saveArticleImages('absent', { library })).toBeNull();
  });
});
