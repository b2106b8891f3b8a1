import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { indexOf, now, storeOf, story } from '@/tests/content-index-fixture';
import { newsSitemapXml, sitemapPages, sitemapPartXml, sitemapPaths, sitemapXml } from './sitemap';
import { site } from './site';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name),
});
const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Record<string, Record<string, Record<string, unknown>[]>>;
};

const hoursAgo = (h: number) => new Date(now - h * 3600_000).toISOString();
// Ten stories a day apart (listings get a second page), one two hours old, one from a partner
// with its own canonical, one the day before yesterday.
const articles = [
  ...Array.from({ length: site.pageSize + 4 }, (_, i) => story(`s${i}`, i + 1)).flat(),
  ...story('fresh', 1, { publishedAt: hoursAgo(2), title: '新鮮 & <事>' }),
  ...story('partner', 1, {
    publishedAt: hoursAgo(3),
    syndication: {
      partner: '夥伴',
      partnerUrl: 'https://partner.example/',
      originalUrl: 'https://partner.example/a/1',
    },
  }),
  ...story('old', 1, { publishedAt: hoursAgo(49) }),
];
const index = storeOf(indexOf(articles));

describe('the sitemap', () => {
  it('lists every public page in both scripts, with reciprocal alternates and lastmod', () => {
    const doc = parse(sitemapXml(index));
    const urls = doc.urlset!.url!;
    const locs = urls.map((u) => u.loc as string);
    expect(new Set(locs).size).toBe(locs.length);
    for (const path of [
      '',
      '/tags',
      '/articles/s0',
      '/articles/fresh',
      '/tags/ai',
      '/tags/ai/page/2',
      '/sections/tech',
      '/authors/newsroom',
      '/page/2',
    ]) {
      for (const locale of ['zh-Hant', 'zh-Hans'])
        expect(locs).toContain(new URL(`/${locale}${path}`, site.url).toString());
    }
    for (const url of urls) {
      const links = url['xhtml:link'] as { '@hreflang': string; '@href': string }[];
      expect(links.map((l) => l['@hreflang']).sort()).toEqual(['x-default', 'zh-Hans', 'zh-Hant']);
      // Each alternate is itself in the sitemap and names this URL back.
      for (const link of links.filter((l) => l['@hreflang'] !== 'x-default')) {
        const other = urls.find((u) => u.loc === link['@href']);
        expect(other, link['@href']).toBeDefined();
        expect((other!['xhtml:link'] as { '@href': string }[]).map((l) => l['@href'])).toContain(url.loc);
      }
      expect(Date.parse(url.lastmod as string)).not.toBeNaN();
    }
    const fresh = urls.find((u) => (u.loc as string).endsWith('/zh-Hant/articles/fresh'))!;
    expect(fresh.lastmod).toBe(hoursAgo(2));
    // The front page changed when its newest story did.
    expect(urls.find((u) => u.loc === new URL('/zh-Hant', site.url).toString())!.lastmod).toBe(hoursAgo(2));
  });

  it('leaves out the search page, the 404 page and stories whose canonical is a partner', () => {
    const paths = sitemapPages(index).map((p) => p.path);
    expect(paths.filter((p) => /\/(?:search|404)$|\/articles\/partner$/.test(p))).toEqual([]);
    expect(paths).toContain('/zh-Hans/articles/old');
  });

  it('becomes an index of parts past the limit, each part a urlset within it', () => {
    const all = sitemapPages(index).length;
    const limit = 7;
    const doc = parse(sitemapXml(index, limit));
    const parts = doc.sitemapindex!.sitemap!;
    expect(parts).toHaveLength(Math.ceil(all / limit));
    expect(parts.map((p) => p.loc)).toEqual(
      parts.map((_, i) => new URL(`/sitemaps/${i + 1}.xml`, site.url).toString()),
    );
    const seen = parts.flatMap((_, i) => parse(sitemapPartXml(index, i + 1, limit)!).urlset!.url!.map((u) => u.loc));
    expect(seen).toHaveLength(all);
    expect(new Set(seen).size).toBe(all);
    expect(sitemapPartXml(index, parts.length + 1, limit)).toBeUndefined();
    expect(sitemapPartXml(index, 0, limit)).toBeUndefined();
    expect(sitemapPartXml(index, 1)).toBeUndefined();
  });

  it('names every sitemap document for the publish step', () => {
    expect(sitemapPaths(index)).toEqual(['/sitemap.xml', '/news-sitemap.xml']);
  });
});

describe('the Google News sitemap', () => {
  it("holds the last two days' own stories, per script with its language and publication name", () => {
    const urls = parse(newsSitemapXml(index, now)).urlset!.url!;
    expect(urls.map((u) => u.loc).sort()).toEqual(
      ['/zh-Hans/articles/fresh', '/zh-Hant/articles/fresh'].map((p) => new URL(p, site.url).toString()),
    );
    const hant = urls.find((u) => (u.loc as string).includes('/zh-Hant/'))!['news:news'] as Record<
      string,
      Record<string, string>
    >;
    expect(hant['news:publication']).toEqual({ 'news:name': site.name['zh-Hant'], 'news:language': 'zh-tw' });
    expect(hant['news:title']).toBe('新鮮 & <事>');
    expect(hant['news:publication_date']).toBe(hoursAgo(2));
    const hans = urls.find((u) => (u.loc as string).includes('/zh-Hans/'))!['news:news'] as Record<
      string,
      Record<string, string>
    >;
    expect(hans['news:publication']).toEqual({ 'news:name': site.name['zh-Hans'], 'news:language': 'zh-cn' });
  });

  it('is a valid empty urlset when nothing is that new', () => {
    const xml = newsSitemapXml(index, now + 10 * 24 * 3600_000);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<urlset');
    expect(xml).not.toContain('<url>');
  });
});
