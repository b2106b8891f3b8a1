import { expect, test } from './fixtures';
import { articlesIn, content, locales } from './site-data';

// Each test only reads the site: Playwright may share them between both workers, so that a long
// file does not leave one worker alone at the end of the run (issue 32).
test.describe.configure({ mode: 'parallel' });

const siteName = { 'zh-Hant': '觀潮科技', 'zh-Hans': '观潮科技' };
const readingTime = { 'zh-Hant': /閱讀時間約 \d+ 分鐘/, 'zh-Hans': /阅读时间约 \d+ 分钟/ };

for (const locale of locales) {
  test.describe(`article pages (${locale})`, () => {
    for (const article of articlesIn(locale)) {
      test(`${article.slug} shows headline, dek, byline, dates, reading time, hero, body and tags`, async ({
        page,
      }) => {
        const response = await page.goto(`/${locale}/articles/${article.slug}`);
        expect(response?.status()).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page).toHaveTitle(`${article.title}|${siteName[locale]}`);
        await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', article.summary);

        await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
        await expect(page.getByTestId('dek')).toHaveText(article.summary);
        for (const id of article.authorIds) {
          const author = content.authors.find((a) => a.id === id)!;
          await expect(page.getByTestId('byline').getByRole('link', { name: author.name[locale] })).toHaveAttribute(
            'href',
            `/${locale}/authors/${id}`,
          );
        }
        await expect(page.locator(`time[datetime="${article.publishedAt}"]`).first()).toBeVisible();
        await expect(page.getByText(readingTime[locale])).toBeVisible();

        const hero = page.getByRole('img', { name: article.hero.alt });
        await expect(hero).toBeVisible();
        await expect(hero).toHaveAttribute('width', String(article.hero.width));
        await expect(hero).toHaveAttribute('height', String(article.hero.height));
        await expect(page.getByTestId('hero-credit')).toHaveText(article.hero.credit);

        // The MDX body arrives as real headings and paragraphs, not as escaped text.
        expect(await page.locator('article .prose h2').count()).toBeGreaterThan(0);
        expect(await page.locator('article .prose p').count()).toBeGreaterThan(3);

        for (const slug of article.tagSlugs) {
          const tag = content.tags.find((t) => t.slug === slug)!;
          await expect(
            page.locator('#tags-heading + ul').getByRole('link', { name: `#${tag.name[locale]}` }),
          ).toHaveAttribute('href', `/${locale}/tags/${slug}`);
        }
        for (const [lang, prefix] of [
          ['zh-Hant', '/zh-Hant'],
          ['zh-Hans', '/zh-Hans'],
          ['x-default', '/zh-Hant'],
        ]) {
          await expect(page.locator(`link[rel="alternate"][hreflang="${lang}"]`)).toHaveAttribute(
            'href',
            new RegExp(`${prefix}/articles/${article.slug}$`),
          );
        }
      });
    }
  });
}

test("a syndicated piece names its partner outlet in the reader's script", async ({ page }) => {
  await page.goto('/zh-Hant/articles/double-11-ten-years');
  await expect(page.getByTestId('syndication')).toHaveText('本文來自合作媒體 極客公園，授權轉載');
  await expect(page.getByTestId('byline')).toContainText('｜極客公園');
  await expect(page.getByTestId('byline-partner').getByRole('link', { name: '極客公園' })).toHaveAttribute(
    'href',
    'https://www.geekpark.net/',
  );
  // Said before the body starts, where a reader sees it before reading.
  const [line, body] = [
    await page.getByTestId('syndication').boundingBox(),
    await page.getByTestId('article-body').boundingBox(),
  ];
  expect(line!.y).toBeLessThan(body!.y);
  await page.goto('/zh-Hans/articles/double-11-ten-years');
  await expect(page.getByTestId('syndication')).toHaveText('本文来自合作媒体 极客公园，授权转载');
  await expect(page.getByTestId('byline')).toContainText('｜极客公园');
});

