import { expect, test } from './fixtures';
import { site } from '../lib/site';
import { articlesIn, content, locales } from './site-data';

// Each test only reads the site: Playwright may share them between both workers, so that a long
// file does not leave one worker alone at the end of the run (issue 32).
test.describe.configure({ mode: 'parallel' });

const { pageSize } = site;

/** The story's own structured data (the page also carries its breadcrumbs). */
const jsonLd = async (page: import('@playwright/test').Page) =>
  (await page.locator('script[type="application/ld+json"]').allTextContents())
    .map((text) => JSON.parse(text) as Record<string, unknown>)
    .find((data) => data['@type'] !== 'BreadcrumbList') ?? {};

test.describe('syndicated and sponsored pieces', () => {
  test('a syndicated piece says in its structured data what it is based on', async ({ page }) => {
    await page.goto('/zh-Hant/articles/double-11-ten-years');
    const data = await jsonLd(page);
    expect(data['@type']).toBe('NewsArticle');
    expect(data['isBasedOn']).toBe('https://www.geekpark.net/');
    expect(data['sourceOrganization']).toMatchObject({ name: '極客公園' });
  });

  test('a sponsored piece is labelled on its card, marks its links sponsored and is typed as advertiser content', async ({
    page,
  }) => {
    const sponsored = content.articles.filter((a) => a.locale === 'zh-Hant' && a.sponsor);
    expect(sponsored.length).toBeGreaterThan(0);
    await page.goto('/zh-Hant/sections/marketing');
    const card = page.getByTestId('article-card').filter({ hasText: sponsored[0]!.title });
    await expect(card.getByText('廣編企劃', { exact: true })).toBeVisible();

    await page.goto(sponsored[0]!.path);
    const links = page.locator('article .prose a[href^="http"]');
    expect(await links.count()).toBeGreaterThan(0);
    for (const rel of await links.evaluateAll((as) => as.map((a) => a.getAttribute('rel'))))
      expect(rel).toContain('sponsored');
    expect((await jsonLd(page))['@type']).toBe('AdvertiserContentArticle');
  });

  test('editorial links are not marked sponsored', async ({ page }) => {
    await page.goto('/zh-Hant/articles/double-11-ten-years');
    const rels = await page.locator('a[rel]').evaluateAll((as) => as.map((a) => a.getAttribute('rel') ?? ''));
    expect(rels.some((rel) => rel.includes('sponsored'))).toBe(false);
  });
});

test.describe('related articles', () => {
  for (const locale of locales) {
    test(`every ${locale} article shows at least 3 others, never itself, never a sponsored one under editorial`, async ({
      page,
    }) => {
      const sponsoredTitles = new Set(
        articlesIn(locale)
          .filter((a) => a.sponsor)
          .map((a) => a.title),
      );
      for (const article of articlesIn(locale)) {
        await page.goto(article.path);
        const titles = await page
          .getByTestId('related')
          .getByTestId('article-card')
          .getByRole('heading')
          .allTextContents();
        expect(titles.length, article.slug).toBeGreaterThanOrEqual(3);
        expect(titles).not.toContain(article.title);
        if (!article.sponsor)
          for (const title of titles) expect(sponsoredTitles.has(title), `${article.slug}: ${title}`).toBe(false);
        expect(titles).toEqual(article.related.map((slug) => articlesIn(locale).find((a) => a.slug === slug)!.title));
      }
    });
  }
});

