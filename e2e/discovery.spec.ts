// How search engines see the site: the sitemaps (parsed as XML), robots.txt, and the structured
// data of every template in both scripts, checked against the shapes Google documents.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from './fixtures';
import { shapeProblems } from './json-ld-shape';
import { content, locales } from './site-data';
import { site } from '../lib/site';

const origin = new URL(site.url).origin;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name),
});
type Url = { loc: string; lastmod?: string; 'xhtml:link'?: { '@hreflang': string; '@href': string }[] };

/** A sitemap document, fetched and parsed; its URLs as paths on the server under test. */
async function sitemap(request: import('@playwright/test').APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/xml/);
  const xml = await response.text();
  expect(XMLValidator.validate(xml), path).toBe(true);
  return parser.parse(xml) as { urlset?: { url?: Url[] }; sitemapindex?: { sitemap: { loc: string }[] } };
}
const pathOf = (url: string) => {
  expect(url.startsWith(`${origin}/`), url).toBe(true);
  return url.slice(origin.length);
};

test.describe('sitemaps', () => {
  test('every public page in both scripts, each answering, with reciprocal alternates', async ({ request }) => {
    const urls = (await sitemap(request, '/sitemap.xml')).urlset?.url ?? [];
    const locs = new Set(urls.map((u) => u.loc));
    for (const article of content.articles.filter((a) => !a.syndication?.originalUrl))
      expect(locs, article.path).toContain(`${origin}${article.path}`);
    for (const locale of locales)
      for (const path of ['', '/tags', '/sections/business']) expect(locs).toContain(`${origin}/${locale}${path}`);
    for (const page of content.pages) expect(locs, page.path).toContain(`${origin}${page.path}`);
    expect([...locs].filter((loc) => /\/(?:search|404)$|example/.test(loc))).toEqual([]);
    for (const url of urls) {
      expect(Date.parse(url.lastmod ?? ''), url.loc).not.toBeNaN();
      const links = url['xhtml:link'] ?? [];
      expect(links.map((l) => l['@hreflang']).sort(), url.loc).toEqual(['x-default', 'zh-Hans', 'zh-Hant']);
      for (const link of links) {
        expect(locs, `${url.loc} names ${link['@href']}`).toContain(link['@href']);
        const back = urls.find((u) => u.loc === link['@href'])!;
        expect(
          back['xhtml:link']!.map((l) => l['@href']),
          `${link['@href']} names ${url.loc} back`,
        ).toContain(url.loc);
      }
    }
    for (const url of urls)
      expect((await request.get(pathOf(url.loc), { maxRedirects: 0 })).status(), url.loc).toBe(200);
  });

  test('the Google News sitemap is valid, and robots.txt names both', async ({ request }) => {
    const news = await sitemap(request, '/news-sitemap.xml');
    // The sample stories are older than two days; a fresh one is listed (e2e/publish.spec.ts).
    expect(news.urlset).toBeDefined();
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${origin}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${origin}/news-sitemap.xml`);
    expect(robots).toMatch(/^Disallow: \/api\/$/m);
  });

  test('a sitemap part that does not exist is a 404 with the site headers', async ({ request }) => {
    for (const path of ['/sitemaps/1.xml', '/sitemaps/0.xml', '/sitemaps/x.xml', '/sitemaps/99999999.xml']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()['content-security-policy'], path).toBeTruthy();
    }
  });
});

/** The structured data of a page: each ld+json script, parsed. */
async function structuredData(
  request: import('@playwright/test').APIRequestContext,
  path: string,
): Promise<Record<string, unknown>[]> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
}

test.describe('structured data', () => {
  for (const locale of locales) {
    const byType = (data: Record<string, unknown>[], type: string) => data.filter((d) => d['@type'] === type);

    test(`${locale}: every template's data has the shape Google documents`, async ({ request }) => {
      const sponsored = content.articles.find((a) => a.locale === locale && a.sponsor)!;
      const syndicated = content.articles.find((a) => a.locale === locale && a.syndication)!;
      const plain = content.articles.find((a) => a.locale === locale && !a.sponsor && !a.syndication)!;
      const pages: Record<string, string[]> = {
        [`/${locale}`]: ['WebSite'],
        [plain.path]: ['NewsArticle', 'BreadcrumbList'],
        [syndicated.path]: ['NewsArticle', 'BreadcrumbList'],
        [sponsored.path]: ['AdvertiserContentArticle', 'BreadcrumbList'],
        [`/${locale}/tags`]: ['BreadcrumbList'],
        [`/${locale}/tags/${plain.tagSlugs[0]}`]: ['BreadcrumbList'],
        [`/${locale}/sections/${plain.sectionSlug}`]: ['BreadcrumbList'],
        [`/${locale}/authors/${plain.authorIds[0]}`]: ['BreadcrumbList', 'ProfilePage'],
        [`/${locale}/page/2`]: ['BreadcrumbList'],
      };
      for (const [path, types] of Object.entries(pages)) {
        const data = await structuredData(request, path);
        expect(data.map((d) => d['@type']).sort(), path).toEqual([...types].sort());
        for (const item of data) expect(shapeProblems(item, origin), `${path} ${String(item['@type'])}`).toEqual([]);
        for (const item of data.filter((d) => 'inLanguage' in d)) expect(item.inLanguage, path).toBe(locale);
      }

      const [article] = byType(await structuredData(request, syndicated.path), 'NewsArticle');
      expect(article).toMatchObject({
        headline: syndicated.title,
        isAccessibleForFree: true,
        sourceOrganization: { name: syndicated.syndication!.partner },
      });
      const [ad] = byType(await structuredData(request, sponsored.path), 'AdvertiserContentArticle');
      expect(ad).toMatchObject({ sponsor: { name: sponsored.sponsor!.name } });
    });

    test(`${locale}: breadcrumbs and the search action lead to real pages`, async ({ request }) => {
      const plain = content.articles.find((a) => a.locale === locale && !a.sponsor && !a.syndication)!;
      const [crumbs] = byType(await structuredData(request, plain.path), 'BreadcrumbList');
      const items = crumbs!.itemListElement as { name: string; item: string }[];
      expect(items.map((i) => pathOf(i.item))).toEqual([
        `/${locale}`,
        `/${locale}/sections/${plain.sectionSlug}`,
        plain.path,
      ]);
      expect(items[2]!.name).toBe(plain.title);
      for (const item of items) expect((await request.get(pathOf(item.item))).status(), item.item).toBe(200);

      const [website] = byType(await structuredData(request, `/${locale}`), 'WebSite');
      const template = ((website!.potentialAction as Record<string, unknown>).target as { urlTemplate: string })
        .urlTemplate;
      expect(template).toBe(`${origin}/${locale}/search?q={search_term_string}`);
      expect(
        (await request.get(pathOf(template.replace('{search_term_string}', encodeURIComponent('電商'))))).status(),
      ).toBe(200);
    });
  }
});
