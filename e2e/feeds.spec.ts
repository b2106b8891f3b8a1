// The feeds as the production server sends them: parsed by a real feed parser, with their content
// types and cache policy, and advertised by <link rel="alternate"> on the pages they belong to.
import Parser from 'rss-parser';
import { expect, test } from './fixtures';
import { content, locales } from './site-data';

const parser = new Parser();

for (const locale of locales) {
  test(`${locale}: the site's RSS and Atom feeds parse, absolute, no scripts`, async ({ request }) => {
    for (const file of ['feed.xml', 'atom.xml']) {
      const response = await request.get(`/${locale}/${file}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(
        file === 'feed.xml' ? /application\/rss\+xml/ : /application\/atom\+xml/,
      );
      expect(response.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60');
      const text = await response.text();
      expect(text).not.toMatch(/<script|<iframe|javascript:/i);
      const feed = await parser.parseString(text);
      expect(feed.items.length).toBeGreaterThan(0);
      expect(feed.items.length).toBeLessThanOrEqual(50);
      const dates = feed.items.map((i) => Date.parse(i.pubDate ?? i.isoDate ?? ''));
      expect(feed.items.every((i) => /^https?:\/\//.test(i.link ?? ''))).toBe(true);
      expect(dates.every((d) => !Number.isNaN(d))).toBe(true);
    }
    const json = await request.get(`/${locale}/feed.json`);
    expect(json.headers()['content-type']).toMatch(/application\/feed\+json/);
    expect(json.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60');
    expect(((await json.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  test(`${locale}: pages advertise their own listing's feeds`, async ({ page }) => {
    await page.goto(`/${locale}`);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      new RegExp(`/${locale}/feed\\.xml$`),
    );
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      'href',
      new RegExp(`/${locale}/atom\\.xml$`),
    );
    await expect(page.locator('link[rel="alternate"][type="application/feed+json"]')).toHaveAttribute(
      'href',
      new RegExp(`/${locale}/feed\\.json$`),
    );
    const tag = content.tags.find((t) =>
      content.articles.some((a) => a.locale === locale && a.tagSlugs.includes(t.slug)),
    )!;
    await page.goto(`/${locale}/tags/${tag.slug}`);
    const href = await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href');
    expect(href).toMatch(new RegExp(`/${locale}/tags/${tag.slug}/feed\\.xml$`));
    // A tag's feed renders on its first request (lib/feed-route.ts), and answers as the built ones do.
    const response = await page.request.get(new URL(href!).pathname);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/application\/rss\+xml/);
    expect(response.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60');
    const feed = await parser.parseString(await response.text());
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.every((i) => String(i['content:encoded'] ?? '').length > 0)).toBe(true);
  });
}