test.describe('pictures and embeds', () => {
  test('a figure shows its caption and its credit, and reserves its space', async ({ page }) => {
    await page.goto('/zh-Hant/articles/adsvantage-ai-copywriter');
    const figure = page.locator('article .prose figure').first();
    await expect(figure.locator('figcaption')).toContainText('Photo Credit：CloudMile');
    await expect(figure.locator('figcaption')).toContainText('AI 智慧寫手');
    await expect(figure.locator('img')).toHaveAttribute('width', /\d+/);
    await expect(figure.locator('img')).toHaveAttribute('height', /\d+/);
  });

  test('a converted article converts its figure captions too', async ({ page }) => {
    await page.goto('/zh-Hans/articles/taiwan-ai-server-supply-chain');
    const caption = page.locator('article .prose figure figcaption').first();
    await expect(caption).toContainText('服务器');
    await expect(caption).toContainText('图：观潮科技');
  });

  test('pull quotes and callouts render as their own blocks', async ({ page }) => {
    await page.goto('/zh-Hans/articles/double-11-ten-years');
    await expect(page.locator('article .prose figure blockquote')).toHaveCount(1);
    await expect(page.locator('article .prose aside').first()).toContainText('双 11 十年关键数字');
  });

  test('a video loads nothing from outside until the reader opens it', async ({ page }) => {
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1')) outside.push(request.url());
    });
    await page.goto('/zh-Hant/articles/generative-ai-newsrooms');
    const video = page.getByTestId('video');
    await video.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    expect(outside).toEqual([]);
    await video.locator('summary').click();
    await expect(video.locator('iframe')).toBeVisible();
    await expect
      .poll(() => outside.some((url) => url.startsWith('https://www.youtube-nocookie.com/embed/')))
      .toBe(true);
  });

  test('article pages load no script from another site', async ({ page }) => {
    await page.goto('/zh-Hant/articles/double-11-ten-years');
    const sources = await page.locator('script[src]').evaluateAll((ss) => ss.map((s) => s.getAttribute('src') ?? ''));
    for (const src of sources) expect(src.startsWith('/')).toBe(true);
  });
});

