import { expect, test } from './fixtures';
import { site } from '../lib/site';
import { articlesIn, content, locales } from './site-data';

const titles = { 'zh-Hant': '觀潮科技：看懂科技與商業的浪潮', 'zh-Hans': '观潮科技：看懂科技与商业的浪潮' };

for (const locale of locales) {
  test.describe(`home page (${locale})`, () => {
    test('shows the latest articles newest first, as cards with title, summary, date, tags and image @phone', async ({
      page,
    }) => {
      await page.goto(`/${locale}`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page).toHaveTitle(titles[locale]);
      const featured = articlesIn(locale).find((a) => a.featured);
      // A full grid: as many cards as a page holds (a multiple of both 2 and 3 columns), the lead aside.
      const expected = articlesIn(locale)
        .filter((a) => a !== featured)
        .slice(0, site.pageSize);
      expect(expected).toHaveLength(site.pageSize);
      const cards = page.getByTestId('latest').getByTestId('article-card');
      await expect(cards).toHaveCount(expected.length);

      const first = cards.first();
      const newest = expected[0]!;
      await expect(first.getByRole('heading', { name: newest.title })).toBeVisible();
      // On a phone a card is a compact row: picture beside the headline, no summary or tags.
      const phone = test.info().project.name === 'phone';
      if (phone) {
        await expect(first.getByText(newest.summary)).toBeHidden();
        const [picture, heading] = [
          await first.locator('img').boundingBox(),
          await first.getByRole('heading').boundingBox(),
        ];
        expect(picture!.width).toBeLessThan(140);
        expect(heading!.x).toBeGreaterThan(picture!.x + picture!.width);
      } else {
        await expect(first.getByText(newest.summary)).toBeVisible();
      }
      await expect(first.locator('img')).toHaveAttribute('width', String(newest.hero.width));
      // The byline, linked to each author's page.
      for (const id of newest.authorIds) {
        const name = content.authors.find((a) => a.id === id)!.name[locale];
        await expect(first.getByTestId('card-byline').getByRole('link', { name })).toHaveAttribute(
          'href',
          `/${locale}/authors/${id}`,
        );
      }

      const dates = await cards.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
      expect(dates).toEqual([...dates].sort().reverse());
      expect(dates).toEqual(expected.map((a) => a.publishedAt));

      // A tag on a card leads to that tag's page.
      if (phone) return;
      await first.getByRole('link', { name: /^#/ }).first().click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/tags/[a-z0-9-]+$`));
    });

    test('section blocks repeat no story shown above them, and label every sponsored one', async ({ page }) => {
      await page.goto(`/${locale}`);
      const above = await page
        .getByTestId('lead-story')
        .or(page.getByTestId('latest'))
        .getByRole('heading')
        .evaluateAll((hs) => hs.map((h) => h.textContent ?? ''));
      const blocks = page.getByTestId('section-block');
      expect(await blocks.count()).toBeGreaterThan(0);
      const items = blocks.locator('li');
      for (let i = 0; i < (await items.count()); i++) {
        const item = items.nth(i);
        const title = (await item.locator('a').last().textContent()) ?? '';
        expect(above, title).not.toContain(title);
        const story = articlesIn(locale).find((a) => a.title === title)!;
        expect(story, title).toBeDefined();
        await expect(item.getByTestId('sponsored-label')).toHaveCount(story.sponsor ? 1 : 0);
      }
    });

    test('has a localized description and no horizontal scrolling on a phone @phone', async ({ page }) => {
      await page.goto(`/${locale}`);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.+/);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });

    test('on a phone, is at most half as long as the front page the reader review measured', async ({ browser }) => {
      // 4,612 px at 390×844 for these stories before compact cards (docs/performance.md, "Page length on a phone").
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        baseURL: test.info().project.use.baseURL,
      });
      const page = await context.newPage();
      await page.goto(`/${locale}`);
      // Scrolled through, so that anything laid out only when near is drawn.
      for (let y = 0; y < 6000; y += 600) await page.evaluate((top) => window.scrollTo(0, top), y);
      const length = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(length).toBeGreaterThan(1000);
      expect(length).toBeLessThanOrEqual(4612 / 2);
      await context.close();
    });
  });
}

test('dates are written the way each script writes them', async ({ page }) => {
  await page.goto('/zh-Hant/articles/double-11-ten-years');
  await expect(page.getByText('2018年11月12日 10:00').first()).toBeVisible();
  await page.goto('/zh-Hans/articles/double-11-ten-years');
  await expect(page.getByText('2018年11月12日 10:00').first()).toBeVisible();
});
