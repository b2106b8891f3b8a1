import { expect, test } from './fixtures';

const notFound = {
  'zh-Hant': { title: '找不到這個頁面', home: '回到首頁' },
  'zh-Hans': { title: '找不到这个页面', home: '回到首页' },
} as const;

const unknown: [string, keyof typeof notFound][] = [
  ['/zh-Hant/articles/no-such-article', 'zh-Hant'],
  ['/zh-Hans/articles/no-such-article', 'zh-Hans'],
  ['/zh-Hant/tags/no-such-tag', 'zh-Hant'],
  ['/zh-Hans/authors/nobody', 'zh-Hans'],
  ['/zh-Hans/sections/nothing', 'zh-Hans'],
  ['/zh-Hant/a/b/c', 'zh-Hant'],
  ['/zh-Hans/404', 'zh-Hans'],
  ['/en', 'zh-Hant'],
  ['/zh-TW/articles/x', 'zh-Hant'],
];

test.describe('unknown URLs', () => {
  for (const [path, locale] of unknown) {
    test(`${path} is a ${locale} 404`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(notFound[locale].title);
      await page.getByRole('link', { name: notFound[locale].home }).click();
      await expect(page).toHaveURL(`/${locale}`);
    });
  }

  test('a missing file is a 404, not a 500', async ({ request }) => {
    expect((await request.get('/images/none.jpg')).status()).toBe(404);
  });
});

test.describe('HTTP hygiene', () => {
  test('methods other than GET and HEAD are refused', async ({ request }) => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PROPFIND']) {
      const response = await request.fetch('/zh-Hant', { method });
      expect(response.status(), method).toBe(405);
    }
    expect((await request.head('/zh-Hant')).status()).toBe(200);
  });

  test('pages carry security headers', async ({ request }) => {
    for (const path of ['/zh-Hant', '/zh-Hans/articles/double-11-ten-years', '/zh-Hant/nope']) {
      const headers = (await request.get(path)).headers();
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['x-powered-by'], path).toBeUndefined();
    }
  });
});
