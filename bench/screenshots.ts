// Takes the screenshots in docs/screenshots from a running production server:
// `npm run build && npm start`, then `npm run screenshots` (BASE_URL to use another address).
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath, missingChineseFontWarning } from './chromium';

const baseUrl = process.env.BASE_URL ?? 'http://localhost:3000';
const outDir = path.join(process.cwd(), 'docs', 'screenshots');

const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
const pages = {
  home: '/zh-Hant',
  article: '/zh-Hant/articles/double-11-ten-years',
  'article-hans': '/zh-Hans/articles/adsvantage-ai-copywriter',
  // A query in the other script, so the picture shows the conversion note and marked excerpts.
  'search-hans': `/zh-Hans/search?q=${encodeURIComponent('軟體')}`,
  author: '/zh-Hant/authors/chou-cheng-hsiang',
};

const fontWarning = missingChineseFontWarning();
if (fontWarning) console.log(fontWarning);

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
for (const [device, viewport] of Object.entries(viewports)) {
  const page = await browser.newPage({
    viewport,
    deviceScaleFactor: 1,
    colorScheme: 'light',
    isMobile: device === 'phone',
  });
  for (const [name, url] of Object.entries(pages)) {
    await page.goto(baseUrl + url, { waitUntil: 'networkidle' });
    // Scroll through once so that lazily loaded images are in the picture.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 60));
      }
      window.scrollTo(0, 0);
    });
    await page.waitForLoadState('networkidle');
    const file = path.join(outDir, `${name}-${device}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
