import { expect, test, type Page } from './fixtures';
import { articlesIn, content, locales } from './site-data';

/** A phrase from an article's title: its longest run of Chinese characters. */
function titlePhrase(title: string): string {
  return [...title.matchAll(/\p{Script=Han}+/gu)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0]!;
}

async function search(page: Page, locale: string, query: string) {
  await page.goto(`/${locale}/search`);
  const box = page.getByRole('searchbox');
  await box.fill(query);
  await box.press('Enter');
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', /^(done|failed)$/);
}

const failedLabel = { 'zh-Hant': '搜尋暫時無法使用', 'zh-Hans': '搜索暂时无法使用' } as const;

for (const locale of locales) {
  test.describe(`search (${locale})`, () => {
    test('the header leads to the search page @phone', async ({ page }) => {
      await page.goto(`/${locale}`);
      await page.getByTestId('search-link').click();
      await expect(page).toHaveURL(`/${locale}/search`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'zh-Hant' ? '搜尋' : '搜索');
      await expect(page.getByRole('searchbox')).toBeVisible();
    });

    // One test per article: ten searches in one test outran its time limit on a busy machine.
    for (const article of articlesIn(locale)) {
      test(`${article.slug} is found by a phrase of its title, in the reader’s script`, async ({ page }) => {
        const phrase = titlePhrase(article.title);
        await search(page, locale, phrase);
        const results = page.getByTestId('search-results').getByRole('link');
        await expect(results.first()).toBeVisible();
        const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        expect(hrefs, `searching ${phrase}`).toContain(article.path);
        for (const href of hrefs) expect(href).toMatch(new RegExp(`^/${locale}/articles/`));
        await expect(page.getByTestId('search-status')).toContainText(`${hrefs.length} 篇文章`);
      });
    }

    test('matches are marked in the excerpt, and the result names its section @phone', async ({ page }) => {
      const article = articlesIn(locale).find((a) => !a.derivedFrom)!;
      const phrase = titlePhrase(article.title);
      await search(page, locale, phrase);
      const result = page.getByTestId('search-results').getByRole('listitem').filter({ has: page.locator(`a[href="${article.path}"]`) });
      await expect(result.locator('mark').first()).toBeVisible();
      const section = content.sections.find((s) => s.slug === article.sectionSlug)!;
      await expect(result).toContainText(section.name[locale]);
    });

    test('the query is kept in the address, so a search can be shared or reloaded', async ({ page }) => {
      const article = articlesIn(locale)[0]!;
      const phrase = titlePhrase(article.title);
      await search(page, locale, phrase);
      expect(new URL(page.url()).searchParams.get('q')).toBe(phrase);
      await page.goto(`/${locale}/search?q=${encodeURIComponent(phrase)}`);
      await expect(page.getByRole('searchbox')).toHaveValue(phrase);
      await expect(page.getByTestId('search-results').locator(`a[href="${article.path}"]`)).toBeVisible();
    });

    test('a query no article contains finds nothing', async ({ page }) => {
      await search(page, locale, '龘靐齉');
      await expect(page.getByTestId('search-status')).toHaveText(
        locale === 'zh-Hant' ? '找不到相符的文章，請換個關鍵字試試。' : '找不到相符的文章，请换个关键词试试。',
      );
      await expect(page.getByTestId('search-results')).toHaveCount(0);
      await expect(page.getByTestId('search-status')).not.toContainText(failedLabel[locale]);
    });
  });
}

test('an article converted from the other script is found in the script it was converted to', async ({ page }) => {
  const derived = content.articles.find((a) => a.derivedFrom);
  expect(derived, 'the sample site has a converted article').toBeTruthy();
  await search(page, derived!.locale, titlePhrase(derived!.title));
  await expect(page.getByTestId('search-results').locator(`a[href="${derived!.path}"]`)).toBeVisible();
});

test('the search index holds published articles only, not drafts', async ({ request }) => {
  const manifest = (await (await request.get('/pagefind/manifest.json')).json()) as Record<string, { parts: string[]; hidden: string[] }>;
  for (const locale of locales) {
    let pages = 0;
    // A build indexes every page once: nothing is hidden.
    expect(manifest[locale]!.hidden).toEqual([]);
    for (const part of manifest[locale]!.parts) {
      const entry = (await (await request.get(`${part}pagefind-entry.json`)).json()) as { languages: Record<string, { page_count: number }> };
      pages += Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    }
    expect(pages).toBe(articlesIn(locale).length);
  }
});
