// Every place a sponsored story is listed, on every page of the site, says so: a reader must never
// meet one unlabelled (cards, front-page section blocks, further reading, related pieces, lists).
import { expect, test } from './fixtures';
import { content, locales } from './site-data';

// Each test only reads the site: Playwright may share them between both workers, so that a long
// file does not leave one worker alone at the end of the run (issue 32).
test.describe.configure({ mode: 'parallel' });

const label = { 'zh-Hant': '廣編企劃', 'zh-Hans': '广编企划' } as const;

for (const locale of locales) {
  test(`${locale}: every link to a sponsored story, on every page, carries its label`, async ({ page, request }) => {
    // It opens every page of the script's sitemap (about 55): more than the default 30 s on a busy CI machine.
    test.setTimeout(150_000);
    const sponsored = content.articles.filter((a) => a.locale === locale && a.sponsor).map((a) => a.path);
    expect(sponsored.length).toBeGreaterThan(0);
    const sitemap = await (await request.get('/sitemap.xml')).text();
    const pages = [...sitemap.matchAll(/<loc>https?:\/\/[^/<]+([^<]*)<\/loc>/g)]
      .map((m) => m[1]!)
      .filter((p) => p.startsWith(`/${locale}`));
    expect(pages.length).toBeGreaterThan(20);
    let checked = 0;
    for (const path of [...pages, `/${locale}/search?q=${encodeURIComponent('AI')}`]) {
      // A story's own page links to itself in the other script's switcher; its label is its header.
      if (sponsored.includes(path)) continue;
      await page.goto(path);
      const unlabelled = await page.evaluate(
        ([targets, text]) =>
          [...document.querySelectorAll<HTMLAnchorElement>('main a[href]')]
            .filter((a) => targets.includes(new URL(a.href).pathname))
            .filter((a) => !(a.closest('li, article, [data-testid="article-card"]')?.textContent ?? '').includes(text))
            .map((a) => `${new URL(a.href).pathname} "${a.textContent?.trim() ?? ''}"`),
        [sponsored, label[locale]] as const,
      );
      expect(unlabelled, path).toEqual([]);
      checked += await page
        .locator('main a[href]')
        .evaluateAll(
          (as, targets) => as.filter((a) => targets.includes(new URL((a as HTMLAnchorElement).href).pathname)).length,
          sponsored,
        );
    }
    // The walk did meet sponsored stories (on listings, the front page, search).
    expect(checked).toBeGreaterThan(3);
  });
}
