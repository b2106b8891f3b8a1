import { expect, test } from '@playwright/test';

test('the first Tab reaches a skip link that jumps to the content', async ({ page }) => {
  await page.goto('/zh-Hant');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要內容' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('the theme toggle switches to dark and the choice survives a page change', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/zh-Hans');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  const background = () => page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
  const light = await background();
  await page.getByRole('button', { name: '切换深色或浅色主题' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  expect(await background()).not.toBe(light);
  await page.goto('/zh-Hans/tags');
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('the dark theme follows the system until the reader chooses', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/zh-Hant');
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('every image has a text alternative or is marked decorative', async ({ page }) => {
  for (const path of ['/zh-Hant', '/zh-Hans/articles/double-11-ten-years']) {
    await page.goto(path);
    const missing = await page.locator('img:not([alt])').count();
    expect(missing, path).toBe(0);
  }
});

test('images reserve their space before they load (no layout shift)', async ({ page }) => {
  await page.goto('/zh-Hant');
  const unsized = await page.locator('img').evaluateAll((imgs) =>
    imgs.filter((img) => !img.getAttribute('width') || !img.getAttribute('height')).length,
  );
  expect(unsized).toBe(0);
});

test('Han text is never given a synthesized bold or italic', async ({ page }) => {
  await page.goto('/zh-Hant/articles/double-11-ten-years');
  const synthesis = await page.locator('html').evaluate((html) => getComputedStyle(html).fontSynthesis);
  expect(synthesis).toBe('none');
});
