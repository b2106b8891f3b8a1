import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { locales } from '@/i18n/locales';
import { storeOf } from '@/tests/content-index-fixture';
import { contentStore } from './content-store';
import { FEED_SIZE, feedFormats, renderFeed, type FeedFormat } from './feeds';
import { listingsOf } from './page-paths';
import { site } from './site';

// Every feed of the built content store (npm run content), parsed by a real feed parser.
const parser = new Parser();
type Item = { id: string; link: string; title: string; date: number; html: string };

async function parse(text: string, format: FeedFormat): Promise<Item[]> {
  if (format === 'json') {
    const json = JSON.parse(text) as {
      version: string;
      items: { id: string; url: string; title: string; date_modified: string; content_html: string }[];
    };
    expect(json.version).toMatch(/jsonfeed\.org\/version\/1/);
    return json.items.map((i) => ({
      id: i.id,
      link: i.url,
      title: i.title,
      date: Date.parse(i.date_modified),
      html: i.content_html,
    }));
  }
  const feed = await parser.parseString(text);
  return feed.items.map((i) => ({
    id: String(i.guid ?? i.id),
    link: i.link ?? '',
    title: i.title ?? '',
    date: Date.parse(i.isoDate ?? ''),
    html: String(i['content:encoded'] ?? i.content ?? ''),
  }));
}

describe('feeds', () => {
  const index = contentStore();
  for (const locale of locales) {
    for (const spec of listingsOf(index, locale)) {
      const listing = { ...spec, articles: index.articles(spec.filter, 0, FEED_SIZE) };
      for (const format of feedFormats) {
        it(`${locale} ${listing.kind} ${listing.key} ${format}`, async () => {
          const text = renderFeed(index, locale, listing.kind, listing.key, format)!;
          const items = await parse(text, format);
          expect(items.length).toBe(Math.min(FEED_SIZE, listing.articles.length));
          expect(items.length).toBeGreaterThan(0);
          expect(text).not.toMatch(/<script|<iframe|javascript:|\son\w+=/i);
          items.forEach((item, i) => {
            const article = listing.articles[i]!;
            expect(item.id).toBe(new URL(article.path, site.url).toString());
            expect(item.link.startsWith(site.url)).toBe(true);
            expect(item.html.length).toBeGreaterThan(article.summary.length);
            for (const [, url] of item.html.matchAll(/(?:href|src)="([^"]*)"/g))
              expect(url).toMatch(/^(https?:|mailto:)/);
            if (article.sponsor) expect(item.html).toContain(article.sponsor.name);
            if (article.syndication) expect(item.html).toContain(article.syndication.partner);
          });
          const published = listing.articles.map((a) => Date.parse(a.publishedAt));
          expect([...published].sort((a, b) => b - a)).toEqual(published);
        });
      }
    }
  }

  it('carries a video as a link to its page, in place of the player', async () => {
    for (const locale of locales) {
      const items = await parse(renderFeed(index, locale, 'home', '', 'rss')!, 'rss');
      const withVideo = items.filter((i) => /youtube\.com\/watch\?v=|vimeo\.com\/\d/.test(i.html));
      expect(withVideo.length, 'the sample site has a story with a video').toBeGreaterThan(0);
      for (const item of withVideo)
        expect(item.html).toMatch(/<a href="https:\/\/(?:www\.youtube\.com\/watch\?v=|vimeo\.com\/)[^"]+">[^<]+<\/a>/);
    }
  });

  it('carries the disclosure and syndication line in each script', async () => {
    for (const locale of locales) {
      const items = await parse(renderFeed(index, locale, 'home', '', 'rss')!, 'rss');
      const sponsored = index.articles({ locale }).find((a) => a.sponsor);
      const syndicated = index.articles({ locale }).find((a) => a.syndication);
      expect(sponsored && syndicated).toBeTruthy();
      const html = (a: typeof sponsored) => items.find((i) => i.id.endsWith(a!.path))?.html ?? '';
      expect(html(sponsored)).toContain(locale === 'zh-Hant' ? '廣編企劃' : '广编企划');
      expect(html(syndicated)).toContain(locale === 'zh-Hant' ? '授權轉載' : '授权转载');
    }
  });

  it('writes the zh-Hans feed in Simplified', () => {
    const text = renderFeed(index, 'zh-Hans', 'home', '', 'atom')!;
    expect(text).toContain('观潮科技');
    expect(text).not.toMatch(/[觀與業這為們會來個說時]/);
  });

  it('keeps an item id when the story is corrected', () => {
    const article = index.articles({ locale: 'zh-Hant' })[0]!;
    const before = renderFeed(index, 'zh-Hant', 'home', '', 'json')!;
    const names = index.names();
    const raw = {
      articles: locales.flatMap((locale) => index.articles({ locale })),
      tags: names.tags,
      sections: names.sections,
      authors: names.authors,
      pages: names.pages,
      preview: false,
    };
    const fixed = `${article.title}（更正）`;
    const corrected = storeOf({
      ...raw,
      articles: raw.articles.map((a) =>
        a.path === article.path ? { ...a, title: fixed, updatedAt: new Date().toISOString() } : a,
      ),
    });
    const after = renderFeed(corrected, 'zh-Hant', 'home', '', 'json')!;
    const item = (text: string) =>
      (JSON.parse(text) as { items: { id: string; title: string }[] }).items.find((i) => i.id.endsWith(article.path))!;
    expect(item(after).title).toBe(fixed);
    expect(item(after).id).toBe(item(before).id);
  });
});
