import { expect, test } from './fixtures';

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
  const unsized = await page
    .locator('img')
    .evaluateAll((imgs) => imgs.filter((img) => !img.getAttribute('width') || !img.getAttribute('height')).length);
  expect(unsized).toBe(0);
});

test("the page's lead image is fetched first and the rest only when scrolled near", async ({ page }) => {
  for (const path of ['/zh-Hant', '/zh-Hans/articles/double-11-ten-years']) {
    await page.goto(path);
    // The first image in <main> is the one a reader sees first: the lead story's or the article's hero.
    const images = page.locator('main img');
    const lead = images.first();
    await expect(lead, path).toHaveAttribute('fetchpriority', 'high');
    await expect(lead, path).toHaveAttribute('loading', 'eager');
    const leadSrcSet = await lead.getAttribute('srcset');
    expect(leadSrcSet, path).toContain('/_next/image?url=');
    // Requested from <head> before the parser reaches the <img>, at the same priority.
    const preload = page.locator('head link[rel="preload"][as="image"]');
    await expect(preload, path).toHaveCount(1);
    await expect(preload, path).toHaveAttribute('fetchpriority', 'high');
    expect(await preload.getAttribute('imagesrcset'), path).toBe(leadSrcSet);
    const rest = await images.evaluateAll((imgs) => imgs.slice(1).map((img) => img.getAttribute('loading')));
    expect(rest.length, path).toBeGreaterThan(0);
    expect(new Set(rest), path).toEqual(new Set(['lazy']));
    // The optimiser answers for the lead image: it has decoded pixels, not a broken-image icon.
    await expect
      .poll(() => lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { message: path })
      .toBeGreaterThan(0);
  }
});

test('Han text is never given a synthesized bold or italic', async ({ page }) => {
  await page.goto('/zh-Hant/articles/double-11-ten-years');
  const synthesis = await page.locator('html').evaluate((html) => getComputedStyle(html).fontSynthesis);
  expect(synthesis).toBe('none');
});

test('on a phone the site bar stays at the top while the page scrolls; on a desktop the header scrolls away @phone', async ({
  page,
}) => {
  const phone = test.info().project.name === 'phone';
  await page.goto('/zh-Hant/articles/double-11-ten-years');
  await expect(page.getByRole('banner')).toHaveCount(1);
  await page.mouse.wheel(0, 2000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  const name = page.getByTestId('site-bar').getByRole('link', { name: '觀潮科技' });
  // The section menu scrolls away with the page either way.
  await expect(page.getByRole('navigation', { name: '主選單' })).not.toBeInViewport();
  if (!phone) {
    await expect(name).not.toBeInViewport();
    return;
  }
  const bar = await page.getByTestId('site-bar').boundingBox();
  expect(bar!.y).toBe(0);
  expect(bar!.height).toBeLessThanOrEqual(56);
  await expect(name).toBeInViewport();
});