test.describe('end of article', () => {
  test('share links carry the article address, and copy link copies it', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto('/zh-Hant/articles/cloud-data-residency');
    const share = page.getByTestId('share');
    const encoded = encodeURIComponent('http://localhost:3000/zh-Hant/articles/cloud-data-residency');
    await expect(share.getByRole('link', { name: '分享到 LINE' })).toHaveAttribute(
      'href',
      `https://social-plugins.line.me/lineit/share?url=${encoded}`,
    );
    await expect(share.getByRole('link', { name: '分享到 Facebook' })).toHaveAttribute(
      'href',
      new RegExp(`facebook\\.com/sharer/sharer\\.php\\?u=${encoded}`),
    );
    await expect(share.getByRole('link', { name: '分享到 X' })).toHaveAttribute(
      'href',
      new RegExp(`^https://x\\.com/intent/post\\?url=${encoded}`),
    );
    // Each network's mark, drawn inline (no image or script is fetched for it).
    await expect(share.getByRole('link').locator('svg path')).toHaveCount(3);
    await expect(share.getByRole('button').locator('svg')).toHaveCount(1);
    await share.getByRole('button', { name: '複製連結' }).click();
    await expect(share.getByRole('button', { name: '已複製連結' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'http://localhost:3000/zh-Hant/articles/cloud-data-residency',
    );
  });

  test('invites the reader to follow the site on LINE or by newsletter, in their script: at the end of the story on a phone, in the side rail on a wide screen @phone', async ({
    page,
  }) => {
    await page.goto('/zh-Hans/articles/cloud-data-residency');
    const wide = page.viewportSize()!.width >= 1024;
    const [shown, hidden] = wide
      ? [page.getByTestId('article-rail'), page.getByTestId('follow')]
      : [page.getByTestId('follow'), page.getByTestId('article-rail')];
    await expect(shown).toBeVisible();
    await expect(hidden).toBeHidden();
    await expect(shown).toContainText('欢迎关注观潮科技 LINE 官方账号');
    await expect(shown.getByRole('link', { name: /LINE/ })).toHaveAttribute('href', 'https://line.me/R/ti/p/@guanchao');
  });
});

test.describe('the side rail of a story on a wide screen', () => {
  for (const locale of locales) {
    test(`${locale}: the five newest other stories, labelled, and where to follow the site`, async ({ page }) => {
      const stories = articlesIn(locale);
      const sponsored = stories.find((a) => a.sponsor)!;
      // A story whose rail lists the sponsored piece, to see its label there.
      const reader =
        stories.find(
          (a) =>
            a !== sponsored &&
            stories
              .filter((b) => b !== a)
              .slice(0, 5)
              .includes(sponsored),
        ) ?? stories[0]!;
      await page.goto(reader.path);
      const rail = page.getByTestId('article-rail');
      await expect(rail).toBeVisible();
      const expected = stories.filter((a) => a.slug !== reader.slug).slice(0, 5);
      const latest = rail.getByTestId('rail-latest');
      await expect(latest.getByRole('listitem').getByRole('link')).toHaveText(expected.map((a) => a.title));
      await expect(latest.getByRole('heading', { level: 2 })).toHaveText('最新文章');
      if (expected.includes(sponsored)) {
        await expect(
          latest.getByRole('listitem').filter({ hasText: sponsored.title }).getByTestId('sponsored-label'),
        ).toBeVisible();
      }
      await expect(rail.getByRole('link', { name: /LINE/ })).toHaveAttribute(
        'href',
        'https://line.me/R/ti/p/@guanchao',
      );
      // The rail beside the story, not below it; the end of the story does not repeat the invitation.
      const [body, side] = [await page.getByTestId('article-body').boundingBox(), await rail.boundingBox()];
      expect(side!.x).toBeGreaterThan(body!.x + body!.width);
      await expect(page.getByTestId('follow')).toBeHidden();
    });
  }
});

test.describe('front page and listings', () => {
  for (const locale of locales) {
    test(`${locale}: the lead story is the featured one, then the latest, then a block per section`, async ({
      page,
    }) => {
      const featured = articlesIn(locale).find((a) => a.featured)!;
      await page.goto(`/${locale}`);
      await expect(page.getByTestId('lead-story').getByRole('heading', { level: 3 })).toHaveText(featured.title);
      const latest = await page
        .getByTestId('latest')
        .getByTestId('article-card')
        .getByRole('heading')
        .allTextContents();
      const shownAbove = articlesIn(locale)
        .filter((a) => a !== featured)
        .slice(0, pageSize);
      expect(latest).toEqual(shownAbove.map((a) => a.title));
      // Each section's newest stories not already shown above; a section with none left has no block.
      const shown = new Set([featured, ...shownAbove]);
      const expectedBlocks = content.sections
        .map((section) => ({
          section,
          titles: articlesIn(locale)
            .filter((a) => a.sectionSlug === section.slug && !shown.has(a))
            .slice(0, 3)
            .map((a) => a.title),
        }))
        .filter((b) => b.titles.length > 0);
      const blocks = page.getByTestId('section-block');
      await expect(blocks).toHaveCount(expectedBlocks.length);
      for (const { section, titles } of expectedBlocks) {
        const block = blocks.filter({ has: page.getByRole('heading', { name: section.name[locale] }) });
        expect(await block.locator('li a').allTextContents()).toEqual(titles);
      }
    });

    test(`${locale}: the home listing continues on static pages, and ends`, async ({ page }) => {
      const all = articlesIn(locale);
      const pages = Math.ceil(all.length / pageSize);
      expect(pages).toBeGreaterThan(1);
      await page.goto(`/${locale}`);
      await page
        .getByTestId('pagination')
        .getByRole('link', { name: /下一[頁页]/ })
        .click();
      await expect(page).toHaveURL(`/${locale}/page/2`);
      const second = await page.getByTestId('article-card').getByRole('heading').allTextContents();
      expect(second).toEqual(all.slice(pageSize, pageSize * 2).map((a) => a.title));
      await expect(page.locator('link[rel="alternate"][hreflang="zh-Hant"]')).toHaveAttribute(
        'href',
        /\/zh-Hant\/page\/2$/,
      );
      expect((await page.goto(`/${locale}/page/${pages + 1}`))?.status()).toBe(404);
      expect((await page.goto(`/${locale}/page/1`))?.status()).toBe(404);
    });
  }

  test('a listing that fits on one page has no pagination and no page 2', async ({ page }) => {
    const tag = content.tags.find((t) => articlesIn('zh-Hant').filter((a) => a.tagSlugs.includes(t.slug)).length > 0)!;
    await page.goto(`/zh-Hant/tags/${tag.slug}`);
    await expect(page.getByTestId('pagination')).toHaveCount(0);
    expect((await page.goto(`/zh-Hant/tags/${tag.slug}/page/2`))?.status()).toBe(404);
  });
});

test.describe('drafts and scheduled pieces', () => {
  test('never appear in the production site', async ({ page, request }) => {
    for (const path of [
      '/zh-Hant/articles/editors-draft-example',
      '/zh-Hans/articles/scheduled-example',
      '/zh-Hant/articles/scheduled-example',
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
    await page.goto('/zh-Hant/tags/media');
    await expect(page.getByText('草稿範例')).toHaveCount(0);
    const sitemap = await (await request.get('/sitemap.xml')).text();
    expect(sitemap).not.toContain('example');
    expect(content.articles.some((a) => a.slug.endsWith('example'))).toBe(false);
  });
});
