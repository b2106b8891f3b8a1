import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { changedFiles, productionBuildFiles } from './output-files';

// The static export (npm run export:static), made here while the production server of the other
// tests runs in the same folder, then served by a plain static file server, as a small site would
// be on any static host.

const PORT = Number(process.env.E2E_STATIC_PORT ?? 3193);
const origin = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;

test.describe.configure({ mode: 'serial' });

// What the export changed of the production build the server reads.
let changedForServer: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(900_000);
  expect(existsSync('.next/BUILD_ID'), 'run next build first: the export must leave it alone').toBe(true);
  const before = productionBuildFiles();
  const exported = spawnSync('npm', ['run', '-s', 'export:static'], { stdio: 'inherit' });
  expect(exported.status, 'npm run export:static').toBe(0);
  changedForServer = changedFiles(before, productionBuildFiles()).map((f) => `.next/${f}`);
  expect(existsSync('out/index.html')).toBe(true);
  // A server left on the port would be tested instead of this export.
  expect(
    await fetch(`${origin}/`).then(
      () => true,
      () => false,
    ),
    `something already answers on ${origin}`,
  ).toBe(false);
  // serve's own script, not npx, so that stopping it stops the server.
  server = spawn(
    process.execPath,
    [
      path.join('node_modules', 'serve', 'build', 'main.js'),
      'out',
      '--listen',
      `tcp://127.0.0.1:${PORT}`,
      '--no-clipboard',
      '--no-request-logging',
    ],
    { stdio: 'ignore' },
  );
  await expect
    .poll(
      () =>
        fetch(`${origin}/zh-Hant/`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 30_000 },
    )
    .toBe(200);
});

test.afterAll(() => {
  server?.kill();
});

test('the export leaves the production build alone: the running server serves its styles', async ({ page }) => {
  expect(changedForServer).toEqual([]);
  // The symptom once seen: after an export in the same folder the server answered its CSS with 500.
  const styles: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.css')) styles.push(`${r.status()} ${r.url()}`);
  });
  await page.goto('/zh-Hant/tags/alibaba');
  expect(styles.length).toBeGreaterThan(0);
  for (const style of styles) expect(style).toMatch(/^200 /);
});

test('pages, listings, the sitemap and robots.txt are plain files', async () => {
  for (const path of [
    '/zh-Hant/',
    '/zh-Hans/',
    '/zh-Hant/articles/double-11-ten-years/',
    '/zh-Hans/tags/alibaba/',
    '/zh-Hant/sections/tech/',
    '/zh-Hant/page/2/',
    '/zh-Hant/search/',
  ]) {
    const response = await fetch(`${origin}${path}`);
    expect(response.status, path).toBe(200);
    expect(await response.text(), path).toContain(`<html lang="${path.slice(1, 8)}"`);
  }
  expect(await (await fetch(`${origin}/sitemap.xml`)).text()).toContain('/zh-Hans/articles/double-11-ten-years');
  expect(await (await fetch(`${origin}/news-sitemap.xml`)).text()).toContain('xmlns:news=');
  // The part a static export needs for its params is taken out: the sample site fits one sitemap.
  expect(existsSync('out/sitemaps')).toBe(false);
  expect(await (await fetch(`${origin}/robots.txt`)).text()).toContain('Sitemap:');
  const missing = await fetch(`${origin}/zh-Hant/articles/no-such-story/`);
  expect(missing.status).toBe(404);
  expect(await missing.text()).toContain('找不到這個頁面');
});

test('an article reads as on the server, pictures included', async ({ page }) => {
  await page.goto(`${origin}/zh-Hant/articles/double-11-ten-years/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('雙 11');
  const hero = page.locator('article img').first();
  await expect(hero).toBeVisible();
  expect(await hero.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});

test('/ sends a reader to the script of their browser', async ({ browser }) => {
  for (const [locale, script] of [
    ['zh-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['en-US', 'zh-Hant'],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await expect(page).toHaveURL(`${origin}/${script}/`);
    await context.close();
  }
});

test('search works from the exported index', async ({ page }) => {
  await page.goto(`${origin}/zh-Hant/search/`);
  const box = page.getByRole('searchbox');
  await box.fill('雙 11');
  await box.press('Enter');
  await expect(page.getByTestId('search-status')).toHaveAttribute('data-state', 'done');
  const hrefs = await page
    .getByTestId('search-results')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.some((href) => href?.startsWith('/zh-Hant/articles/double-11-ten-years'))).toBe(true);
});

test('a story shares its hero: no server draws social cards in an export', async () => {
  const html = await (await fetch(`${origin}/zh-Hant/articles/double-11-ten-years/`)).text();
  const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(image).toMatch(/^https?:\/\/[^/]+\/images\/.+\.(?:jpe?g|png)$/);
  expect(html).not.toContain('/og/');
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image"');
  const hero = await fetch(`${origin}${new URL(image).pathname}`);
  expect(hero.status).toBe(200);
});
