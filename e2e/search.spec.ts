import { expect, test, type Page } from './fixtures';
import { articlesIn, bodyText, content, locales } from './site-data';

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
      const result = page
        .getByTestId('search-results')
        .getByRole('listitem')
        .filter({ has: page.locator(`a[href="${article.path}"]`) });
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
  const manifest = (await (await request.get('/pagefind/manifest.json')).json()) as Record<
    string,
    { parts: string[]; hidden: string[] }
  >;
  for (const locale of locales) {
    let pages = 0;
    // A build indexes every page once: nothing is hidden.
    expect(manifest[locale]!.hidden).toEqual([]);
    for (const part of manifest[locale]!.parts) {
      const entry = (await (await request.get(`${part}pagefind-entry.json`)).json()) as {
        languages: Record<string, { page_count: number }>;
      };
      pages += Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    }
    expect(pages).toBe(articlesIn(locale).length);
  }
});

/** The result links of the search on the page, in order. */
const resultPaths = (page: Page) =>
  page
    .getByTestId('search-results')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));

/** The article pages of a script whose headline, dek or body contains `word`. */
const holding = (locale: 'zh-Hant' | 'zh-Hans', word: string) =>
  articlesIn(locale)
    .filter((a) => `${a.title}\n${a.summary}\n${bodyText(a)}`.includes(word))
    .map((a) => a.path);

test('a two-character word finds the pages holding it, not every page with either character @phone', async ({
  page,
}) => {
  await search(page, 'zh-Hant', '電商');
  const found = await resultPaths(page);
  expect(found.sort()).toEqual(holding('zh-Hant', '電商').sort());
  // 電池 and 出版商 hold one character each; the battery story never says 電商.
  expect(found).not.toContain('/zh-Hant/articles/battery-swapping-scooters');
  await expect(page.getByTestId('search-results').locator('mark').first()).toHaveText('電商');
});

test('a query in the other script is converted by the build’s converter, glossary included', async ({ page }) => {
  // 软件 is 軟體 in Taiwan (OpenCC's phrase table); 台湾 is 台灣 by the house glossary, not 臺灣.
  for (const [locale, query, word] of [
    ['zh-Hant', '软件', '軟體'],
    ['zh-Hant', '台湾', '台灣'],
    ['zh-Hans', '軟體', '软件'],
    ['zh-Hans', '伺服器', '服务器'],
  ] as const) {
    await search(page, locale, query);
    const found = await resultPaths(page);
    expect(found.length, `${query} on ${locale}`).toBeGreaterThan(0);
    expect(found.sort(), `${query} on ${locale}`).toEqual(holding(locale, word).sort());
    await expect(page.getByTestId('search-converted')).toContainText(word);
  }
});

test('excerpts come from the body: no headline, dek, byline, credit or reading time', async ({ page }) => {
  const article = articlesIn('zh-Hant').find((a) => a.slug === 'double-11-ten-years')!;
  await search(page, 'zh-Hant', '電商');
  const item = page
    .getByTestId('search-results')
    .getByRole('listitem')
    .filter({ has: page.locator(`a[href="${article.path}"]`) });
  const text = (await item.getByTestId('search-excerpt').textContent())!;
  expect(text).toContain('電商');
  expect(text).not.toContain('圖：');
  expect(text).not.toMatch(/分鐘/);
  expect(text.startsWith(article.title)).toBe(false);
});

test('filters narrow results by section and tag, and survive a reload', async ({ page }) => {
  await search(page, 'zh-Hant', 'AI');
  const all = await resultPaths(page);
  const section = content.sections[0]!;
  await page.getByTestId('search-section').selectOption(section.slug);
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done');
  const inSection = articlesIn('zh-Hant')
    .filter((a) => a.sectionSlug === section.slug)
    .map((a) => a.path);
  await expect.poll(() => resultPaths(page)).toEqual(all.filter((p) => inSection.includes(p)));
  expect(new URL(page.url()).searchParams.get('section')).toBe(section.slug);
  await page.reload();
  await expect(page.getByTestId('search-section')).toHaveValue(section.slug);
  await expect.poll(() => resultPaths(page)).toEqual(all.filter((p) => inSection.includes(p)));
  const tagged = articlesIn('zh-Hant').find((a) => all.includes(a.path) && a.tagSlugs.length > 0)!;
  await page.getByTestId('search-section').selectOption('');
  await page.getByTestId('search-tag').selectOption(tagged.tagSlugs[0]!);
  const withTag = articlesIn('zh-Hant')
    .filter((a) => a.tagSlugs.includes(tagged.tagSlugs[0]!))
    .map((a) => a.path);
  await expect.poll(() => resultPaths(page)).toEqual(all.filter((p) => withTag.includes(p)));
});

test('a sponsored story in the results carries its label', async ({ page }) => {
  const sponsored = articlesIn('zh-Hans').find((a) => a.sponsor)!;
  await search(page, 'zh-Hans', titlePhrase(sponsored.title));
  const item = page
    .getByTestId('search-results')
    .getByRole('listitem')
    .filter({ has: page.locator(`a[href="${sponsored.path}"]`) });
  await expect(item.getByTestId('sponsored-label')).toHaveText('广编企划');
});

test('the script switcher keeps the query, and the other site searches it @phone', async ({ page }) => {
  await search(page, 'zh-Hant', '軟體');
  await page.getByTestId('locale-switcher').first().click();
  await expect(page).toHaveURL(/\/zh-Hans\/search\?q=/);
  expect(new URL(page.url()).searchParams.get('q')).toBe('軟體');
  await expect(page.getByRole('searchbox')).toHaveValue('軟體');
  await expect.poll(() => resultPaths(page)).toEqual(expect.arrayContaining(holding('zh-Hans', '软件')));
});

test('nothing is downloaded for search until the reader searches', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/zh-Hant/search');
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
  await search(page, 'zh-Hant', '電商');
  expect(fetched.filter((p) => p.startsWith('/pagefind/')).length).toBeGreaterThan(0);
});
