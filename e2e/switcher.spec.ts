import { expect, test } from './fixtures';
import { content } from './site-data';

const article = content.articles.find((a) => a.locale === 'zh-Hant')!;
const tag = article.tagSlugs[0]!;
const paths = [
  '',
  `/articles/${article.slug}`,
  '/tags',
  `/tags/${tag}`,
  `/sections/${article.sectionSlug}`,
  `/authors/${article.authorIds[0]}`,
];

test.describe('locale switcher', () => {
  for (const path of paths) {
    test(`leads from ${path || '/'} to the same page in the other script and back @phone`, async ({ page }) => {
      await page.goto(`/zh-Hant${path}`);
      const switcher = page.getByTestId('locale-switcher');
      await expect(switcher).toHaveAttribute('href', `/zh-Hans${path}`);
      await switcher.click();
      await expect(page).toHaveURL(`/zh-Hans${path}`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
      await expect(page.getByTestId('locale-switcher')).toHaveAttribute('href', `/zh-Hant${path}`);
      await page.getByTestId('locale-switcher').click();
      await expect(page).toHaveURL(`/zh-Hant${path}`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    });
  }

  test("is named for screen readers in the reader's script", async ({ page }) => {
    await page.goto('/zh-Hant');
    await expect(page.getByRole('link', { name: '切換為簡體中文版' })).toBeVisible();
    await page.goto('/zh-Hans');
    await expect(page.getByRole('link', { name: '切换为繁体中文版' })).toBeVisible();
  });
});
