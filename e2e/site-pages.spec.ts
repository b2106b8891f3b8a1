import { expect, test } from './fixtures';
import { content, locales } from './site-data';

// The site's own pages (content/pages/): reachable from every footer, in both scripts, the derived
// script marked as such, and the footer's links to the site's accounts and feed.

const expected = {
  'zh-Hant': ['關於我們', '聯絡我們', '隱私權政策', '廣告合作'],
  'zh-Hans': ['关于我们', '联系我们', '隐私政策', '广告合作'],
};

for (const locale of locales) {
  test.describe(locale, () => {
    const pages = content.pages.filter((p) => p.locale === locale);

    test('the footer lists the site pages in order, and each opens with its title, summary and body', async ({
      page,
    }) => {
      expect(pages.map((p) => p.title)).toEqual(expected[locale]);
      await page.goto(`/${locale}`);
      const footer = page.getByTestId('site-footer');
      const links = footer.getByRole('navigation').getByRole('link');
      await expect(links).toHaveText(expected[locale]);
      for (const [i, sitePage] of pages.entries()) {
        await page.goto(`/${locale}`);
        await page.getByTestId('site-footer').getByRole('navigation').getByRole('link').nth(i).click();
        await expect(page).toHaveURL(sitePage.path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(sitePage.title);
        await expect(page.getByTestId('site-page')).toContainText(sitePage.summary);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', sitePage.summary);
        await expect(
          page.locator(`link[rel="alternate"][hreflang="${locale === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant'}"]`),
        ).toHaveAttribute('href', /\/info\//);
        // The derived script says so, as a derived story does.
        await expect(page.getByTestId('derived-notice')).toHaveCount(sitePage.derivedFrom ? 1 : 0);
      }
    });

    test('links inside a page lead to the page in the reader’s script', async ({ page }) => {
      await page.goto(`/${locale}/info/about`);
      await page
        .getByTestId('site-page')
        .getByRole('link', { name: locale === 'zh-Hant' ? '告訴我們' : '告诉我们' })
        .click();
      await expect(page).toHaveURL(`/${locale}/info/contact`);
      const mail = page.getByTestId('site-page').locator('a[href^="mailto:"]');
      expect(await mail.count()).toBeGreaterThan(2);
    });

    test('the footer links to the site’s accounts and its feed, with their marks', async ({ page, request }) => {
      await page.goto(`/${locale}/info/privacy`);
      const social = page.getByTestId('social-links').getByRole('link');
      await expect(social).toHaveText(['LINE', 'Facebook', 'X', 'RSS']);
      const hrefs = await social.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs.slice(0, 3).every((h) => /^https:\/\/(line\.me|www\.facebook\.com|x\.com)\//.test(h ?? ''))).toBe(
        true,
      );
      expect(hrefs[3]).toBe(`/${locale}/feed.xml`);
      expect((await request.get(hrefs[3]!)).status()).toBe(200);
      for (const link of await social.all()) expect(await link.locator('svg').count()).toBe(1);
    });

    test('a site page that does not exist is the 404 page', async ({ request }) => {
      const response = await request.get(`/${locale}/info/no-such-page`);
      expect(response.status()).toBe(404);
      expect(response.headers()['content-security-policy']).toBeTruthy();
    });
  });
}
