/**
 * The `feeds` benchmark's code, compiled for Node by bench/vite.feeds.config.ts: a 500-item
 * Chinese RSS 2.0 feed (CDATA bodies, RFC 822 dates, guids, categories), read by Glossa's whole
 * path (linear pre-scan + feedsmith + normalizing), by feedsmith alone, and by
 * @rowanmanning/feed-parser, side by side in one process, alternating order per run; then the
 * same entries through the feed importer up to the store (sanitizing stubbed: it needs a DOM and
 * is measured by the `import` suite); and refreshing 100 subscriptions that all answer 304.
 */
import { parseFeed as rowanParse } from '@rowanmanning/feed-parser';
import { parseRssFeed } from 'feedsmith';
import { refreshSubscription } from '../../lib/background/feeds/refresh';
import type { Article } from '../../lib/model';
import { importFeedEntries } from '../../lib/shared/feeds/feed-import';
import { parseFeedText } from '../../lib/shared/feeds/parse-feed';
import { newSubscription } from '../../lib/shared/feeds/subscription';

/** A 500-item feed like the ones RSSHub makes of Chinese news sites. */
export function makeFeed(items: number): string {
  const body = (i: number) =>
    `<p>第${i}条。美国总统拜登与乌克兰总统泽连斯基进行了电话交谈，讨论了顿巴斯地区局势问题。</p>`.repeat(12) +
    `<p><img src="/img/${i}.jpg" alt=""> 《华盛顿邮报》援引美国情报分析的话说 &amp; 卫星图像显示。</p>`;
  const entries = Array.from(
    { length: items },
    (_, i) => `<item>
      <title><![CDATA[华盛顿与基辅就莫斯科危机进行磋商 #${i}]]></title>
      <link>https://chinese.example.net/news/${i}</link>
      <guid isPermaLink="false">post-${i}</guid>
      <dc:creator>半岛网编辑部</dc:creator>
      <category>新闻</category><category>国际</category>
      <pubDate>Fri, ${String((i % 28) + 1).padStart(2, '0')} Dec 2021 10:20:36 +0800</pubDate>
      <description><![CDATA[${body(i)}]]></description>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>半岛新闻</title><link>https://chinese.example.net/</link><description>新闻</description>
${entries.join('\n')}
</channel></rss>`;
}

/** The candidates, each turning text into a count of entries read. */
export const PARSERS: Record<string, (text: string) => number> = {
  'glossa (scan + feedsmith + normalize)': (text) => {
    const feed = parseFeedText(text, 'https://chinese.example.net/feed/');
    if (!feed.ok) throw new Error(feed.error.detail);
    return feed.value.entries.length;
  },
  'feedsmith 3.0.1 alone': (text) => parseRssFeed(text).items?.length ?? 0,
  '@rowanmanning/feed-parser 2.1.5': (text) => rowanParse(text).items.length,
};

/** Parses and imports `text`'s entries with a pass-through sanitizer and an in-memory store. */
export async function importAll(text: string): Promise<number> {
  const feed = parseFeedText(text, 'https://chinese.example.net/feed/');
  if (!feed.ok) throw new Error(feed.error.detail);
  const stored = new Map<string, Article>();
  const report = await importFeedEntries(
    feed.value,
    { subscriptionId: 's_bench', title: '半岛新闻' },
    {
      // Stands in for DOMPurify: text by dropping tags, no images kept.
      prepare: (html) => ({ html, text: html.replace(/<[^>]*>/g, ''), images: [] }),
      store: async (article) => {
        stored.set(article.id, article);
        return 'created';
      },
      now: () => 0,
    },
  );
  if (report.errors.length > 0) throw new Error(report.errors[0]?.message);
  return stored.size;
}

/**
 * Refreshes one subscription per URL, all at once, each already holding the ETag the server
 * answers 304 to: what the hourly alarm costs when nothing changed. Answers how many were 304.
 */
export async function refreshAllUnchanged(urls: readonly string[], etag: string): Promise<number> {
  const subs = await Promise.all(urls.map((url) => newSubscription(url, 0)));
  const results = await Promise.all(
    subs.map((sub) => {
      if (sub === null) throw new Error('bad url');
      return refreshSubscription(
        { ...sub, fetch: { ...sub.fetch, etag } },
        {
          prepare: () => {
            throw new Error('a 304 imports nothing');
          },
          store: () => Promise.reject(new Error('a 304 stores nothing')),
          now: () => 1,
        },
      );
    }),
  );
  return results.filter((r) => r.report === null && r.subscription.fetch.lastError === null).length;
}