test('a sponsored piece is labelled and ends with the sponsor disclosure', async ({ page }) => {
  await page.goto('/zh-Hant/articles/adsvantage-ai-copywriter');
  await expect(page.locator('header').getByText('廣編企劃', { exact: true })).toBeVisible();
  await expect(page.getByTestId('sponsor-disclosure')).toHaveText(
    '本文章內容由「阿物科技」提供，經觀潮科技廣編企劃編審。',
  );
  await page.goto('/zh-Hans/articles/adsvantage-ai-copywriter');
  await expect(page.getByTestId('sponsor-disclosure')).toHaveText(
    '本文章内容由“阿物科技”提供，经观潮科技广编企划编审。',
  );
});

test('an editorial piece carries neither label', async ({ page }) => {
  await page.goto('/zh-Hant/articles/cloud-data-residency');
  await expect(page.getByTestId('syndication')).toHaveCount(0);
  await expect(page.getByTestId('sponsor-disclosure')).toHaveCount(0);
});

test('further reading links to the listed articles', async ({ page }) => {
  const article = content.articles.find((a) => a.locale === 'zh-Hant' && a.furtherReading.length > 0)!;
  await page.goto(article.path);
  for (const slug of article.furtherReading) {
    const target = content.articles.find((a) => a.locale === 'zh-Hant' && a.slug === slug)!;
    await expect(page.locator('#further-heading ~ ul').getByRole('link', { name: target.title })).toHaveAttribute(
      'href',
      target.path,
    );
  }
});

test('no story is offered twice at the end of an article, in either script', async ({ request }) => {
  const withFurther = content.articles.filter((a) => a.furtherReading.length > 0);
  expect(withFurther.length).toBeGreaterThan(0);
  for (const article of withFurther) {
    const html = await (await request.get(article.path)).text();
    const footer = html.slice(html.indexOf('id="further-heading"'));
    const further = new Set(
      [...footer.slice(0, footer.indexOf('id="related-heading"')).matchAll(/href="([^"]*\/articles\/[^"]+)"/g)].map(
        (m) => m[1],
      ),
    );
    // Up to the side rail, whose newest stories are no offer of further reading.
    const related = [
      ...footer
        .slice(footer.indexOf('id="related-heading"'), footer.indexOf('aria-labelledby="rail-latest"'))
        .matchAll(/href="([^"]*\/articles\/[^"]+)"/g),
    ].map((m) => m[1]);
    expect(further.size, article.path).toBe(article.furtherReading.length);
    expect(related.length, article.path).toBeGreaterThan(0);
    expect(
      related.filter((href) => further.has(href)),
      article.path,
    ).toEqual([]);
  }
});

test('an article prints as headline, dek, byline, body and credits, dark on white in either theme', async ({
  page,
}) => {
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await page.goto('/zh-Hant/articles/double-11-ten-years');
  for (const shown of [
    page.getByRole('heading', { level: 1 }),
    page.getByTestId('dek'),
    page.getByTestId('byline'),
    page.getByTestId('article-body'),
    page.locator('figcaption').first(),
  ]) {
    await expect(shown).toBeVisible();
  }
  for (const hidden of [
    page.getByRole('navigation', { name: '主選單' }),
    page.locator('body > footer, footer.mt-12'),
    page.locator('article footer'),
    page.getByRole('link', { name: /LINE/ }),
  ]) {
    await expect(hidden.first()).toBeHidden();
  }
  const colours = await page.evaluate(() => {
    const body = document.querySelector('[data-testid="article-body"] p')!;
    return [getComputedStyle(body).color, getComputedStyle(document.body).backgroundColor];
  });
  expect(colours).toEqual(['rgb(0, 0, 0)', 'rgba(0, 0, 0, 0)']);
});

test('an article page reads well on a phone @phone', async ({ page }) => {
  await page.goto('/zh-Hans/articles/double-11-ten-years');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const fontSize = await page
    .locator('article .prose p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(16);
});
