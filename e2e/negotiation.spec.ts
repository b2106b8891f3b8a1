import { expect, test } from './fixtures';

const cases: [string, string][] = [
  ['zh-TW', '/zh-Hant'],
  ['zh-HK', '/zh-Hant'],
  ['zh-MO', '/zh-Hant'],
  ['zh-Hant', '/zh-Hant'],
  ['zh-Hant-TW,zh;q=0.8', '/zh-Hant'],
  ['zh-CN', '/zh-Hans'],
  ['zh-SG', '/zh-Hans'],
  ['zh-Hans', '/zh-Hans'],
  ['en-US,en;q=0.9,zh-CN;q=0.8', '/zh-Hans'],
  ['en-US,en;q=0.9', '/zh-Hant'],
  ['ja', '/zh-Hant'],
];

test.describe('language negotiation at /', () => {
  for (const [acceptLanguage, target] of cases) {
    test(`Accept-Language: ${acceptLanguage} -> ${target}`, async ({ playwright, baseURL }) => {
      const request = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { 'Accept-Language': acceptLanguage },
      });
      const response = await request.get('/', { maxRedirects: 0 });
      expect([307, 308]).toContain(response.status());
      expect(new URL(response.headers()['location'] ?? '', baseURL).pathname).toBe(target);
      await request.dispose();
    });
  }

  test('no Accept-Language at all goes to zh-Hant', async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const response = await request.get('/', { maxRedirects: 0, headers: { 'Accept-Language': '' } });
    expect(new URL(response.headers()['location'] ?? '', baseURL).pathname).toBe('/zh-Hant');
    await request.dispose();
  });

  test('a browser in Simplified Chinese lands on the zh-Hans home page', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(/\/zh-Hans$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await context.close();
  });
});
