import { expect, test } from './fixtures';
import { site } from '../lib/site';
import { articlesIn, locales } from './site-data';

const titles = { 'zh-Hant': '觀潮科技：看懂科技與商業的浪潮', 'zh-Hans': '观潮科技：看懂科技与商业的浪潮' };

for (const locale of locales) {
  test.describe(`home page (${locale})`, () => {
    test('shows the latest articles newest first, as cards with title, summary, date, tags and image @phone', async ({ page }) => {
      await page.goto(`/${locale}`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page).toHaveTitle(titles[locale]);
      const featured = articlesIn(locale).find((a) => a.featured);
      const expected = articlesIn(locale)
        .slice(0, site.pageSize)
        .filter((a) => a !== featured);
      const cards = page.getByTestId('latest').getByTestId('article-card');
      await expect(cards).toHaveCount(expected.length);

      const first = cards.first();
      const newest = expected[0]!;
      await expect(first.getByRole('heading', { name: newest.title })).toBeVisible();
      await expect(first.getByText(newest.summary)).toBeVisible();
      await expect(first.locator('img')).toHaveAttribute('width', String(newest.hero.width));

      const dates = await cards.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
      expect(dates).toEqual([...dates].sort().reverse());
      expect(dates).toEqual(expected.map((a) => a.publishedAt));

      // A tag on a card leads to that tag's page.
      await first.getByRole('link', { name: /^#/ }).first().click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/tags/[a-z0-9-]+$`));
    });

    test('has a localized description and no horizontal scrolling on a phone @phone', async ({ page }) => {
      await page.goto(`/${locale}`);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.+/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test('dates are written the way each script writes them', async ({ page }) => {
  await page.goto('/zh-Hant/articles/double-11-ten-years');
  await expect(page.getByText('2018年11月12日 10:00').first()).toBeVisible();
  await page.goto('/zh-Hans/articles/double-11-ten-years');
  await expect(page.getByText('2018年11月12日 10:00').first()).toBeVisible();
});
