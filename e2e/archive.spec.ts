import { expect, test } from './fixtures';
import { readPrerenderedRoutes } from '../lib/prerendered';
import { content, locales } from './site-data';

// `npm test` builds with PRERENDER_ARTICLES=6, so that the suite runs against both kinds of story
// page: the newest six of each script rendered by the build, the rest (the archive) on their first
// request. Every other spec reads both; search.spec.ts finds every story, the archive's included.
const prerendered = new Set(readPrerenderedRoutes());
const articles = (locale: (typeof locales)[number]) => content.articles.filter((a) => a.locale === locale);

test('the build renders the newest stories of each script ahead, and leaves the archive to readers', () => {
  for (const locale of locales) {
    const built = articles(locale).map((a) => prerendered.has(a.path));
    const cut = built.indexOf(false);
    expect(cut, `${locale}: some stories are left to their first request`).toBeGreaterThan(0);
    expect(
      built.slice(cut),
      `${locale}: every story after the first not built is older, and not built either`,
    ).not.toContain(true);
  }
});

for (const locale of locales) {
  test(`${locale}: an archive story renders on its first request, then comes from the cache`, async ({ request }) => {
    const story = articles(locale).find((a) => !prerendered.has(a.path))!;
    const first = await request.get(story.path);
    expect(first.status()).toBe(200);
    expect(await first.text()).toContain(story.title);
    const again = await request.get(story.path);
    expect(again.status()).toBe(200);
    expect(again.headers()['x-nextjs-cache']).toBe('HIT');
    expect(await again.text()).toContain(story.title);
  });
}
